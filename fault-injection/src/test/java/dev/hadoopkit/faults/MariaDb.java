package dev.hadoopkit.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The local MariaDB (127.0.0.1:3306, root, no password), one database per test class, checked with plain SQL. */
final class MariaDb {
  static final String HOST = "jdbc:mariadb://127.0.0.1:3306/";

  private final String database;

  private MariaDb(String database) {
    this.database = database;
  }

  static MariaDb fresh(String database) throws SQLException {
    try (Connection connection = DriverManager.getConnection(HOST, "root", "");
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database);
    }
    return new MariaDb(database);
  }

  String url() {
    return HOST + database;
  }

  void execute(String... sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(), "root", "");
         Statement statement = connection.createStatement()) {
      for (String one : sql) {
        statement.execute(one);
      }
    }
  }

  long single(String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(), "root", "");
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  void drop() throws SQLException {
    try (Connection connection = DriverManager.getConnection(HOST, "root", "");
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
    }
  }
}
