package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed multi-row statement into one line about the row and value the database refused. A batch of
 * thousands of rows fails as a whole ("parameter $2331", "at row 331" of one statement); so, only after a failure,
 * the statement's rows are tried again one by one in a transaction that is rolled back, and the first row that fails
 * alone is named with its file, line, column and value: {@code part-m-00001:2331: column rating: 'x' is not a DECIMAL}.
 */
final class BadRowFinder {
  private static final Pattern MYSQL_COLUMN = Pattern.compile("column '([^']*)'|column `[^`]*`\\.`[^`]*`\\.`([^`]*)`|column `([^`]*)`");
  private static final Pattern PG_PARAMETER = Pattern.compile("parameter \\$(\\d+)");
  private static final Pattern PG_COPY = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+): \"((?:[^\"]|\"\")*)\")?");
  private static final int MAX_VALUE_CHARS = 60;

  /** Binds one row's values to a single-row statement. */
  interface Binder {
    void bind(PreparedStatement statement, Object[] row) throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final ExportTarget target;

  BadRowFinder(Connection connection, Dialect dialect, ExportTarget target) {
    this.connection = connection;
    this.dialect = dialect;
    this.target = target;
  }

  /**
   * Replays {@code rows} (the failed statement's rows, the last {@code rows.size()} of {@code positions}) one at a
   * time with {@code singleRowSql}, bound by {@code binder}; everything is rolled back. Returns the precise error, or
   * {@code failure} itself when no single row fails (the problem is between rows, e.g. a duplicate key in the batch).
   */
  SQLException locate(SQLException failure, List<Object[]> rows, RowPositions positions, String singleRowSql,
      Binder binder) {
    return locate(failure, rows, positions, singleRowSql, binder, null);
  }

  /**
   * As {@link #locate(SQLException, List, RowPositions, String, Binder)}, for a statement whose parameters are not
   * the columns in order: {@code parameterColumns[k]} is the column of parameter {@code k + 1} (an UPDATE binds the
   * SET columns, then the keys).
   */
  SQLException locate(SQLException failure, List<Object[]> rows, RowPositions positions, String singleRowSql,
      Binder binder, int[] parameterColumns) {
    rollbackQuietly();
    if (positions == null || positions.size() < rows.size()) {
      return failure;
    }
    int first = positions.size() - rows.size();
    try (PreparedStatement one = connection.prepareStatement(singleRowSql)) {
      for (int r = 0; r < rows.size(); r++) {
        binder.bind(one, rows.get(r));
        try {
          one.executeUpdate();
        } catch (SQLException e) {
          return new RowValueException(describe(positions.position(first + r), rows.get(r), e, parameterColumns), failure);
        }
      }
    } catch (SQLException | RuntimeException e) {
      return failure;
    } finally {
      rollbackQuietly();
    }
    return failure;
  }

  /** A COPY error ("COPY t, line 2331, column rating: "x"") of the chunk whose rows are {@code positions}. */
  SQLException locateCopy(SQLException failure, RowPositions positions) {
    String message = String.valueOf(failure.getMessage());
    Matcher m = PG_COPY.matcher(message);
    if (positions == null || !m.find()) {
      return failure;
    }
    long index = Long.parseLong(m.group(1)) - 1;
    if (index < 0 || index >= positions.size()) {
      return failure;
    }
    LinePosition where = positions.position(index);
    if (m.group(2) == null) {
      return new RowValueException(label(where) + ": " + serverText(failure), failure);
    }
    int column = columnIndex(m.group(2));
    String value = m.group(3).replace("\"\"", "\"");
    return new RowValueException(label(where) + ": column " + m.group(2) + ": " + quote(value) + " "
        + reason(failure, column) + " (" + serverText(failure) + ")", failure);
  }

  private String describe(LinePosition where, Object[] row, SQLException e, int[] parameterColumns) {
    int column = column(e, row, parameterColumns);
    if (column < 0) {
      return label(where) + ": " + serverText(e);
    }
    Object value = row[column];
    return label(where) + ": column " + target.columns().get(column) + ": "
        + (value == null ? "NULL" : quote(String.valueOf(value))) + " " + reason(e, column) + " (" + serverText(e) + ")";
  }

  /** The column a server message is about: named by MySQL, numbered by PostgreSQL, else the column whose value it quotes. */
  private int column(SQLException e, Object[] row, int[] parameterColumns) {
    String message = String.valueOf(e.getMessage());
    Matcher named = MYSQL_COLUMN.matcher(message);
    if (named.find()) {
      String name = named.group(1) != null ? named.group(1) : named.group(2) != null ? named.group(2) : named.group(3);
      int index = columnIndex(name);
      if (index >= 0) {
        return index;
      }
    }
    Matcher parameter = PG_PARAMETER.matcher(message);
    if (parameter.find()) {
      int index = Integer.parseInt(parameter.group(1)) - 1;
      if (parameterColumns != null) {
        index = index >= 0 && index < parameterColumns.length ? parameterColumns[index] : -1;
      }
      if (index >= 0 && index < row.length) {
        return index;
      }
    }
    for (int c = 0; c < row.length; c++) {
      if (row[c] != null) {
        String v = String.valueOf(row[c]);
        if (!v.isEmpty() && (message.contains("\"" + v + "\"") || message.contains("'" + v + "'"))) {
          return c;
        }
      }
    }
    return -1;
  }

  private int columnIndex(String name) {
    List<String> columns = target.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(name.trim())) {
        return i;
      }
    }
    return -1;
  }

  private String reason(SQLException e, int column) {
    String type = column < 0 ? "value of the column" : typeName(target.type(column));
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (state.equals("22001") || message.contains("too long")) {
      return "does not fit " + type;
    }
    if (state.equals("22003") || message.contains("out of range")) {
      return "is out of range for " + type;
    }
    if (state.startsWith("23")) {
      return "breaks a constraint";
    }
    return "is not " + ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  private static String typeName(int jdbcType) {
    try {
      return JDBCType.valueOf(jdbcType).getName();
    } catch (IllegalArgumentException e) {
      return "value of type " + jdbcType;
    }
  }

  /** {@code file:line}, or {@code file record N} for Avro, Parquet and ORC input. */
  static String label(LinePosition where) {
    return where.isRecord() ? where.toString() : where.file() + ":" + where.line();
  }

  private static String quote(String value) {
    String shown = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "..." : value;
    return "'" + shown.replace("\n", "\\n") + "'";
  }

  /** The server's message on one line, without the driver's connection prefix. */
  private static String serverText(SQLException e) {
    return String.valueOf(e.getMessage()).replaceFirst("^\\(conn=\\d+\\) ", "").replaceAll("\\s+", " ").trim();
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // the failure being reported is the one that matters
    }
  }
}
