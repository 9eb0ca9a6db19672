package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.text.Delimiters;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * {@code --direct} into MySQL/MariaDB when the input is plain delimited text (no enclosing, no escaping): the lines go
 * to {@code LOAD DATA LOCAL INFILE} byte for byte ({@code ESCAPED BY ''}), and Sqoop's NULL markers are applied by
 * the server in the statement's SET clause. The client only checks each line's field count, so a malformed line
 * still stops the export with its file and line. A chunk in which no field is a NULL marker is loaded straight into
 * the columns, without the SET clause: the same rows, with the server's per-column IF work spared (the common case,
 * and what makes {@code --direct} as fast as a plain LOAD DATA). The server loads one chunk while the task reads the
 * next: one load at a time on the task's connection, each chunk its own transaction, committed rows counted only once
 * the database has committed them; with more than one lane (PipelinedSink) each lane loads its chunks on its own
 * connection, so the server loads one chunk while it receives the next.
 */
final class RawLoadDataSink extends PipelinedSink {
  private final String sql;
  private final String plainSql;
  private final byte fieldSeparator;
  private final boolean[] stringColumn;
  private final byte[] stringNull;
  private final byte[] nonStringNull;
  private boolean chunkHasNullMarker;
  private final int chunkBytes;
  private byte[] buffer;
  /** Per lane: the buffer its load in flight reads (free again once the lane's load has ended). */
  private final byte[][] loading;
  private int size;

  RawLoadDataSink(Connection connection, ConnectionSource more, int lanes, Dialect dialect, ExportTarget target,
      Delimiters delimiters, String nullString, String nullNonString, boolean[] stringColumn, LongConsumer onCommit)
      throws SQLException {
    super(connection, more, lanes, dialect, target, onCommit, "load-data");
    loading = new byte[laneCount()][];
    List<String> columns = target.columns();
    StringBuilder vars = new StringBuilder();
    StringBuilder plainColumns = new StringBuilder();
    StringBuilder set = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      vars.append(i == 0 ? "" : ", ").append("@v").append(i);
      plainColumns.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i)));
      set.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i))).append(" = ");
      String v = "@v" + i;
      if (stringColumn[i]) {
        set.append("IF(BINARY ").append(v).append(" = ").append(dialect.stringLiteral(nullString == null ? "null" : nullString))
            .append(", NULL, ").append(v).append(')');
      } else {
        // As ExportMapper.isNull: the marker or the empty field.
        set.append("IF(BINARY ").append(v).append(" = ").append(dialect.stringLiteral(nullNonString == null ? "null" : nullNonString))
            .append(" OR ").append(v).append(" = '', NULL, ").append(v).append(')');
      }
    }
    String head = "LOAD DATA LOCAL INFILE 'hadoopkit-export.txt' INTO TABLE " + dialect.quoteTable(target.table())
        + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY " + dialect.stringLiteral(String.valueOf(delimiters.fieldsTerminatedBy()))
        + " ESCAPED BY '' LINES TERMINATED BY '\\n' (";
    sql = head + vars + ") SET " + set;
    plainSql = head + plainColumns + ")";
    fieldSeparator = (byte) delimiters.fieldsTerminatedBy();
    this.stringColumn = stringColumn.clone();
    stringNull = (nullString == null ? "null" : nullString).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    nonStringNull = (nullNonString == null ? "null" : nullNonString).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    trackPositions();
    chunkBytes = Math.max(1 << 16, target.directChunkBytes());
    buffer = new byte[Math.min(chunkBytes + (1 << 16), 1 << 20)];
  }

  /** True when {@code --direct} can pass lines through unchanged. */
  static boolean applies(Dialect dialect, Delimiters delimiters, ExportTarget target) {
    if (target.mode() != ExportTarget.Mode.DIRECT || dialect != Dialect.MYSQL || delimiters.hasEnclosing() || delimiters.hasEscaping()
        || delimiters.linesTerminatedBy() != '\n' || delimiters.fieldsTerminatedBy() >= 0x80) {
      return false;
    }
    for (int i = 0; i < target.columns().size(); i++) {
      int type = target.type(i);
      if (type == java.sql.Types.BIT || type == java.sql.Types.BOOLEAN) {
        return false;
      }
    }
    return true;
  }

  /** Adds one line (without its terminator) whose field count the caller has checked. */
  void addLine(byte[] bytes, int length, LinePosition where) throws SQLException {
    if (size + length + 1 > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length + 1));
    }
    System.arraycopy(bytes, 0, buffer, size, length);
    size += length;
    if (!chunkHasNullMarker) {
      chunkHasNullMarker = hasNullMarker(bytes, length);
    }
    buffer[size++] = '\n';
    pending(where);
    if (size >= chunkBytes) {
      flushChunk();
    }
  }

  /** Whether any field of the line is what the SET clause would turn into NULL. */
  boolean hasNullMarker(byte[] line, int length) {
    return hasNullMarker(line, length, fieldSeparator, stringColumn, stringNull, nonStringNull);
  }

  /**
   * Whether a field of {@code line} is a NULL marker: {@code stringNull} in a string column, {@code nonStringNull}
   * or the empty field in any other.
   */
  static boolean hasNullMarker(byte[] line, int length, byte separator, boolean[] stringColumn, byte[] stringNull,
      byte[] nonStringNull) {
    int column = 0;
    int start = 0;
    for (int i = 0; i <= length; i++) {
      if (i == length || line[i] == separator) {
        boolean string = column < stringColumn.length && stringColumn[column];
        byte[] marker = string ? stringNull : nonStringNull;
        if (Arrays.equals(line, start, i, marker, 0, marker.length) || (!string && i == start)) {
          return true;
        }
        column++;
        start = i + 1;
      }
    }
    return false;
  }

  @Override
  public void add(Object[] values, LinePosition where) {
    throw new UnsupportedOperationException("RawLoadDataSink takes whole lines");
  }

  private void flushChunk() throws SQLException {
    if (size == 0) {
      return;
    }
    awaitCurrent();
    Lane lane = currentLane();
    byte[] data = buffer;
    int length = size;
    String statement = chunkHasNullMarker ? sql : plainSql;
    PendingChunk chunk = takePending();
    start(chunk.range(), () -> load(lane.connection, data, length, statement, chunk));
    buffer = loading[lane.index] != null ? loading[lane.index] : new byte[data.length];
    loading[lane.index] = data;
    size = 0;
    chunkHasNullMarker = false;
  }

  /** Runs on the loader thread: one chunk, one transaction; returns its rows. */
  private long load(Connection on, byte[] data, int length, String statement, PendingChunk chunk) throws SQLException {
    long rows = chunk.rows();
    try (Statement s = on.createStatement()) {
      s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(data, 0, length));
      s.execute(statement);
      long loaded = s.getLargeUpdateCount();
      if (loaded >= 0 && loaded != rows) {
        on.rollback();
        throw new SQLException("LOAD DATA stored " + loaded + " of " + rows + " rows (rows whose key already exists, "
            + "or rejected values, are skipped by LOCAL loads); the chunk was rolled back");
      }
      checkWarnings(on, chunk.positions(), chunk.range());
      on.commit();
    }
    return rows;
  }

  /** Waits for the chunk being loaded; counts its rows once committed, or rethrows its failure. */
  @Override
  public void finish() throws SQLException {
    flushChunk();
    awaitLoads();
  }
}
