package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes result set rows as Avro, Parquet or ORC records of the import's {@link ImportSchema}, through the
 * storage-formats appender (which writes a hidden temporary file and renames it into place on close). One reused
 * record; each column has a reader chosen once from its JDBC type and Avro field type.
 */
public final class BinaryRowWriter implements RowWriter {
  /** The import's Avro schema (JSON), made by the client from the column metadata. */
  public static final String KEY_SCHEMA = "hadoopkit.ingest.import.avro.schema";
  /** The format's codec: none, snappy, gzip (deflate/zlib) or zstd. */
  public static final String KEY_CODEC = "hadoopkit.ingest.import.binary.codec";

  private final FileAppender appender;
  private final GenericData.Record record;
  private final ColumnReader[] readers;
  private final String[] names;
  private long bytes;

  /** Reads one column of the current row as the Avro value of its field; null for SQL NULL. */
  @FunctionalInterface
  interface ColumnReader {
    Object read(ResultSet rs, int column) throws SQLException;
  }

  BinaryRowWriter(FileAppender appender, Schema schema, List<ColumnInfo> columns, boolean temporalAsText, List<String> asString) {
    this.appender = appender;
    this.record = new GenericData.Record(schema);
    this.readers = new ColumnReader[columns.size()];
    this.names = new String[columns.size()];
    for (int i = 0; i < readers.length; i++) {
      ColumnInfo column = columns.get(i);
      names[i] = column.name();
      boolean forcedString = asString.stream().anyMatch(c -> c.equalsIgnoreCase(column.name()));
      readers[i] = readerFor(column, Schemas.nonNull(schema.getFields().get(i).schema()), temporalAsText && !forcedString);
    }
  }

  /** Opens the file {@code file} of {@code format} for the import configured in {@code conf}. */
  public static BinaryRowWriter open(Configuration conf, List<ColumnInfo> columns, FileFormat format, Path file) throws IOException {
    Schema schema = new Schema.Parser().parse(conf.get(KEY_SCHEMA));
    if (schema.getFields().size() != columns.size()) {
      throw new IllegalStateException("Cannot write " + file + ": the schema has " + schema.getFields().size()
          + " fields for " + columns.size() + " columns");
    }
    FileAppender appender = Formats.write(file).format(format).conf(conf).schema(schema)
        .codec(Codec.of(conf.get(KEY_CODEC, defaultCodec(format).name()))).build();
    return new BinaryRowWriter(appender, schema, columns, conf.getBoolean(TextRowWriter.KEY_TEMPORAL_AS_TEXT, false),
        List.of(conf.getTrimmedStrings(TextRowWriter.KEY_AS_STRING)));
  }

  /** Snappy for Parquet and Avro (what Sqoop and Spark write), zstd for ORC. */
  public static Codec defaultCodec(FileFormat format) {
    return format == FileFormat.ORC ? Codec.ZSTD : Codec.SNAPPY;
  }

  @Override
  public void write(ResultSet rs) throws IOException, SQLException {
    for (int i = 0; i < readers.length; i++) {
      Object value;
      try {
        value = readers[i].read(rs, i + 1);
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        throw new IOException("Cannot convert column " + names[i] + ": " + e.getMessage()
            + " (import it as text with --map-column-java " + names[i] + "=String)", e);
      }
      record.put(i, value);
      bytes += size(value);
    }
    appender.add(record);
  }

  private static int size(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof String) {
      return ((String) value).length();
    }
    if (value instanceof ByteBuffer) {
      return ((ByteBuffer) value).remaining();
    }
    return value instanceof Long || value instanceof Double ? 8 : 4;
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

  static ColumnReader readerFor(ColumnInfo column, Schema field, boolean temporalAsText) {
    String logical = field.getLogicalType() == null ? null : field.getLogicalType().getName();
    switch (field.getType()) {
      case STRING:
        return (rs, i) -> rs.getString(i);
      case BOOLEAN:
        return (rs, i) -> {
          boolean v = rs.getBoolean(i);
          return rs.wasNull() ? null : v;
        };
      case FLOAT:
        return (rs, i) -> {
          float v = rs.getFloat(i);
          return rs.wasNull() ? null : v;
        };
      case DOUBLE:
        return (rs, i) -> {
          double v = rs.getDouble(i);
          return rs.wasNull() ? null : v;
        };
      case BYTES:
        if (field.getLogicalType() instanceof LogicalTypes.Decimal) {
          int scale = ((LogicalTypes.Decimal) field.getLogicalType()).getScale();
          return (rs, i) -> {
            BigDecimal v = rs.getBigDecimal(i);
            return v == null ? null : ByteBuffer.wrap(v.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().toByteArray());
          };
        }
        return (rs, i) -> {
          byte[] v = rs.getBytes(i);
          return v == null ? null : ByteBuffer.wrap(v);
        };
      case INT:
        if ("date".equals(logical)) {
          return temporalAsText ? (rs, i) -> {
            String v = rs.getString(i);
            return v == null || v.startsWith("0000-00-00") ? null : (int) LocalDate.parse(v.substring(0, 10)).toEpochDay();
          } : (rs, i) -> {
            LocalDate v = rs.getObject(i, LocalDate.class);
            return v == null ? null : (int) v.toEpochDay();
          };
        }
        if ("time-millis".equals(logical)) {
          return column.jdbcType() == Types.TIME_WITH_TIMEZONE || !temporalAsText ? (rs, i) -> {
            LocalTime v = column.jdbcType() == Types.TIME_WITH_TIMEZONE ? localTimeOf(rs, i) : rs.getObject(i, LocalTime.class);
            return v == null ? null : (int) (v.toNanoOfDay() / 1_000_000L);
          } : (rs, i) -> {
            String v = rs.getString(i);
            return v == null ? null : timeMillis(v);
          };
        }
        return (rs, i) -> {
          int v = rs.getInt(i);
          return rs.wasNull() ? null : v;
        };
      case LONG:
        if ("timestamp-millis".equals(logical)) {
          if (column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE) {
            return (rs, i) -> {
              OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
              return v == null ? null : v.toInstant().toEpochMilli();
            };
          }
          return temporalAsText ? (rs, i) -> {
            String v = rs.getString(i);
            return v == null || v.startsWith("0000-00-00") ? null : utcMillis(parseTimestamp(v));
          } : (rs, i) -> {
            LocalDateTime v = rs.getObject(i, LocalDateTime.class);
            return v == null ? null : utcMillis(v);
          };
        }
        return (rs, i) -> {
          long v = rs.getLong(i);
          return rs.wasNull() ? null : v;
        };
      default:
        throw new IllegalArgumentException("Cannot import column " + column.name() + " as " + field);
    }
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
