package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What imports, exports, codegen and create-hive-table read about a table or query without reading rows: column
 * names, result columns, the primary key. Errors name the table and the option to fix.
 */
final class TableMetadata {
  /** The placeholder Sqoop replaces with each split's condition. */
  static final String CONDITIONS = "$CONDITIONS";

  private TableMetadata() {
  }

  /** The table's column names, or a clear error naming the table. */
  static List<String> tableColumns(Connection connection, Dialect dialect, String table, Session session) {
    String sql = "SELECT * FROM " + dialect.quoteTable(table) + " WHERE 1 = 0";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        names.add(rs.getMetaData().getColumnName(i));
      }
      return names;
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("42S02") || state.equals("42P01")) {
        throw new IngestException("Table " + table + " does not exist in " + session.spec().displayUrl()
            + " (check --table; 'sqoop list-tables' shows the tables)");
      }
      throw new IngestException("Cannot read the columns of table " + table + ": " + session.scrub(e.getMessage()), e);
    }
  }

  /** The table's own spelling of {@code wanted}: exact first, then ignoring case. */
  static String resolveColumn(String wanted, List<String> available, String table, String option) {
    for (String a : available) {
      if (a.equals(wanted)) {
        return a;
      }
    }
    for (String a : available) {
      if (a.equalsIgnoreCase(wanted)) {
        return a;
      }
    }
    throw new IngestException("Column " + wanted + " (from " + option + ") does not exist in table " + table
        + "; its columns are: " + String.join(", ", available));
  }

  static List<String> resolveColumns(List<String> wanted, List<String> available, String table) {
    List<String> out = new ArrayList<>();
    for (String w : wanted) {
      out.add(resolveColumn(w, available, table, "--columns"));
    }
    return out;
  }

  /** The columns a SELECT template (with $CONDITIONS) returns, read with a query that returns no rows. */
  static List<ColumnInfo> resultColumns(Connection connection, String template, String table, Session session) {
    String sql = template.replace(CONDITIONS, "(1 = 0)");
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ColumnInfo.of(rs.getMetaData());
    } catch (SQLException e) {
      throw new IngestException("SQL error in " + (table != null ? "the import of table " + table : "--query") + ": "
          + session.scrub(e.getMessage()), e);
    }
  }

  /** The first primary-key column of the table, or null. */
  static String primaryKey(Connection connection, String table) throws SQLException {
    String schema = null;
    String name = table;
    int dot = table.indexOf('.');
    if (dot > 0) {
      schema = table.substring(0, dot);
      name = table.substring(dot + 1);
    }
    DatabaseMetaData md = connection.getMetaData();
    String catalog = connection.getCatalog();
    if (schema == null) {
      try {
        schema = connection.getSchema();
      } catch (SQLException | AbstractMethodError e) {
        schema = null;
      }
    }
    String best = null;
    short bestSeq = Short.MAX_VALUE;
    for (String candidate : new String[] {name, name.toLowerCase(Locale.ROOT)}) {
      try (ResultSet rs = md.getPrimaryKeys(catalog, schema, candidate)) {
        while (rs.next()) {
          short seq = rs.getShort("KEY_SEQ");
          if (seq < bestSeq) {
            bestSeq = seq;
            best = rs.getString("COLUMN_NAME");
          }
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  /** The column name without its table or alias qualifier ({@code o.id} is {@code id}). */
  static String unqualified(String column) {
    return column.contains(".") ? column.substring(column.lastIndexOf('.') + 1) : column;
  }
}
