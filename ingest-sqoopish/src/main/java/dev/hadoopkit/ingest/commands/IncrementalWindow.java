package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * The rows an incremental import reads: {@code check > last AND check <= max} (append) or
 * {@code check >= last AND check < now} (lastmodified), with the bound read from the database first.
 *
 * @param filter the SQL condition, or null when there is nothing new
 * @param nextLastValue the --last-value of the next run
 * @param nothingNew true when an append finds no row past --last-value
 */
record IncrementalWindow(String filter, String nextLastValue, boolean nothingNew) {

  /**
   * Reads the bound of an incremental import.
   *
   * @param allColumns the table's columns (a --table import), to resolve --check-column
   * @param filter the --where condition of a --table import, or null
   */
  static IncrementalWindow read(Connection connection, Session session, ImportOptions options, List<String> allColumns,
      String filter) {
    Dialect dialect = session.spec().dialect();
    String table = options.table();
    String checkColumn = options.checkColumn();
    String checkExpr;
    String fromForMax;
    if (table != null) {
      checkExpr = dialect.quote(TableMetadata.resolveColumn(checkColumn, allColumns, table, "--check-column"));
      fromForMax = "FROM " + dialect.quoteTable(table) + (filter == null ? "" : " WHERE (" + filter + ")");
    } else {
      checkExpr = checkColumn;
      fromForMax = "FROM (" + options.query().replace(TableMetadata.CONDITIONS, "(1 = 1)") + ") AS t1";
    }
    String maxExpr = table != null ? checkExpr : "t1." + TableMetadata.unqualified(checkColumn);
    checkColumnType(connection, table != null ? "SELECT " + checkExpr + " FROM " + dialect.quoteTable(table) + " WHERE 1 = 0"
        : "SELECT " + maxExpr + " " + fromForMax + " WHERE 1 = 0", checkColumn, options.incremental(), session);
    String lastValue = options.lastValue();
    if (options.incremental() == ImportOptions.Incremental.APPEND) {
      Bound max = queryBound(connection, "SELECT MAX(" + maxExpr + ") " + fromForMax, dialect, session);
      if (max.literal() == null || (lastValue != null && max.text().equals(lastValue))) {
        return new IncrementalWindow(null, lastValue, true);
      }
      return new IncrementalWindow((lastValue == null ? "" : checkExpr + " > " + literalLike(max, lastValue, dialect) + " AND ")
          + checkExpr + " <= " + max.literal(), max.text(), false);
    }
    Bound now = queryBound(connection, "SELECT CURRENT_TIMESTAMP", dialect, session);
    return new IncrementalWindow((lastValue == null ? "" : checkExpr + " >= " + dialect.stringLiteral(lastValue) + " AND ")
        + checkExpr + " < " + now.literal(), now.text(), false);
  }

  /**
   * Sqoop 1.4.7 refuses a character check column ("can not be used to determine which rows to incrementally import":
   * '9' sorts after '10'); lastmodified compares the column with the database's current time, so it needs a date/time.
   */
  private static void checkColumnType(Connection connection, String sql, String column, ImportOptions.Incremental mode,
      Session session) {
    int type;
    String typeName;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      type = rs.getMetaData().getColumnType(1);
      typeName = rs.getMetaData().getColumnTypeName(1);
    } catch (SQLException e) {
      throw new IngestException("Cannot read the type of --check-column " + column + " with [" + sql + "]: "
          + session.scrub(e.getMessage()), e);
    }
    if (ColumnInfo.isStringType(type)) {
      throw new IngestException("Character column (" + column + ") can not be used to determine which rows to "
          + "incrementally import (it is " + typeName + "): use a numeric id column with --incremental append, or a "
          + "DATE/DATETIME/TIMESTAMP column with --incremental lastmodified");
    }
    boolean dateTime = type == Types.DATE || type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE
        || type == Types.TIME;
    if (mode == ImportOptions.Incremental.LASTMODIFIED && !dateTime) {
      throw new IngestException("--incremental lastmodified needs a date/time --check-column: " + column + " is "
          + typeName + " and would be compared with the current time; use --incremental append for an id column");
    }
  }

  /** A single value read back from the database, with its SQL literal and plain text. */
  private record Bound(String literal, String text, boolean numeric) {
  }

  private static Bound queryBound(Connection connection, String sql, Dialect dialect, Session session) {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      int type = rs.getMetaData().getColumnType(1);
      switch (type) {
        case Types.TINYINT:
        case Types.SMALLINT:
        case Types.INTEGER:
        case Types.BIGINT:
        case Types.DECIMAL:
        case Types.NUMERIC:
        case Types.REAL:
        case Types.FLOAT:
        case Types.DOUBLE: {
          BigDecimal v = rs.getBigDecimal(1);
          return v == null ? new Bound(null, null, true) : new Bound(v.toPlainString(), v.toPlainString(), true);
        }
        case Types.TIMESTAMP:
        case Types.TIMESTAMP_WITH_TIMEZONE: {
          Timestamp v = rs.getTimestamp(1);
          return v == null ? new Bound(null, null, false) : new Bound("'" + v + "'", v.toString(), false);
        }
        case Types.DATE: {
          java.sql.Date v = rs.getDate(1);
          return v == null ? new Bound(null, null, false) : new Bound("'" + v + "'", v.toString(), false);
        }
        default: {
          String v = rs.getString(1);
          return v == null ? new Bound(null, null, false) : new Bound(dialect.stringLiteral(v), v, false);
        }
      }
    } catch (SQLException e) {
      throw new IngestException("Cannot read the incremental check column with [" + sql + "]: " + session.scrub(e.getMessage()), e);
    }
  }

  private static String literalLike(Bound kind, String value, Dialect dialect) {
    if (kind.numeric()) {
      try {
        return new BigDecimal(value.trim()).toPlainString();
      } catch (NumberFormatException e) {
        throw new UsageException("Invalid --last-value " + value + ": the check column is numeric");
      }
    }
    return dialect.stringLiteral(value);
  }
}
