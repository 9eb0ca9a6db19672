package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.FieldFormatter;
import dev.hadoopkit.ingest.text.TextOut;
import dev.hadoopkit.ingest.text.Utf8Output;
import java.io.IOException;
import java.io.OutputStream;
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
  /** Columns read with getString (--map-column-java col=String). */
  public static final String KEY_AS_STRING = IngestKeys.IMPORT_COLUMN_AS_STRING;
  /**
   * True when the driver's text for DATE/DATETIME/TIMESTAMP is the session wall clock (MySQL/MariaDB): the writer then
   * reshapes that text into java.sql.Timestamp's format instead of building Calendar-backed objects per value.
   */
  public static final String KEY_TEMPORAL_AS_TEXT = IngestKeys.IMPORT_TEMPORAL_AS_TEXT;
  /**
   * True when the query selects DATE/DATETIME/TIMESTAMP columns as they are (no CAST) and the MariaDB driver hands out
   * the server's bytes ({@link dev.hadoopkit.ingest.imports.mysql.RawTextCodec}): integers and temporal values are
   * then copied from those bytes.
   */
  public static final String KEY_RAW_TEXT = IngestKeys.IMPORT_RAW_TEXT;

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
  /** Writes a value into {@link #value}, which is escaped and enclosed afterwards (when not {@link #plain}). */
  private final TextOut valueOut = TextOut.of(value);
  /** Values are written as they are (no enclosing, no escaping, no Hive delimiter replacement): straight to the file. */
  private final boolean plain;

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
    boolean rawText = conf.getBoolean(KEY_RAW_TEXT, false);
    boolean binaryProtocol = conf.getBoolean(IngestKeys.IMPORT_BINARY_PROTOCOL, false);
    java.util.Set<String> asString = new java.util.HashSet<>();
    for (String name : conf.getTrimmedStrings(KEY_AS_STRING)) {
      asString.add(name.toLowerCase(java.util.Locale.ROOT));
    }
    plain = !delimiters.hasEnclosing() && !delimiters.hasEscaping() && hiveReplacement == null;
    for (int i = 0; i < n; i++) {
      ColumnInfo c = columns.get(i);
      boolean forcedString = asString.contains(c.name().toLowerCase(java.util.Locale.ROOT));
      ValueReader reader = rawText ? MysqlRawReaders.readerFor(c, forcedString, binaryProtocol) : null;
      if (reader == null) {
        reader = forcedString ? ImportValueReaders.STRING : temporalAsText ? textTemporalReaderFor(c) : null;
      }
      readers[i] = reader != null ? reader : readerFor(c);
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

  /** MySQL/MariaDB temporal columns read as text; zero dates become NULL as with Connector/J's convertToNull. */
  private static ValueReader textTemporalReaderFor(ColumnInfo column) {
    switch (column.jdbcType()) {
      case Types.DATE:
        return ImportValueReaders.text(MysqlTemporalText::read);
      case Types.TIME:
        // The server's text keeps negative and over-24-hour values that java.sql.Time would wrap around.
        return ImportValueReaders.STRING;
      case Types.TIMESTAMP:
        return ImportValueReaders.nullable(MysqlTemporalText::read, MysqlTemporalText::writeTimestamp);
      default:
        return null;
    }
  }

  /** The reader of a column as Sqoop 1.4.7's generated classes print its JDBC type. */
  private static ValueReader readerFor(ColumnInfo column) {
    switch (column.jdbcType()) {
      case Types.TINYINT:
      case Types.SMALLINT:
        return ImportValueReaders.INT;
      case Types.INTEGER:
        return column.isUnsigned() ? ImportValueReaders.LONG : ImportValueReaders.INT;
      case Types.BIGINT:
        return column.isUnsigned() ? ImportValueReaders.STRING : ImportValueReaders.LONG;
      case Types.DECIMAL:
      case Types.NUMERIC:
        return ImportValueReaders.nullable(ResultSet::getBigDecimal, (out, v) -> out.write(v.toPlainString()));
      case Types.REAL:
        return ImportValueReaders.text((rs, i) -> {
          float v = rs.getFloat(i);
          return rs.wasNull() ? null : Float.toString(v);
        });
      case Types.FLOAT:
      case Types.DOUBLE:
        return ImportValueReaders.text((rs, i) -> {
          double v = rs.getDouble(i);
          return rs.wasNull() ? null : Double.toString(v);
        });
      case Types.BIT:
      case Types.BOOLEAN:
        if (column.precision() > 1 && column.jdbcType() == Types.BIT) {
          return ImportValueReaders.LONG;
        }
        return ImportValueReaders.text((rs, i) -> {
          boolean v = rs.getBoolean(i);
          return rs.wasNull() ? null : Boolean.toString(v);
        });
      case Types.DATE:
        return ImportValueReaders.nullable(ResultSet::getDate, (out, v) -> out.write(v.toString()));
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        return ImportValueReaders.nullable(ResultSet::getTime, (out, v) -> out.write(v.toString()));
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return ImportValueReaders.nullable(ResultSet::getTimestamp, (out, v) -> out.write(v.toString()));
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
      if (readers[i].read(rs, i + 1, valueOut)) {
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

  /** Values as they are: each straight to the output. */
  private void writePlain(ResultSet rs) throws IOException, SQLException {
    Utf8Output out = this.out;
    ValueReader[] readers = this.readers;
    for (int i = 0; i < readers.length; i++) {
      if (i > 0) {
        out.write(fieldSeparator);
      }
      if (!readers[i].read(rs, i + 1, out)) {
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
