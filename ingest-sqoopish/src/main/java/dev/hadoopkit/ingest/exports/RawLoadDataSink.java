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
 * still stops the export with its file and line.
 */
final class RawLoadDataSink extends AbstractSink {
  private final String sql;
  private final int chunkBytes;
  private byte[] buffer;
  private int size;

  RawLoadDataSink(Connection connection, Dialect dialect, ExportTarget target, Delimiters delimiters, String nullString,
      String nullNonString, boolean[] stringColumn, LongConsumer onCommit) throws SQLException {
    super(connection, dialect, target, onCommit);
    List<String> columns = target.columns();
    StringBuilder vars = new StringBuilder();
    StringBuilder set = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      vars.append(i == 0 ? "" : ", ").append("@v").append(i);
      set.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i))).append(" = ");
      String v = "@v" + i;
      if (stringColumn[i]) {
        set.append("IF(BINARY ").append(v).append(" = ").append(dialect.stringLiteral(nullString == null ? "null" : nullString))
            .append(", NULL, ").append(v).append(')');
      } else if (nullNonString == null) {
        set.append("IF(BINARY ").append(v).append(" = 'null' OR ").append(v).append(" = '', NULL, ").append(v).append(')');
      } else {
        set.append("IF(BINARY ").append(v).append(" = ").append(dialect.stringLiteral(nullNonString)).append(", NULL, ")
            .append(v).append(')');
      }
    }
    sql = "LOAD DATA LOCAL INFILE 'hadoopkit-export.txt' INTO TABLE " + dialect.quoteTable(target.table())
        + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY " + dialect.stringLiteral(String.valueOf(delimiters.fieldsTerminatedBy()))
        + " ESCAPED BY '' LINES TERMINATED BY '\\n' (" + vars + ") SET " + set;
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
    buffer[size++] = '\n';
    pending(where);
    if (size >= chunkBytes) {
      flushChunk();
    }
  }

  @Override
  public void add(Object[] values, LinePosition where) {
    throw new UnsupportedOperationException("RawLoadDataSink takes whole lines");
  }

  private void flushChunk() throws SQLException {
    if (size == 0) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(buffer, 0, size));
      s.execute(sql);
      checkLoaded(s.getLargeUpdateCount());
    }
    size = 0;
    commit();
  }

  @Override
  public void finish() throws SQLException {
    flushChunk();
    commit();
  }
}
