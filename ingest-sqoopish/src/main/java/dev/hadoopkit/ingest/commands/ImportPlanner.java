package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import dev.hadoopkit.ingest.imports.ImportSchema;
import dev.hadoopkit.ingest.imports.OutputKind;
import dev.hadoopkit.ingest.imports.mysql.RawTextCodec;
import dev.hadoopkit.ingest.imports.SplitPlanner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;

/**
 * Plans one import against the database: first the SELECT (columns, --where, the incremental window, the MySQL
 * date/time rewrite), then the splits (primary key or --split-by, bounding query).
 */
final class ImportPlanner {
  private final Connection connection;
  private final Session session;
  private final Dialect dialect;
  private final ImportOptions options;
  private final Console console;

  /** The SELECT of an import before its splits are planned. */
  record Select(String template, String filter, List<String> allColumns, List<ColumnInfo> columns,
      List<String> asString, Schema avroSchema, String nextLastValue, boolean nothingNew) {
  }

  ImportPlanner(Connection connection, Session session, ImportOptions options, Console console) {
    this.connection = connection;
    this.session = session;
    this.dialect = session.spec().dialect();
    this.options = options;
    this.console = console;
  }

  /** The SELECT; {@link Select#nothingNew} when an incremental append finds no new row. */
  Select select() {
    String table = options.table();
    String filter = options.where();
    List<String> allColumns = table != null ? TableMetadata.tableColumns(connection, dialect, table, session) : List.of();
    String incrementalFilter = null;
    String nextLastValue = null;
    if (options.incremental() != null) {
      IncrementalWindow window = IncrementalWindow.read(connection, session, options, allColumns, filter);
      if (window.nothingNew()) {
        return new Select(null, filter, allColumns, List.of(), List.of(), null, window.nextLastValue(), true);
      }
      incrementalFilter = window.filter();
      nextLastValue = window.nextLastValue();
    }
    String template;
    if (table != null) {
      List<String> selected = options.columns().isEmpty() ? allColumns
          : TableMetadata.resolveColumns(options.columns(), allColumns, table);
      String columnList = selected.stream().map(dialect::quote).collect(Collectors.joining(", "));
      String where = join(filter == null ? null : "(" + filter + ")",
          incrementalFilter == null ? null : "(" + incrementalFilter + ")");
      template = "SELECT " + columnList + " FROM " + dialect.quoteTable(table) + " WHERE "
          + (where == null ? "" : where + " AND ") + TableMetadata.CONDITIONS;
      filter = where;
    } else {
      template = incrementalFilter == null ? options.query()
          : options.query().replace(TableMetadata.CONDITIONS, "(" + incrementalFilter + ") AND " + TableMetadata.CONDITIONS);
    }
    List<ColumnInfo> columns = TableMetadata.resultColumns(connection, template, table, session);
    Map<String, String> javaTypes = ColumnJavaTypes.of(options.mapColumnJava(), columns, options.kind());
    List<String> asString = javaTypes.entrySet().stream().filter(e -> e.getValue().equals("String"))
        .map(Map.Entry::getKey).collect(Collectors.toList());
    Schema avroSchema = options.kind().isBinary() ? ImportSchema.of(table, columns, javaTypes) : null;
    if (table != null && dialect == Dialect.MYSQL && !rawText(dialect, options)) {
      template = castTemporalToChar(template, columns);
    }
    return new Select(template, filter, allColumns, columns, asString, avroSchema, nextLastValue, false);
  }

  /**
   * True when a MySQL table import reads dates (and, to text, integers) as the server's bytes ({@link RawTextCodec})
   * instead of selecting dates as CAST(col AS CHAR): that CAST costs the server time per row, and the driver's
   * getString of a DATETIME costs the client more. Text and binary outputs alike; {@code --query} imports keep the
   * CAST.
   */
  static boolean rawText(Dialect dialect, ImportOptions options) {
    return dialect == Dialect.MYSQL && options.table() != null && RawTextCodec.loadedByDriver();
  }

  /**
   * Connector/J parses and re-formats every DATE/DATETIME value; the server's own text is the same wall clock, so a
   * MySQL table import selects them as CAST(col AS CHAR).
   */
  private String castTemporalToChar(String template, List<ColumnInfo> columns) {
    return "SELECT " + columns.stream().map(c -> SplitPlanner.kindOf(c.jdbcType()) == null
        || (c.jdbcType() != Types.DATE && c.jdbcType() != Types.TIMESTAMP) ? dialect.quote(c.name())
        : "CAST(" + dialect.quote(c.name()) + " AS CHAR) AS " + dialect.quote(c.name())).collect(Collectors.joining(", "))
        + template.substring(template.indexOf(" FROM "));
  }

  /** The splits of the SELECT: one per mapper, on the primary key or --split-by. */
  ImportPlan splits(Select select, Configuration conf) throws SQLException {
    return new ImportPlan(select.template(), select.columns(), select.asString(), select.avroSchema(),
        planSplits(select, conf), select.nextLastValue());
  }

  private List<String> planSplits(Select select, Configuration conf) throws SQLException {
    if (options.mappers() == 1) {
      return List.of(SplitPlanner.ALL);
    }
    String table = options.table();
    String splitBy = options.splitBy();
    String conditionColumn;
    String boundaryColumn;
    String from;
    if (table != null) {
      if (splitBy == null) {
        splitBy = TableMetadata.primaryKey(connection, table);
        if (splitBy == null) {
          if (options.autoresetToOneMapper()) {
            console.warn("Table " + table + " has no primary key: importing with one mapper (--autoreset-to-one-mapper).");
            return List.of(SplitPlanner.ALL);
          }
          throw new UsageException("No primary key could be found for table " + table + ". Please specify one with "
              + "--split-by or perform a sequential import with '-m 1'.");
        }
      } else {
        splitBy = TableMetadata.resolveColumn(splitBy, select.allColumns(), table, "--split-by");
      }
      conditionColumn = dialect.quote(splitBy);
      boundaryColumn = conditionColumn;
      from = "FROM " + dialect.quoteTable(table) + (select.filter() == null ? "" : " WHERE " + select.filter());
    } else {
      conditionColumn = splitBy;
      boundaryColumn = "t1." + TableMetadata.unqualified(splitBy);
      from = "FROM (" + select.template().replace(TableMetadata.CONDITIONS, "(1 = 1)") + ") AS t1";
    }
    SplitPlanner planner = new SplitPlanner(connection, dialect,
        conf.getInt(IngestKeys.IMPORT_MAX_SPLITS, IngestKeys.DEFAULT_IMPORT_MAX_SPLITS));
    List<String> splits = planner.plan(conditionColumn, boundaryColumn, from, options.boundaryQuery(), options.mappers(),
        options.splitLimit());
    planner.warnings().forEach(console::warn);
    console.info("BoundingValsQuery / splits on " + splitBy + ": " + splits.size() + " split(s)");
    return splits;
  }

  static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " AND " + b;
  }
}
