package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RowAppender;
import dev.hadoopkit.formats.schema.Schemas;
import dev.hadoopkit.ingest.imports.ColumnGetters.DoubleGetter;
import dev.hadoopkit.ingest.imports.ColumnGetters.Getter;
import dev.hadoopkit.ingest.imports.ColumnGetters.LongGetter;
import dev.hadoopkit.ingest.imports.mysql.RawText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes result set rows as Avro, Parquet or ORC rows of the import's {@link ImportSchema}, through the
 * storage-formats {@link RowAppender} (which writes a hidden temporary file and renames it into place on close).
 * Each column has a copier chosen once from its JDBC type and Avro field type; it reads the value with the typed
 * getter and hands it to the appender's typed setter, so Parquet and ORC get primitives straight into their column
 * writers, with no record or boxed value per row.
 */
public final class BinaryRowWriter implements RowWriter {
  /** The import's Avro schema (JSON), made by the client from the column metadata. */
  public static final String KEY_SCHEMA = IngestKeys.IMPORT_AVRO_SCHEMA;
  /** The format's codec: none, snappy, gzip (deflate/zlib) or zstd. */
  public static final String KEY_CODEC = IngestKeys.IMPORT_BINARY_CODEC;

  private final RowAppender appender;
  private final ColumnCopier[] copiers;
  private final String[] names;
  private long bytes;

  /**
   * Copies one column of the current row into field {@code field} of the appender's row (null for SQL NULL) and
   * returns the value's size for the bytes counter: characters, bytes, or 4/8 for numbers.
   */
  @FunctionalInterface
  interface ColumnCopier {
    int copy(ResultSet rs, int column, RowAppender row, int field) throws SQLException;
  }

  BinaryRowWriter(RowAppender appender, Schema schema, List<ColumnInfo> columns, boolean temporalAsText, List<String> asString) {
    this(appender, schema, columns, temporalAsText, false, asString);
  }

  /**
   * @param rawText the query selects DATE/DATETIME/TIMESTAMP columns as they are (no CAST) and the MariaDB driver
   *     hands out the server's bytes ({@link RawText}): their text is read from those bytes
   */
  BinaryRowWriter(RowAppender appender, Schema schema, List<ColumnInfo> columns, boolean temporalAsText, boolean rawText,
      List<String> asString) {
    this.appender = appender;
    this.copiers = new ColumnCopier[columns.size()];
    this.names = new String[columns.size()];
    for (int i = 0; i < copiers.length; i++) {
      ColumnInfo column = columns.get(i);
      names[i] = column.name();
      boolean forcedString = asString.stream().anyMatch(c -> c.equalsIgnoreCase(column.name()));
      Schema field = Schemas.nonNull(schema.getFields().get(i).schema());
      copiers[i] = rawText && forcedString && isDateOrTimestamp(column) ? verbatimText()
          : copierFor(column, field, temporalAsText && !forcedString, rawText);
    }
  }

  /** Opens the file {@code file} of {@code format} for the import configured in {@code conf}. */
  public static BinaryRowWriter open(Configuration conf, List<ColumnInfo> columns, FileFormat format, Path file) throws IOException {
    Schema schema = new Schema.Parser().parse(conf.get(KEY_SCHEMA));
    if (schema.getFields().size() != columns.size()) {
      throw new IllegalStateException("Cannot write " + file + ": the schema has " + schema.getFields().size()
          + " fields for " + columns.size() + " columns");
    }
    // ORC has a wall-clock timestamp type: DATETIME/timestamp columns use it (values are the same UTC-read millis).
    Schema fileSchema = format == FileFormat.ORC ? ImportSchema.withWallClockTimestamps(schema, columns) : schema;
    RowAppender appender = Formats.write(file).format(format).conf(conf).schema(fileSchema)
        .codec(Codec.of(conf.get(KEY_CODEC, defaultCodec(format).name()))).buildRows();
    try {
      return new BinaryRowWriter(appender, schema, columns, conf.getBoolean(TextRowWriter.KEY_TEMPORAL_AS_TEXT, false),
          conf.getBoolean(TextRowWriter.KEY_RAW_TEXT, false), List.of(conf.getTrimmedStrings(TextRowWriter.KEY_AS_STRING)));
    } catch (RuntimeException e) {
      appender.abort();
      throw e;
    }
  }

  /** Snappy for Parquet and Avro (what Sqoop and Spark write), zstd for ORC. */
  public static Codec defaultCodec(FileFormat format) {
    return format == FileFormat.ORC ? Codec.ZSTD : Codec.SNAPPY;
  }

  @Override
  public void write(ResultSet rs) throws IOException, SQLException {
    for (int i = 0; i < copiers.length; i++) {
      try {
        bytes += copiers[i].copy(rs, i + 1, appender, i);
      } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
        throw new IOException("Cannot convert column " + names[i] + ": " + e.getMessage()
            + " (import it as text with --map-column-java " + names[i] + "=String)", e);
      }
    }
    appender.endRow();
  }

  @Override
  public long bytesWritten() {
    return bytes;
  }

  @Override
  public void close() throws IOException {
    appender.close();
  }

  /** Throws the file away (a failed task). */
  public void abort() {
    appender.abort();
  }

  /** Sets a present value into a field and returns its size for the bytes counter. */
  @FunctionalInterface
  interface Setter<T> {
    int set(RowAppender row, int field, T value);
  }

  /** Sets a present integral value into a field. */
  @FunctionalInterface
  interface LongSetter {
    void set(RowAppender row, int field, long value);
  }

  /** Sets a present floating-point value into a field. */
  @FunctionalInterface
  interface DoubleSetter {
    void set(RowAppender row, int field, double value);
  }

  /** The nullable combinator: a value read with {@code getter} (null for SQL NULL) and set with {@code setter}. */
  static <T> ColumnCopier nullable(Getter<T> getter, Setter<T> setter) {
    return (rs, i, row, f) -> {
      T v = getter.get(rs, i);
      if (v == null) {
        row.setNull(f);
        return 0;
      }
      return setter.set(row, f, v);
    };
  }

  /** As {@link #nullable} for primitives, with no object per value: SQL NULL is told by {@code wasNull}. */
  static ColumnCopier integral(LongGetter getter, LongSetter setter, int size) {
    return (rs, i, row, f) -> {
      long v = getter.get(rs, i);
      if (rs.wasNull()) {
        row.setNull(f);
        return 0;
      }
      setter.set(row, f, v);
      return size;
    };
  }

  /** As {@link #integral} for FLOAT and DOUBLE values. */
  static ColumnCopier floating(DoubleGetter getter, DoubleSetter setter, int size) {
    return (rs, i, row, f) -> {
      double v = getter.get(rs, i);
      if (rs.wasNull()) {
        row.setNull(f);
        return 0;
      }
      setter.set(row, f, v);
      return size;
    };
  }

  static ColumnCopier copierFor(ColumnInfo column, Schema field, boolean temporalAsText) {
    return copierFor(column, field, temporalAsText, false);
  }

  private static boolean isDateOrTimestamp(ColumnInfo column) {
    return column.jdbcType() == Types.DATE || column.jdbcType() == Types.TIMESTAMP;
  }

  /** A DATE/DATETIME/TIMESTAMP column read as a String (--map-column-java): the server's text as it is. */
  private static ColumnCopier verbatimText() {
    return nullable((rs, i) -> {
      RawText v = rs.getObject(i, RawText.class);
      return v == null ? null : new String(v.bytes(), v.offset(), v.length(), StandardCharsets.UTF_8);
    }, (row, f, v) -> {
      row.setString(f, v);
      return v.length();
    });
  }

  /**
   * The server's text of a DATE/DATETIME/TIMESTAMP value from the driver's bytes ({@link RawText}, no CAST on the
   * server and no decoding by the driver), or null for SQL NULL and a zero date, as {@link MysqlTemporalText#read}.
   */
  static String rawTemporal(ResultSet rs, int column) throws SQLException {
    RawText v = rs.getObject(column, RawText.class);
    if (v == null || v.startsWith("0000-00-00")) {
      return null;
    }
    // Dates and times are ASCII: a Latin-1 String is a plain copy of the bytes.
    return new String(v.bytes(), v.offset(), v.length(), StandardCharsets.ISO_8859_1);
  }

  /** The driver's bytes of a DATE/DATETIME/TIMESTAMP value, or null for SQL NULL and a zero date. */
  static RawText rawTemporalBytes(ResultSet rs, int column) throws SQLException {
    RawText v = rs.getObject(column, RawText.class);
    if (v == null) {
      return null;
    }
    return (v.binary() ? v.isZeroPackedDate() : v.startsWith("0000-00-00")) ? null : v;
  }

  /** Days since 1970-01-01 of a binary-protocol (packed) DATE/DATETIME value. */
  private static long binaryEpochDay(RawText v) {
    return epochDay(v.packedYear(), v.packedField(2), v.packedField(3));
  }

  /**
   * Milliseconds since 1970-01-01T00:00 read as UTC of a packed DATE/DATETIME/TIMESTAMP value, the fraction truncated
   * to milliseconds.
   */
  private static long binaryTimestampMillis(RawText v) {
    return binaryEpochDay(v) * 86_400_000L + v.packedField(4) * 3_600_000L + v.packedField(5) * 60_000L
        + v.packedField(6) * 1000L + v.packedMicros() / 1000;
  }

  static ColumnCopier copierFor(ColumnInfo column, Schema field, boolean temporalAsText, boolean rawText) {
    boolean rawTemporal = rawText && isDateOrTimestamp(column);
    Getter<String> temporalText = rawTemporal ? BinaryRowWriter::rawTemporal : MysqlTemporalText::read;
    String logical = field.getLogicalType() == null ? null : field.getLogicalType().getName();
    switch (field.getType()) {
      case STRING:
        return nullable(ResultSet::getString, (row, f, v) -> {
          row.setString(f, v);
          return v.length();
        });
      case BOOLEAN:
        return integral((rs, i) -> rs.getBoolean(i) ? 1 : 0, (row, f, v) -> row.setBoolean(f, v != 0), 4);
      case FLOAT:
        return floating(ResultSet::getFloat, (row, f, v) -> row.setFloat(f, (float) v), 4);
      case DOUBLE:
        return floating(ResultSet::getDouble, RowAppender::setDouble, 8);
      case BYTES:
        if (field.getLogicalType() instanceof LogicalTypes.Decimal) {
          int scale = ((LogicalTypes.Decimal) field.getLogicalType()).getScale();
          return nullable(ResultSet::getBigDecimal, (row, f, v) -> {
            BigDecimal scaled = v.setScale(scale, RoundingMode.UNNECESSARY);
            row.setDecimal(f, scaled);
            return scaled.unscaledValue().bitLength() / 8 + 1;
          });
        }
        return nullable(ResultSet::getBytes, (row, f, v) -> {
          row.setBytes(f, v);
          return v.length;
        });
      case INT:
        if ("date".equals(logical)) {
          if (temporalAsText && rawTemporal) {
            return nullable(BinaryRowWriter::rawTemporalBytes, (row, f, v) -> setInt(row, f, epochDay(v)));
          }
          return temporalAsText ? nullable(temporalText, (row, f, v) -> setInt(row, f, epochDay(v)))
              : nullable((rs, i) -> rs.getObject(i, LocalDate.class), (row, f, v) -> setInt(row, f, v.toEpochDay()));
        }
        if ("time-millis".equals(logical)) {
          if (column.jdbcType() == Types.TIME_WITH_TIMEZONE) {
            return nullable(BinaryRowWriter::localTimeOf, (row, f, v) -> setInt(row, f, v.toNanoOfDay() / 1_000_000L));
          }
          return temporalAsText ? nullable(ResultSet::getString, (row, f, v) -> setInt(row, f, timeMillis(v)))
              : nullable((rs, i) -> rs.getObject(i, LocalTime.class), (row, f, v) -> setInt(row, f, v.toNanoOfDay() / 1_000_000L));
        }
        return integral(ResultSet::getInt, (row, f, v) -> row.setInt(f, (int) v), 4);
      case LONG:
        if ("timestamp-millis".equals(logical)) {
          if (column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE) {
            return nullable((rs, i) -> rs.getObject(i, OffsetDateTime.class),
                (row, f, v) -> setLong(row, f, v.toInstant().toEpochMilli()));
          }
          if (temporalAsText && rawTemporal) {
            return nullable(BinaryRowWriter::rawTemporalBytes, (row, f, v) -> setLong(row, f, timestampMillis(v)));
          }
          return temporalAsText ? nullable(temporalText, (row, f, v) -> setLong(row, f, timestampMillis(v)))
              : nullable((rs, i) -> rs.getObject(i, LocalDateTime.class), (row, f, v) -> setLong(row, f, utcMillis(v)));
        }
        return integral(ResultSet::getLong, RowAppender::setLong, 8);
      default:
        throw new IllegalArgumentException("Cannot import column " + column.name() + " as " + field);
    }
  }

  private static int setInt(RowAppender row, int field, long value) {
    row.setInt(field, (int) value);
    return 4;
  }

  private static int setLong(RowAppender row, int field, long value) {
    row.setLong(field, value);
    return 8;
  }

  /** What {@link #fastTimestampMillis} returns for a value of another shape (no valid timestamp is this far back). */
  private static final long NOT_THIS_SHAPE = Long.MIN_VALUE;

  /**
   * MySQL/MariaDB text {@code yyyy-MM-dd[ HH:mm:ss[.f…]]} as milliseconds since 1970-01-01T00:00 read as UTC (the
   * fraction truncated to milliseconds), without a parser per value; other shapes go through {@link #parseTimestamp}.
   */
  static long timestampMillis(String v) {
    byte[] latin1 = v.getBytes(StandardCharsets.ISO_8859_1);
    long millis = fastTimestampMillis(latin1, 0, latin1.length);
    return millis != NOT_THIS_SHAPE ? millis : utcMillis(parseTimestamp(v));
  }

  /** As {@link #timestampMillis(String)}, read from the driver's bytes of the value ({@link RawText}): no String. */
  static long timestampMillis(RawText v) {
    if (v.binary()) {
      return binaryTimestampMillis(v);
    }
    long millis = fastTimestampMillis(v.bytes(), v.offset(), v.length());
    return millis != NOT_THIS_SHAPE ? millis
        : utcMillis(parseTimestamp(new String(v.bytes(), v.offset(), v.length(), StandardCharsets.ISO_8859_1)));
  }

  /**
   * The milliseconds of {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss[.f…]} in {@code b[o, o + length)}, or
   * {@link #NOT_THIS_SHAPE}; a date of that shape that does not exist (February 30) throws as {@code LocalDate.of}.
   */
  private static long fastTimestampMillis(byte[] b, int o, int length) {
    long epochDay = fastEpochDay(b, o, length);
    if (epochDay == NOT_THIS_SHAPE) {
      return NOT_THIS_SHAPE;
    }
    if (length == 10) {
      return epochDay * 86_400_000L;
    }
    if (length < 19 || b[o + 10] != ' ' || b[o + 13] != ':' || b[o + 16] != ':'
        || (length != 19 && (b[o + 19] != '.' || length <= 20 || length > 29))) {
      return NOT_THIS_SHAPE;
    }
    int hour = digits(b, o + 11, o + 13);
    int minute = digits(b, o + 14, o + 16);
    int second = digits(b, o + 17, o + 19);
    int millis = length == 19 ? 0 : fractionMillis(b, o + 20, o + length);
    if (hour < 0 || hour >= 24 || minute < 0 || minute >= 60 || second < 0 || second >= 60 || millis < 0) {
      return NOT_THIS_SHAPE;
    }
    return epochDay * 86_400_000L + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
  }

  /** MySQL/MariaDB DATE text {@code yyyy-MM-dd} (or the date part of a DATETIME) as days since 1970-01-01. */
  static long epochDay(String v) {
    byte[] latin1 = v.getBytes(StandardCharsets.ISO_8859_1);
    long day = fastEpochDay(latin1, 0, latin1.length);
    return day != NOT_THIS_SHAPE ? day : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v).toEpochDay();
  }

  /** As {@link #epochDay(String)}, read from the driver's bytes of a DATE value ({@link RawText}). */
  static long epochDay(RawText v) {
    if (v.binary()) {
      return binaryEpochDay(v);
    }
    long day = fastEpochDay(v.bytes(), v.offset(), v.length());
    return day != NOT_THIS_SHAPE ? day
        : epochDay(new String(v.bytes(), v.offset(), v.length(), StandardCharsets.ISO_8859_1));
  }

  /**
   * The days of the {@code yyyy-MM-dd} that {@code b[o, o + length)} begins with, or {@link #NOT_THIS_SHAPE} (then the
   * text parsers say what is wrong, quoting the value); a date of that shape that does not exist (February 30)
   * throws as {@code LocalDate.of}.
   */
  private static long fastEpochDay(byte[] b, int o, int length) {
    if (length < 10 || b[o + 4] != '-' || b[o + 7] != '-') {
      return NOT_THIS_SHAPE;
    }
    int year = digits(b, o, o + 4);
    int month = digits(b, o + 5, o + 7);
    int day = digits(b, o + 8, o + 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return NOT_THIS_SHAPE;
    }
    return epochDay(year, month, day);
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.of(year, month, day).toEpochDay()}
   * (which also throws the same exception for a date that does not exist) without a LocalDate per value.
   */
  static long epochDay(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)) {
      return LocalDate.of(year, month, day).toEpochDay();
    }
    if (year < 0 || year >= YEAR_START.length) {
      return eraEpochDay(year, month, day);
    }
    return YEAR_START[year] + (LEAP_YEAR[year] ? LEAP_MONTH_START : MONTH_START)[month - 1] + day - 1;
  }

  /**
   * Days since 1970-01-01 of January 1 of the years 0-9999 (MySQL's range), and which are leap years: a date is then
   * two lookups and additions. C1, which compiles the import's tasks, divides with a slow instruction (or, for
   * longs, a runtime call), and the 400-year formula divides five times a value.
   */
  private static final int[] YEAR_START = new int[10_000];
  private static final boolean[] LEAP_YEAR = new boolean[10_000];
  private static final int[] MONTH_START = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  private static final int[] LEAP_MONTH_START = {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335};

  static {
    for (int year = 0; year < YEAR_START.length; year++) {
      YEAR_START[year] = (int) eraEpochDay(year, 1, 1);
      LEAP_YEAR[year] = lengthOfMonth(year, 2) == 29;
    }
  }

  /** {@link #epochDay(int, int, int)} of a valid date by arithmetic alone. */
  private static long eraEpochDay(int year, int month, int day) {
    // Days from 0000-03-01 by 400-year eras, March-based months (February last, so leap days fall at a year's end).
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The decimal number in {@code b[from, to)}, or -1 if a byte is not an ASCII digit. */
  private static int digits(byte[] b, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      n = n * 10 + d;
    }
    return n;
  }

  /** The first three digits of a fraction of a second (missing ones are 0), or -1 if a byte is not a digit. */
  private static int fractionMillis(byte[] b, int from, int to) {
    int millis = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      if (i < from + 3) {
        millis = millis * 10 + d;
      }
    }
    for (int i = to - from; i < 3; i++) {
      millis *= 10;
    }
    return millis;
  }

  private static LocalTime localTimeOf(ResultSet rs, int i) throws SQLException {
    java.time.OffsetTime v = rs.getObject(i, java.time.OffsetTime.class);
    return v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
  }

  /** A wall-clock date and time as milliseconds since 1970-01-01T00:00 in UTC (so no time zone moves it). */
  static long utcMillis(LocalDateTime v) {
    return v.toEpochSecond(ZoneOffset.UTC) * 1000L + v.getNano() / 1_000_000;
  }

  /** MySQL/MariaDB text {@code yyyy-MM-dd[ HH:mm:ss[.ffffff]]}. */
  static LocalDateTime parseTimestamp(String v) {
    if (v.length() == 10) {
      return LocalDate.parse(v).atStartOfDay();
    }
    return LocalDateTime.parse(v.replace(' ', 'T'));
  }

  /** MySQL/MariaDB TIME text; values outside a day (negative, or 24:00:00 and more) cannot be a time-millis. */
  static int timeMillis(String v) {
    LocalTime time;
    try {
      time = LocalTime.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("TIME value " + v + " is outside 00:00:00 to 23:59:59.999", e);
    }
    return (int) (time.toNanoOfDay() / 1_000_000L);
  }
}
