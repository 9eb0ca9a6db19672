package dev.hadoopkit.ingest.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What differs between the supported databases: quoting, catalog queries, streaming reads, upserts. */
public enum Dialect {
  MYSQL("jdbc:mysql:", "org.mariadb.jdbc.Driver", '`') {
    @Override
    public String listDatabasesSql() {
      return "SHOW DATABASES";
    }

    @Override
    public String listTablesSql() {
      return "SHOW TABLES";
    }

    @Override
    public Statement streamingStatement(Connection connection, int fetchSize) throws SQLException {
      Statement statement = connection.createStatement(java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
      // Connector/J 3 streams the result in chunks of fetchSize rows instead of buffering it all.
      statement.setFetchSize(fetchSize);
      return statement;
    }

    @Override
    public String upsertSuffix(List<String> columns, List<String> keys) {
      String updates = columns.stream().filter(c -> !containsIgnoreCase(keys, c))
          .map(c -> quote(c) + "=VALUES(" + quote(c) + ")").collect(Collectors.joining(", "));
      if (updates.isEmpty()) {
        updates = quote(keys.get(0)) + "=" + quote(keys.get(0));
      }
      return " ON DUPLICATE KEY UPDATE " + updates;
    }

    @Override
    public String stringLiteral(String value) {
      return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String updateFromStagingSql(String target, String staging, List<String> columns, List<String> keys) {
      String set = columns.stream().filter(c -> !containsIgnoreCase(keys, c))
          .map(c -> "t." + quote(c) + "=s." + quote(c)).collect(Collectors.joining(", "));
      String on = keys.stream().map(k -> "t." + quote(k) + "=s." + quote(k)).collect(Collectors.joining(" AND "));
      return "UPDATE " + quoteTable(target) + " t JOIN " + quoteTable(staging) + " s ON " + on + " SET " + set;
    }
  },
  POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver", '"') {
    @Override
    public String listDatabasesSql() {
      return "SELECT datname FROM pg_catalog.pg_database WHERE NOT datistemplate ORDER BY datname";
    }

    @Override
    public String listTablesSql() {
      return "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = (SELECT current_schema()) ORDER BY tablename";
    }

    @Override
    public Statement streamingStatement(Connection connection, int fetchSize) throws SQLException {
      // pgjdbc only uses a cursor (and so streams) with autocommit off and a positive fetch size.
      connection.setAutoCommit(false);
      Statement statement = connection.createStatement(java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(fetchSize);
      return statement;
    }

    @Override
    public String upsertSuffix(List<String> columns, List<String> keys) {
      String target = keys.stream().map(this::quote).collect(Collectors.joining(", "));
      String updates = columns.stream().filter(c -> !containsIgnoreCase(keys, c))
          .map(c -> quote(c) + "=EXCLUDED." + quote(c)).collect(Collectors.joining(", "));
      return updates.isEmpty() ? " ON CONFLICT (" + target + ") DO NOTHING"
          : " ON CONFLICT (" + target + ") DO UPDATE SET " + updates;
    }

    @Override
    public String stringLiteral(String value) {
      return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String updateFromStagingSql(String target, String staging, List<String> columns, List<String> keys) {
      String set = columns.stream().filter(c -> !containsIgnoreCase(keys, c))
          .map(c -> quote(c) + "=s." + quote(c)).collect(Collectors.joining(", "));
      String where = keys.stream().map(k -> "t." + quote(k) + "=s." + quote(k)).collect(Collectors.joining(" AND "));
      return "UPDATE " + quoteTable(target) + " AS t SET " + set + " FROM " + quoteTable(staging) + " AS s WHERE " + where;
    }
  };

  private final String urlPrefix;
  private final String driverClass;
  private final char quote;

  Dialect(String urlPrefix, String driverClass, char quote) {
    this.urlPrefix = urlPrefix;
    this.driverClass = driverClass;
    this.quote = quote;
  }

  /** The JDBC URL prefix Sqoop users write for this database. */
  public String urlPrefix() {
    return urlPrefix;
  }

  /** The driver class this build uses for the dialect. */
  public String driverClass() {
    return driverClass;
  }

  public abstract String listDatabasesSql();

  public abstract String listTablesSql();

  /** A statement whose result set is streamed from the server in batches of {@code fetchSize} rows. */
  public abstract Statement streamingStatement(Connection connection, int fetchSize) throws SQLException;

  /** The clause that turns a multi-row INSERT into an upsert on {@code keys}. */
  public abstract String upsertSuffix(List<String> columns, List<String> keys);

  /** A SQL string literal with the dialect's escaping. */
  public abstract String stringLiteral(String value);

  /** An UPDATE of {@code target} from the matching rows of {@code staging}. */
  public abstract String updateFromStagingSql(String target, String staging, List<String> columns, List<String> keys);

  /** Quotes one identifier (a column name). */
  public String quote(String identifier) {
    String q = String.valueOf(quote);
    return q + identifier.replace(q, q + q) + q;
  }

  /** Quotes a possibly schema-qualified table name ({@code schema.table}). */
  public String quoteTable(String table) {
    int dot = table.indexOf('.');
    if (dot > 0 && dot < table.length() - 1) {
      return quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
    }
    return quote(table);
  }

  /** The dialect of a JDBC URL, or null if this build does not support it. */
  public static Dialect forUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
      return MYSQL;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    return null;
  }

  static boolean containsIgnoreCase(List<String> names, String name) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
