package dev.hadoopkit.ingest;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The local MariaDB (127.0.0.1:3306, root) and PostgreSQL (127.0.0.1:5432, postgres) the ITs run against. Each test
 * class makes its own uniquely named database and drops it afterwards. A server that does not answer fails the test
 * with a message saying how to start it.
 */
public final class TestDatabases {
  public static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
  public static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private TestDatabases() {
  }

  public static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Creates database {@code name} on MariaDB; returns its jdbc:mysql: URL (the Sqoop users' spelling). */
  public static String createMariaDb(String name) {
    try (Connection c = DriverManager.getConnection(MARIADB_SERVER, "root", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    } catch (SQLException e) {
      fail("MariaDB at 127.0.0.1:3306 (user root, no password) does not answer: " + e.getMessage()
          + ". Start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
    }
    return "jdbc:mysql://127.0.0.1:3306/" + name;
  }

  public static Connection mariaDb(String name) throws SQLException {
    return DriverManager.getConnection(MARIADB_SERVER + name, "root", "");
  }

  public static void dropMariaDb(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(MARIADB_SERVER, "root", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  public static String createPostgres(String name) {
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      fail("PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) does not answer: " + e.getMessage()
          + ". Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    }
    return POSTGRES_SERVER + name;
  }

  public static Connection postgres(String name) throws SQLException {
    return DriverManager.getConnection(POSTGRES_SERVER + name, "postgres", "");
  }

  public static void dropPostgres(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
