package dev.hadoopkit.ingest.testdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The servers the ITs get behave like the local services, whichever is in use: an embedded one only when asked
 * for or when the local one is down, utf8mb4/UTF8 by default, and passwords really checked (grants enforced).
 */
class EmbeddedFallbackIT {

  @Test
  void mariaDbIsEmbeddedExactlyWhenAskedForOrDownAndChecksPasswords() throws SQLException {
    DbServer server = TestServers.mariaDb();
    assertModeRespected(server);
    String db = TestDatabases.uniqueName("hk_servers");
    String url = TestDatabases.createMariaDb(db);
    assertEquals("jdbc:mysql://" + server.address() + "/" + db, url);
    String user = TestDatabases.uniqueName("hkchk").substring(0, 16);
    try (Connection c = TestDatabases.mariaDb(db); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (v VARCHAR(10))");
      s.execute("INSERT INTO t VALUES ('crème 😀')");
      try (ResultSet rs = s.executeQuery("SELECT v, @@character_set_database FROM t")) {
        rs.next();
        assertEquals("crème 😀", rs.getString(1));
        assertEquals("utf8mb4", rs.getString(2));
      }
      s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Right-1'");
      s.execute("GRANT SELECT ON " + db + ".* TO '" + user + "'@'%'");
      try {
        try (Connection ok = DriverManager.getConnection(server.jdbcUrl(db), user, "Right-1")) {
          assertTrue(ok.isValid(2));
        }
        SQLException denied = assertThrows(SQLException.class,
            () -> DriverManager.getConnection(server.jdbcUrl(db), user, "Wrong-1").close());
        assertTrue(denied.getMessage().contains("Access denied"), denied.getMessage());
      } finally {
        s.execute("DROP USER '" + user + "'@'%'");
      }
    } finally {
      TestDatabases.dropMariaDb(db);
    }
  }

  @Test
  void postgresIsEmbeddedExactlyWhenAskedForOrDownAndSpeaksUtf8() throws SQLException {
    DbServer server = TestServers.postgres();
    assertModeRespected(server);
    String db = TestDatabases.uniqueName("hk_servers");
    String url = TestDatabases.createPostgres(db);
    assertEquals("jdbc:postgresql://" + server.address() + "/" + db, url);
    try (Connection c = TestDatabases.postgres(db); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (v VARCHAR(10))");
      s.execute("INSERT INTO t VALUES ('crème 😀')");
      try (ResultSet rs = s.executeQuery("SELECT v, pg_encoding_to_char(encoding) FROM t, pg_database"
          + " WHERE datname = current_database()")) {
        rs.next();
        assertEquals("crème 😀", rs.getString(1));
        assertEquals("UTF8", rs.getString(2));
      }
    } finally {
      TestDatabases.dropPostgres(db);
    }
  }

  private static void assertModeRespected(DbServer server) {
    switch (TestServers.Mode.current()) {
      case EMBEDDED -> assertTrue(server.embedded(), server + " with " + TestServers.MODE_PROPERTY + "=embedded");
      case LOCAL -> assertFalse(server.embedded(), server + " with " + TestServers.MODE_PROPERTY + "=local");
      case AUTO -> assertEquals(TestServers.probe(TestServers.localServer(server.product())) != null,
          server.embedded(), server + ": embedded exactly when the local service does not answer");
    }
  }
}
