package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code --direct}: the drivers' bulk paths. Rows are encoded once into a tab-separated, backslash-escaped buffer
 * (NULL as \N: the text format both MySQL's LOAD DATA and PostgreSQL's COPY read); each full chunk is sent as one
 * {@code LOAD DATA LOCAL INFILE} from an in-memory stream (MariaDB Connector/J) or one {@code COPY ... FROM STDIN}
 * (pgjdbc CopyManager) and committed.
 */
final class BulkSink extends AbstractSink {
  private final String sql;
  private final BadRowFinder finder;
  private final int chunkBytes;
  private byte[] buffer;
  private int size;

  BulkSink(Connection connection, Dialect dialect, ExportTarget target, LongConsumer onCommit) throws SQLException {
    super(connection, dialect, target, onCommit);
    String columns = target.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    if (dialect == Dialect.MYSQL) {
      sql = "LOAD DATA LOCAL INFILE 'hadoopkit-export.tsv' INTO TABLE " + dialect.quoteTable(target.table())
          + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + columns + ")";
    } else {
      sql = "COPY " + dialect.quoteTable(target.table()) + " (" + columns + ") FROM STDIN";
    }
    trackPositions();
    finder = new BadRowFinder(connection, dialect, target);
    chunkBytes = Math.max(1 << 16, target.directChunkBytes());
    buffer = new byte[Math.min(chunkBytes + (1 << 16), 1 << 20)];
  }

  @Override
  public void add(Object[] values, LinePosition where) throws SQLException, IOException {
    for (int c = 0; c < values.length; c++) {
      if (c > 0) {
        put((byte) '\t');
      }
      Object v = values[c];
      if (v == null) {
        put((byte) '\\');
        put((byte) 'N');
      } else {
        encode(text(c, v));
      }
    }
    put((byte) '\n');
    pending(where);
    if (size >= chunkBytes) {
      flushChunk();
    }
  }

  private void encode(String v) {
    int n = v.length();
    ensure(n * 3 + 16);
    byte[] b = buffer;
    int p = size;
    for (int i = 0; i < n; i++) {
      char ch = v.charAt(i);
      if (ch < 0x80) {
        switch (ch) {
          case '\\': b[p++] = '\\'; b[p++] = '\\'; break;
          case '\t': b[p++] = '\\'; b[p++] = 't'; break;
          case '\n': b[p++] = '\\'; b[p++] = 'n'; break;
          case '\r': b[p++] = '\\'; b[p++] = 'r'; break;
          default: b[p++] = (byte) ch;
        }
        if (p + 8 > b.length) {
          size = p;
          ensure(n * 3 + 16);
          b = buffer;
        }
      } else {
        size = p;
        int cp = ch;
        if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(v.charAt(i + 1))) {
          cp = Character.toCodePoint(ch, v.charAt(++i));
        }
        ensure(8);
        b = buffer;
        p = size;
        if (cp < 0x800) {
          b[p++] = (byte) (0xc0 | (cp >> 6));
          b[p++] = (byte) (0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
          b[p++] = (byte) (0xe0 | (cp >> 12));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          b[p++] = (byte) (0x80 | (cp & 0x3f));
        } else {
          b[p++] = (byte) (0xf0 | (cp >> 18));
          b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          b[p++] = (byte) (0x80 | (cp & 0x3f));
        }
      }
    }
    size = p;
  }

  private void put(byte value) {
    if (size == buffer.length) {
      ensure(1);
    }
    buffer[size++] = value;
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }

  private void flushChunk() throws SQLException, IOException {
    if (size == 0) {
      return;
    }
    if (dialect == Dialect.MYSQL) {
      try (Statement s = connection.createStatement()) {
        s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(buffer, 0, size));
        s.execute(sql);
        checkLoaded(s.getLargeUpdateCount());
        checkWarnings(pendingPositions(), pendingRange());
      }
    } else {
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      try {
        copy.copyIn(sql, new ByteArrayInputStream(buffer, 0, size), 1 << 16);
      } catch (SQLException e) {
        connection.rollback();
        throw finder.locateCopy(e, pendingPositions());
      }
    }
    size = 0;
    commit();
  }

  @Override
  public void finish() throws SQLException, IOException {
    flushChunk();
    commit();
  }
}
