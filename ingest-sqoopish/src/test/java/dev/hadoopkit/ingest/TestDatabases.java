package dev.hadoopkit.ingest;

import dev.hadoopkit.ingest.testdb.DbServer;
import dev.hadoopkit.ingest.testdb.TestServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MariaDB and PostgreSQL the ITs run against: the local services (127.0.0.1:3306 as root, 127.0.0.1:5432 as
 * postgres) when they answer, otherwise embedded real servers started once per JVM (see {@link TestServers}, and
 * {@code -Dhk.test.db=embedded|local}). Each test class makes its own uniquely named database and drops it
 * afterwards. Every URL returned points at the server in use.
 */
public final class TestDatabases {
  private TestDatabases() {
  }

  public static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** The MariaDB server in use (local or embedded). */
  public static DbServer mariaDbServer() {
    return TestServers.mariaDb();
  }

  /** The PostgreSQL server in use (local or embedded). */
  public static DbServer postgresServer() {
    return TestServers.postgres();
  }

  /** Creates database {@code name} on MariaDB; returns its jdbc:mysql: URL (the Sqoop users' spelling). */
  public static String createMariaDb(String name) {
    return create(mariaDbServer(), "", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4", name);
  }

  public static Connection mariaDb(String name) throws SQLException {
    return TestServers.connect(mariaDbServer(), name);
  }

  public static void dropMariaDb(String name) throws SQLException {
    try (Connection c = TestServers.connect(mariaDbServer(), ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  /** Creates database {@code name} on PostgreSQL; returns its jdbc:postgresql: URL. */
  public static String createPostgres(String name) {
    return create(postgresServer(), "postgres", "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0", name);
  }

  /** Runs {@code ddl} connected to {@code adminDatabase}; returns the Sqoop URL of database {@code name}. */
  private static String create(DbServer server, String adminDatabase, String ddl, String name) {
    try (Connection c = TestServers.connect(server, adminDatabase); Statement s = c.createStatement()) {
      s.execute(ddl);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + " on the " + server + ": " + e.getMessage(), e);
    }
    return server.sqoopUrl(name);
  }

  public static Connection postgres(String name) throws SQLException {
    return TestServers.connect(postgresServer(), name);
  }

  public static void dropPostgres(String name) throws SQLException {
    try (Connection c = TestServers.connect(postgresServer(), "postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
