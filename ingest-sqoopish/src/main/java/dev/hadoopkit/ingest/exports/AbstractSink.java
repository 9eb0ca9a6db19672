package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Commit bookkeeping shared by the sinks: counts rows, commits, tells the listener the committed total. */
abstract class AbstractSink implements RowSink {
  protected final Connection connection;
  protected final Dialect dialect;
  protected final ExportTarget target;
  private final LongConsumer onCommit;
  private long committed;
  private long uncommitted;
  /** The first and last pending rows' positions (copies: the reader reuses its object); no text per row. */
  private final LinePosition firstPending = new LinePosition();
  private final LinePosition lastPending = new LinePosition();
  private boolean anyPending;
  /** Where each pending row came from, when the sink asked for it ({@link #trackPositions}); else null. */
  private RowPositions positions;

  AbstractSink(Connection connection, Dialect dialect, ExportTarget target, LongConsumer onCommit) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.target = target;
    this.onCommit = onCommit;
    int width = target.columns().size();
    this.integral = new boolean[width];
    for (int c = 0; c < width; c++) {
      integral[c] = dialect == Dialect.MYSQL && isInteger(target.type(c));
    }
    connection.setAutoCommit(false);
  }

  /** TINYINT, SMALLINT, INTEGER or BIGINT: the columns whose plain decimal text is bound as a number on MySQL. */
  static boolean isInteger(int type) {
    return type == Types.TINYINT || type == Types.SMALLINT || type == Types.INTEGER || type == Types.BIGINT;
  }

  /** Per column: an integer column of MySQL/MariaDB, whose plain decimal text is bound as a number. */
  private final boolean[] integral;

  /** Binds a whole row to a single-row statement whose parameters are the target's columns in order. */
  protected final void bindRow(PreparedStatement statement, Object[] row) throws SQLException {
    for (int c = 0; c < row.length; c++) {
      bind(statement, c + 1, c, row[c]);
    }
  }

  /** Keeps the file and line of every pending row, so that a server message about "row N" can name them. */
  protected final void trackPositions() {
    positions = new RowPositions();
  }

  /** Notes a row that is written but not yet committed. */
  protected final void pending(LinePosition where) {
    if (positions != null) {
      positions.add(where);
    }
    uncommitted++;
    if (!anyPending) {
      firstPending.set(where.file(), where.line(), where.isRecord());
      anyPending = true;
    }
    lastPending.set(where.file(), where.line(), where.isRecord());
  }

  /** Rows written since the last commit. */
  protected final long uncommitted() {
    return uncommitted;
  }

  /**
   * LOAD DATA LOCAL skips rows whose key already exists (LOCAL implies IGNORE) and may drop bad rows with a warning:
   * a chunk that stored fewer rows than it was given is rolled back and fails the export.
   */
  protected final void checkLoaded(long loaded) throws SQLException {
    if (loaded >= 0 && loaded != uncommitted) {
      connection.rollback();
      throw new SQLException("LOAD DATA stored " + loaded + " of " + uncommitted + " rows (rows whose key already exists, "
          + "or rejected values, are skipped by LOCAL loads); the chunk was rolled back");
    }
  }

  /**
   * LOAD DATA LOCAL turns every rejected value into a warning and stores a changed one ({@code 12x} as 12.00, a
   * string cut to the column's length, an empty number as 0), where an INSERT in strict mode fails. The first
   * warning (notes, such as a decimal rounded to the column's scale, pass as they do for INSERT) rolls the chunk back
   * and fails the export, naming the file, line and column it is about.
   *
   * @param rows where the chunk's rows came from (row N of the load is element N - 1)
   */
  protected final void checkWarnings(RowPositions rows, String range) throws SQLException {
    checkWarnings(connection, rows, range);
  }

  /** As {@link #checkWarnings(RowPositions, String)}, for a load that ran on {@code on}. */
  protected final void checkWarnings(Connection on, RowPositions rows, String range) throws SQLException {
    try (Statement show = on.createStatement(); ResultSet rs = show.executeQuery("SHOW WARNINGS")) {
      while (rs.next()) {
        String level = rs.getString(1);
        if ("Note".equalsIgnoreCase(level)) {
          continue;
        }
        int code = rs.getInt(2);
        String message = rs.getString(3);
        on.rollback();
        Matcher row = WARNING_ROW.matcher(message);
        String where = row.find() && rows != null ? rows.describe(Long.parseLong(row.group(1)) - 1) : range;
        Matcher column = WARNING_COLUMN.matcher(message);
        String name = column.find() ? (column.group(1) != null ? column.group(1) : column.group(2)) : null;
        throw new SQLException(where + (name == null ? "" : ", column " + name) + ": the server would store a changed value ("
            + level + " " + code + ": " + message + "). Fix the value in the file or the column's type; the chunk ("
            + range + ") was rolled back");
      }
    }
  }

  private static final Pattern WARNING_ROW = Pattern.compile("\\brow (\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern WARNING_COLUMN = Pattern.compile("column '([^']*)'|column `[^`]*`\\.`[^`]*`\\.`([^`]*)`");

  /** Rows handed to an asynchronous load: how many, where they came from (for error messages), each row's position. */
  protected record PendingChunk(long rows, String range, RowPositions positions) {
  }

  /** Hands the rows pending so far to a load running elsewhere, and forgets them here. */
  protected final PendingChunk takePending() {
    PendingChunk chunk = new PendingChunk(uncommitted, pendingRange(), positions);
    if (positions != null) {
      positions = new RowPositions();
    }
    uncommitted = 0;
    anyPending = false;
    return chunk;
  }

  /** The positions of the rows pending now (null unless tracked). */
  protected final RowPositions pendingPositions() {
    return positions;
  }

  /** Counts the rows of a chunk whose transaction the database has committed. */
  protected final void chunkCommitted(long rows) {
    committed += rows;
    onCommit.accept(committed);
  }

  protected final void commit() throws SQLException {
    connection.commit();
    committed += uncommitted;
    uncommitted = 0;
    if (positions != null) {
      positions.clear();
    }
    anyPending = false;
    onCommit.accept(committed);
  }

  @Override
  public long committed() {
    return committed;
  }

  @Override
  public String pendingRange() {
    if (!anyPending) {
      return "(none)";
    }
    String first = firstPending.toString();
    String last = lastPending.toString();
    return first.equals(last) ? first : first + " to " + last;
  }

  /** MySQL stores booleans as numbers: Sqoop's true/false text becomes 1/0 there. */
  protected final String adapt(int column, String value) {
    int type = target.type(column);
    if (dialect == Dialect.MYSQL && (type == Types.BIT || type == Types.BOOLEAN)) {
      if (value.equalsIgnoreCase("true")) {
        return "1";
      }
      if (value.equalsIgnoreCase("false")) {
        return "0";
      }
    }
    return value;
  }

  /** Binds one value: text through {@link #adapt}, typed values (from binary files) as they are. */
  protected final void bind(PreparedStatement statement, int parameter, int column, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(parameter, target.type(column));
    } else if (value instanceof String) {
      String text = (String) value;
      if (integral[column]) {
        long number = plainLong(text);
        if (number != NOT_PLAIN) {
          // The server stores what it would parse from the text, without parsing it (a smaller binary value too).
          statement.setLong(parameter, number);
          return;
        }
      }
      statement.setString(parameter, adapt(column, text));
    } else if (value instanceof Long && integral[column]) {
      // A plain decimal the reader parsed already (ExportMapper.splitFields).
      statement.setLong(parameter, (Long) value);
    } else {
      statement.setObject(parameter, value);
    }
  }

  static final long NOT_PLAIN = Long.MIN_VALUE;

  /**
   * The value of {@code -?[0-9]{1,18}}, or {@link #NOT_PLAIN} for any other text (signs, spaces, exponents, longer
   * numbers), which is bound as text for the server to judge as before.
   */
  static long plainLong(String text) {
    int n = text.length();
    int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    if (n == i || n - i > 18) {
      return NOT_PLAIN;
    }
    long v = 0;
    for (int k = i; k < n; k++) {
      int d = text.charAt(k) - '0';
      if (d < 0 || d > 9) {
        return NOT_PLAIN;
      }
      v = v * 10 + d;
    }
    return i == 1 ? -v : v;
  }
  /** As {@link #plainLong(String)} for the UTF-8 bytes {@code [from, to)} (ASCII digits are one byte each). */
  static long plainLong(byte[] bytes, int from, int to) {
    int i = to > from && bytes[from] == '-' ? from + 1 : from;
    if (to == i || to - i > 18) {
      return NOT_PLAIN;
    }
    long v = 0;
    for (int k = i; k < to; k++) {
      int d = bytes[k] - '0';
      if (d < 0 || d > 9) {
        return NOT_PLAIN;
      }
      v = v * 10 + d;
    }
    return i == from + 1 ? -v : v;
  }


  /**
   * A value as the text LOAD DATA and COPY read: booleans as 1/0 on MySQL, decimals in plain notation, dates and
   * timestamps as JDBC prints them, bytes in PostgreSQL's hex form (MySQL's LOAD DATA here takes text only).
   */
  protected final String text(int column, Object value) {
    if (value instanceof String) {
      return adapt(column, (String) value);
    }
    if (value instanceof Boolean) {
      return dialect == Dialect.MYSQL ? ((Boolean) value ? "1" : "0") : value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof LocalDateTime) {
      return timestampText((LocalDateTime) value);
    }
    if (value instanceof byte[]) {
      if (dialect == Dialect.MYSQL) {
        throw new IllegalArgumentException("--direct cannot load the binary values of column " + target.columns().get(column)
            + " into MySQL/MariaDB: export without --direct");
      }
      byte[] bytes = (byte[]) value;
      StringBuilder hex = new StringBuilder(2 + bytes.length * 2).append("\\x");
      for (byte b : bytes) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    }
    return value.toString();
  }

  /** A wall clock as java.sql.Timestamp prints it: {@code yyyy-MM-dd HH:mm:ss.f}, the fraction without trailing zeros. */
  static String timestampText(LocalDateTime value) {
    StringBuilder out = new StringBuilder(29).append(value.toLocalDate()).append(' ');
    pad2(out, value.getHour()).append(':');
    pad2(out, value.getMinute()).append(':');
    pad2(out, value.getSecond()).append('.');
    String nanos = Integer.toString(1_000_000_000 + value.getNano()).substring(1);
    int end = nanos.length();
    while (end > 1 && nanos.charAt(end - 1) == '0') {
      end--;
    }
    return out.append(nanos, 0, end).toString();
  }

  private static StringBuilder pad2(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  @Override
  public void close() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the connection is going away; nothing uncommitted survives it
    }
  }
}
