package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.FieldFormatter;
import dev.hadoopkit.ingest.text.Utf8Output;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
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
  public static final String KEY_DELIMITERS = IngestKeys.IMPORT_DELIMITERS;
  public static final String KEY_NULL_STRING = IngestKeys.IMPORT_NULL_STRING;
  public static final String KEY_NULL_NON_STRING = IngestKeys.IMPORT_NULL_NON_STRING;
  /** True with --hive-drop-import-delims or --hive-delims-replacement: \n, \r and \001 are replaced in strings. */
  public static final String KEY_HIVE_DELIMS = IngestKeys.IMPORT_HIVE_DELIMS;
  /**
   * What replaces them (unset: nothing, they are dropped). A separate key because an empty value does not survive
   * the job's configuration file: Hadoop reads {@code <value></value>} back as unset.
   */
  public static final String KEY_HIVE_DELIMS_REPLACEMENT = IngestKeys.IMPORT_HIVE_DELIMS_REPLACEMENT;
  /**
   * True when the driver's text for DATE/DATETIME/TIMESTAMP is the session wall clock (MySQL/MariaDB): the writer then
   * reshapes that text into java.sql.Timestamp's format instead of building Calendar-backed objects per value.
   */
  /** Columns read with getString (--map-column-java col=String). */
  public static final String KEY_AS_STRING = IngestKeys.IMPORT_COLUMN_AS_STRING;
  public static final String KEY_TEMPORAL_AS_TEXT = IngestKeys.IMPORT_TEMPORAL_AS_TEXT;

  private final Utf8Output out;
  private final FieldFormatter formatter;
  private final char fieldSeparator;
  private final char lineTerminator;
  private final ValueReader[] readers;
  private final String[] nullText;
  private final boolean[] stringColumn;
  private final String hiveReplacement;
  private final StringBuilder line = new StringBuilder(256);
  private final StringBuilder value = new StringBuilder(64);
  /**
   * Per column, a reader that writes the value straight to the output (null: go through {@link #readers}); only
   * when values are written as they are (no enclosing, no escaping, no Hive delimiter replacement).
   */
  private final DirectReader[] direct;
  private final boolean plain;

  /** Writes one column of the current row to the output as it is; false, having written nothing, for SQL NULL. */
  @FunctionalInterface
  interface DirectReader {
    boolean write(ResultSet rs, int column, Utf8Output out) throws SQLException, IOException;
  }

  private static final DirectReader DIRECT_STRING = (rs, i, out) -> {
    String v = rs.getString(i);
    if (v == null) {
      return false;
    }
    out.write(v);
    return true;
  };

  private static final DirectReader DIRECT_INT = (rs, i, out) -> {
    int v = rs.getInt(i);
    if (rs.wasNull()) {
      return false;
    }
    out.write((long) v);
    return true;
  };

  private static final DirectReader DIRECT_LONG = (rs, i, out) -> {
    long v = rs.getLong(i);
    if (rs.wasNull()) {
      return false;
    }
    out.write(v);
    return true;
  };

  private static final DirectReader DIRECT_DATE_TEXT = (rs, i, out) -> {
    String v = rs.getString(i);
    if (v == null || v.startsWith("0000-00-00")) {
      return false;
    }
    out.write(v);
    return true;
  };

  /** As {@link #appendTimestampText}: the fraction without trailing zeros, at least ".0". */
  private static final DirectReader DIRECT_TIMESTAMP_TEXT = (rs, i, out) -> {
    String v = rs.getString(i);
    if (v == null || v.startsWith("0000-00-00")) {
      return false;
    }
    int dot = v.indexOf('.');
    if (dot < 0) {
      out.write(v);
      if (v.length() == 10) {
        out.write(" 00:00:00");
      }
      out.write(".0");
      return true;
    }
    int end = v.length();
    while (end > dot + 2 && v.charAt(end - 1) == '0') {
      end--;
    }
    out.write(end == v.length() ? v : v.substring(0, end));
    return true;
  };

  public TextRowWriter(Configuration conf, List<ColumnInfo> columns, OutputStream stream) {
    Delimiters delimiters = Delimiters.load(conf, KEY_DELIMITERS);
    this.out = new Utf8Output(stream, 1 << 16);
    this.formatter = new FieldFormatter(delimiters);
    this.fieldSeparator = delimiters.fieldsTerminatedBy();
    this.lineTerminator = delimiters.linesTerminatedBy();
    this.hiveReplacement = hiveDelimsReplacement(conf);
    String nullString = conf.get(KEY_NULL_STRING, "null");
    String nullNonString = conf.get(KEY_NULL_NON_STRING, "null");
    int n = columns.size();
    readers = new ValueReader[n];
    nullText = new String[n];
    stringColumn = new boolean[n];
    boolean temporalAsText = conf.getBoolean(KEY_TEMPORAL_AS_TEXT, false);
    java.util.Set<String> asString = new java.util.HashSet<>();
    for (String name : conf.getTrimmedStrings(KEY_AS_STRING)) {
      asString.add(name.toLowerCase(java.util.Locale.ROOT));
    }
    plain = !delimiters.hasEnclosing() && !delimiters.hasEscaping() && hiveReplacement == null;
    direct = new DirectReader[n];
    for (int i = 0; i < n; i++) {
      ColumnInfo c = columns.get(i);
      boolean forcedString = asString.contains(c.name().toLowerCase(java.util.Locale.ROOT));
      readers[i] = forcedString ? ImportValueReaders.STRING : temporalAsText ? textTemporalReaderFor(c) : null;
      if (readers[i] == null) {
        readers[i] = readerFor(c);
      }
      direct[i] = plain ? directReaderFor(c, forcedString, temporalAsText) : null;
      stringColumn[i] = c.isString();
      nullText[i] = c.isString() ? nullString : nullNonString;
    }
  }

  /** Stores the replacement of Hive's delimiters in string fields; {@code ""} drops them. */
  public static void storeHiveDelimsReplacement(Configuration conf, String replacement) {
    conf.setBoolean(KEY_HIVE_DELIMS, true);
    if (replacement.isEmpty()) {
      conf.unset(KEY_HIVE_DELIMS_REPLACEMENT);
    } else {
      conf.set(KEY_HIVE_DELIMS_REPLACEMENT, replacement);
    }
  }

  /** The replacement of Hive's delimiters ({@code ""}: drop them), or null to keep them. */
  static String hiveDelimsReplacement(Configuration conf) {
    return conf.getBoolean(KEY_HIVE_DELIMS, false) ? conf.get(KEY_HIVE_DELIMS_REPLACEMENT, "") : null;
  }

  /**
   * The direct reader that writes what {@link #readerFor} (or {@link #textTemporalReaderFor}) would append, for the
   * types whose text needs no formatting object; null for the others (decimals, floating point, booleans, bytes and
   * temporals read through the driver's objects).
   */
  private static DirectReader directReaderFor(ColumnInfo column, boolean forcedString, boolean temporalAsText) {
    if (forcedString) {
      return DIRECT_STRING;
    }
    if (temporalAsText) {
      switch (column.jdbcType()) {
        case Types.DATE:
          return DIRECT_DATE_TEXT;
        case Types.TIME:
          return DIRECT_STRING;
        case Types.TIMESTAMP:
          return DIRECT_TIMESTAMP_TEXT;
        default:
          break;
      }
    }
    switch (column.jdbcType()) {
      case Types.TINYINT:
      case Types.SMALLINT:
        return DIRECT_INT;
      case Types.INTEGER:
        return column.isUnsigned() ? DIRECT_LONG : DIRECT_INT;
      case Types.BIGINT:
        return column.isUnsigned() ? DIRECT_STRING : DIRECT_LONG;
      case Types.DECIMAL:
      case Types.NUMERIC:
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
      case Types.BIT:
      case Types.BOOLEAN:
      case Types.DATE:
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return null;
      default:
        return DIRECT_STRING;
    }
  }

  /** MySQL/MariaDB temporal columns read as text; zero dates become NULL as with Connector/J's convertToNull. */
  private static ValueReader textTemporalReaderFor(ColumnInfo column) {
    switch (column.jdbcType()) {
      case Types.DATE:
        return (rs, i, out) -> {
          String v = rs.getString(i);
          if (v == null || v.startsWith("0000-00-00")) {
            return false;
          }
          out.append(v);
          return true;
        };
      case Types.TIME:
        // The server's text keeps negative and over-24-hour values that java.sql.Time would wrap around.
        return ImportValueReaders.STRING;
      case Types.TIMESTAMP:
        return (rs, i, out) -> {
          String v = rs.getString(i);
          if (v == null || v.startsWith("0000-00-00")) {
            return false;
          }
          appendTimestampText(v, out);
          return true;
        };
      default:
        return null;
    }
  }

  /** "2001-02-03 04:05:06[.fff]" as java.sql.Timestamp prints it: fraction without trailing zeros, at least ".0". */
  static void appendTimestampText(String v, StringBuilder out) {
    int dot = v.indexOf('.');
    if (dot < 0) {
      out.append(v);
      if (v.length() == 10) {
        out.append(" 00:00:00");
      }
      out.append(".0");
      return;
    }
    int end = v.length();
    while (end > dot + 2 && v.charAt(end - 1) == '0') {
      end--;
    }
    out.append(v, 0, end);
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
    if (plain) {
      writePlain(rs);
      return;
    }
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
        // As Sqoop's generated toString(): the NULL marker is escaped and enclosed like a value ("null" with --enclosed-by).
        formatter.append(line, nullText[i]);
      }
    }
    line.append(lineTerminator);
    out.write(line);
  }

  /** Values as they are: each straight to the output, or through its text reader when it has no direct one. */
  private void writePlain(ResultSet rs) throws IOException, SQLException {
    Utf8Output out = this.out;
    for (int i = 0; i < direct.length; i++) {
      if (i > 0) {
        out.write(fieldSeparator);
      }
      boolean present;
      if (direct[i] != null) {
        present = direct[i].write(rs, i + 1, out);
      } else {
        value.setLength(0);
        present = readers[i].read(rs, i + 1, value);
        if (present) {
          out.write(value);
        }
      }
      if (!present) {
        out.write(nullText[i]);
      }
    }
    out.write(lineTerminator);
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
    return out.bytesWritten();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
