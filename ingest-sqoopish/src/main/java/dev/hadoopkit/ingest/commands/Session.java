package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.ConnectionOptions;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.db.ConnectionSpec;
import dev.hadoopkit.ingest.IngestException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** The connection of one command run: spec plus the password, held in memory only. */
final class Session {
  private final ConnectionSpec spec;
  private final char[] password;

  private Session(ConnectionSpec spec, char[] password) {
    this.spec = spec;
    this.password = password;
  }

  static Session from(Args args, Configuration conf, Console console) {
    ConnectionSpec spec = ConnectionOptions.spec(args, console);
    char[] password = ConnectionOptions.password(args, conf, console);
    return new Session(spec, password);
  }

  ConnectionSpec spec() {
    return spec;
  }

  char[] password() {
    return password;
  }

  Connection open() {
    return open(Map.of());
  }

  Connection open(Map<String, String> extraParams) {
    Connection connection = spec.open(password, extraParams);
    String schema = spec.params().get(ConnectionOptions.POSTGRES_SCHEMA_PARAM);
    if (schema != null) {
      checkSchema(connection, schema);
    }
    return connection;
  }

  /** pgjdbc accepts a search_path naming no schema; every table would then be "missing": say what is wrong. */
  private void checkSchema(Connection connection, String schema) {
    String sql = "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
        + "AND nspname <> 'information_schema' ORDER BY nspname";
    List<String> schemas = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        schemas.add(rs.getString(1));
      }
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IngestException("Cannot read the schemas of " + spec.displayUrl() + ": " + scrub(e.getMessage()), e);
    }
    if (!schemas.contains(schema)) {
      closeQuietly(connection);
      throw new IngestException("Schema " + schema + " (from -- --schema) does not exist in database " + spec.databaseName()
          + "; its schemas are: " + String.join(", ", schemas));
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // already failing with a better message
    }
  }

  /** A driver message with any echo of the password removed. */
  String scrub(String message) {
    return ConnectionSpec.scrub(message, password);
  }
}
