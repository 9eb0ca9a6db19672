package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.FieldFormatter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Sqoop's delimited text: values formatted as Sqoop 1.4.7's generated classes print them (decimals in plain
 * notation, {@code java.sql.Timestamp} text such as {@code 2008-01-01 10:00:00.0}, booleans as true/false), NULLs as
 * --null-string / --null-non-string, then escaped and enclosed by {@link FieldFormatter}. One reusable line buffer.
 */
public final class TextRowWriter implements RowWriter {
  public static final String KEY_DELIMITERS = "hadoopkit.ingest.import.delimiters";
  public static final String KEY_NULL_STRING = "hadoopkit.ingest.import.null.string";
  public static final String KEY_NULL_NON_STRING = "hadoopkit.ingest.import.null.non.string";
  public static final String KEY_HIVE_DELIMS_REPLACEMENT = "hadoopkit.ingest.import.hive.delims.replacement";

  private final Writer out;
  private final CountingStream counter;
  private final FieldFormatter formatter;
  private final char fieldSeparator;
  private final char lineTerminator;
  private final ValueReader[] readers;
  private final String[] nullText;
  private final boolean[] stringColumn;
  private final String hiveReplacement;
  private final StringBuilder line = new StringBuilder(256);
  private final StringBuilder value = new StringBuilder(64);
  private char[] chars = new char[1024];

  public TextRowWriter(Configuration conf, List<ColumnInfo> columns, OutputStream stream) {
    Delimiters delimiters = Delimiters.load(conf, KEY_DELIMITERS);
    this.counter = new CountingStream(stream);
    this.out = new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8), 1 << 16);
    this.formatter = new FieldFormatter(delimiters);
    this.fieldSeparator = delimiters.fieldsTerminatedBy();
    this.lineTerminator = delimiters.linesTerminatedBy();
    this.hiveReplacement = conf.get(KEY_HIVE_DELIMS_REPLACEMENT);
    String nullString = conf.get(KEY_NULL_STRING, "null");
    String nullNonString = conf.get(KEY_NULL_NON_STRING, "null");
    int n = columns.size();
    readers = new ValueReader[n];
    nullText = new String[n];
    stringColumn = new boolean[n];
    for (int i = 0; i < n; i++) {
      ColumnInfo c = columns.get(i);
      readers[i] = readerFor(c);
      stringColumn[i] = c.isString();
      nullText[i] = c.isString() ? nullString : nullNonString;
    }
  }

  private static ValueReader readerFor(ColumnInfo column) {
    switch (column.jdbcType()) {
      case Types.TINYINT:
      case Types.SMALLINT:
        return (rs, i, out) -> {
          int v = rs.getInt(i);
          if (rs.wasNull()) {
            return false;
          }
          out.append(v);
          return true;
        };
      case Types.INTEGER:
        if (column.isUnsigned()) {
          return ImportValueReaders.LONG;
        }
        return (rs, i, out) -> {
          int v = rs.getInt(i);
          if (rs.wasNull()) {
            return false;
          }
          out.append(v);
          return true;
        };
      case Types.BIGINT:
        return column.isUnsigned() ? ImportValueReaders.STRING : ImportValueReaders.LONG;
      case Types.DECIMAL:
      case Types.NUMERIC:
        return (rs, i, out) -> {
          BigDecimal v = rs.getBigDecimal(i);
          if (v == null) {
            return false;
          }
          out.append(v.toPlainString());
          return true;
        };
      case Types.REAL:
        return (rs, i, out) -> {
          float v = rs.getFloat(i);
          if (rs.wasNull()) {
            return false;
          }
          out.append(v);
          return true;
        };
      case Types.FLOAT:
      case Types.DOUBLE:
        return (rs, i, out) -> {
          double v = rs.getDouble(i);
          if (rs.wasNull()) {
            return false;
          }
          out.append(v);
          return true;
        };
      case Types.BIT:
      case Types.BOOLEAN:
        if (column.precision() > 1 && column.jdbcType() == Types.BIT) {
          return ImportValueReaders.LONG;
        }
        return (rs, i, out) -> {
          boolean v = rs.getBoolean(i);
          if (rs.wasNull()) {
            return false;
          }
          out.append(v);
          return true;
        };
      case Types.DATE:
        return (rs, i, out) -> {
          java.sql.Date v = rs.getDate(i);
          if (v == null) {
            return false;
          }
          out.append(v.toString());
          return true;
        };
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        return (rs, i, out) -> {
          java.sql.Time v = rs.getTime(i);
          if (v == null) {
            return false;
          }
          out.append(v.toString());
          return true;
        };
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return (rs, i, out) -> {
          java.sql.Timestamp v = rs.getTimestamp(i);
          if (v == null) {
            return false;
          }
          out.append(v.toString());
          return true;
        };
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return ImportValueReaders.BYTES;
      default:
        return ImportValueReaders.STRING;
    }
  }

  @Override
  public void write(ResultSet rs) throws IOException, SQLException {
    StringBuilder line = this.line;
    line.setLength(0);
    for (int i = 0; i < readers.length; i++) {
      if (i > 0) {
        line.append(fieldSeparator);
      }
      value.setLength(0);
      if (readers[i].read(rs, i + 1, value)) {
        if (hiveReplacement != null && stringColumn[i]) {
          replaceHiveDelimiters(value, hiveReplacement);
        }
        formatter.append(line, value);
      } else {
        line.append(nullText[i]);
      }
    }
    line.append(lineTerminator);
    int length = line.length();
    if (chars.length < length) {
      chars = new char[Math.max(length, chars.length * 2)];
    }
    line.getChars(0, length, chars, 0);
    out.write(chars, 0, length);
  }

  private static void replaceHiveDelimiters(StringBuilder value, String replacement) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r' || c == '\001') {
        value.replace(i, i + 1, replacement);
        i += replacement.length() - 1;
      }
    }
  }

  @Override
  public long bytesWritten() {
    return counter.count();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** Counts bytes on their way to the (possibly compressing) file stream. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    long count() {
      return count;
    }
  }
}
