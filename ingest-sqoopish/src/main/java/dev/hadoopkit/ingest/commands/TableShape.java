package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * The columns an import of {@code --table} (with {@code --columns}) or {@code --query} would write, read from the
 * database without reading rows: what codegen and create-hive-table describe.
 */
record TableShape(String table, List<ColumnInfo> columns) {
  /** Connects with the command's connection options and reads the shape. */
  static TableShape read(Args args, Configuration conf, Console console, boolean queryAllowed) {
    Session session = Session.from(args, conf, console);
    try (Connection connection = session.open()) {
      return read(args, connection, session.spec().dialect(), session, queryAllowed);
    } catch (SQLException e) {
      throw new IngestException("Cannot read the columns: " + session.scrub(e.getMessage()), e);
    }
  }

  private static TableShape read(Args args, Connection connection, Dialect dialect, Session session, boolean queryAllowed) {
    String table = args.get("table");
    String query = queryAllowed ? args.get("query") : null;
    if (table != null && query != null) {
      throw new UsageException("Cannot specify --query and --table together: use one of them");
    }
    if (table == null && query == null) {
      throw new UsageException("Missing --table" + (queryAllowed ? " or --query" : "") + ": say which table to describe");
    }
    if (query != null) {
      if (!query.contains(TableMetadata.CONDITIONS)) {
        throw new UsageException("Query [" + query + "] must contain '$CONDITIONS' in WHERE clause");
      }
      return new TableShape(null, TableMetadata.resultColumns(connection, query, null, session));
    }
    List<String> all = TableMetadata.tableColumns(connection, dialect, table, session);
    List<String> selected = args.has("columns") ? TableMetadata.resolveColumns(args.getList("columns"), all, table) : all;
    String template = "SELECT " + selected.stream().map(dialect::quote).collect(Collectors.joining(", ")) + " FROM "
        + dialect.quoteTable(table) + " WHERE " + TableMetadata.CONDITIONS;
    return new TableShape(table, TableMetadata.resultColumns(connection, template, table, session));
  }

  /** The name Sqoop gives the generated class and the .avsc file: --class-name's last part, the table, or QueryResult. */
  String recordName(Args args) {
    String className = args.get("class-name");
    if (className != null) {
      return className.substring(className.lastIndexOf('.') + 1);
    }
    return table == null ? "QueryResult" : table.substring(table.lastIndexOf('.') + 1);
  }
}
