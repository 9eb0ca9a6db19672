package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.formats.schema.Schemas;
import dev.hadoopkit.ingest.imports.ImportSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Maps the fields of Avro, Parquet and ORC records (read as Avro generic records) to the export's table columns, by
 * name and ignoring case, and converts their values to what JDBC binds: decimal to {@link BigDecimal}, date to
 * {@link java.sql.Date}, timestamp-millis/-micros (wall clock as UTC, as imports write it) to {@link LocalDateTime},
 * or to a UTC {@link java.time.OffsetDateTime} for a timestamptz column (whose imports hold the instant),
 * (bound with setObject: no Calendar per value, and no shift in a daylight-saving gap of the JVM's zone),
 * time-millis/-micros to {@code HH:mm:ss.fff} text, strings to {@link String}, bytes to {@code byte[]}; numbers and
 * booleans stay as they are and NULL stays null. Made once per file schema.
 */
public final class RecordValues {
  private final Schema schema;
  private final int[] fieldIndexes;
  private final Converter[] converters;

  @FunctionalInterface
  private interface Converter {
    Object convert(Object value);
  }

  private RecordValues(Schema schema, int[] fieldIndexes, Converter[] converters) {
    this.schema = schema;
    this.fieldIndexes = fieldIndexes;
    this.converters = converters;
  }

  /**
   * The mapping of {@code schema} to the target's columns.
   *
   * @throws IllegalArgumentException naming the column, the file and the fields when a column has no field
   */
  static RecordValues of(Schema schema, ExportTarget target, String file) {
    List<String> columns = target.columns();
    int[] indexes = new int[columns.size()];
    Converter[] converters = new Converter[columns.size()];
    for (int c = 0; c < indexes.length; c++) {
      Schema.Field field = find(schema, columns.get(c));
      if (field == null) {
        List<String> names = new ArrayList<>();
        schema.getFields().forEach(f -> names.add(f.name()));
        throw new IllegalArgumentException("Column " + columns.get(c) + " of table " + target.table() + " has no field in "
            + file + " (its fields: " + String.join(", ", names) + "); choose the exported columns with --columns");
      }
      indexes[c] = field.pos();
      converters[c] = converter(Schemas.nonNull(field.schema()), target.type(c));
    }
    return new RecordValues(schema, indexes, converters);
  }

  /**
   * The field for a column: same name ignoring case, the column name an import stored ({@code sqlColumnName}), or its
   * Avro-sanitised name; null when there is none.
   */
  public static Schema.Field find(Schema schema, String column) {
    String sanitised = ImportSchema.fieldName(column);
    for (String wanted : new String[] {column, sanitised}) {
      for (Schema.Field f : schema.getFields()) {
        Object sqlName = f.getObjectProp("sqlColumnName");
        if (f.name().equalsIgnoreCase(wanted) || (sqlName != null && sqlName.toString().equalsIgnoreCase(wanted))) {
          return f;
        }
      }
    }
    return null;
  }

  /** True when this mapping was made for records of {@code other}. */
  boolean fits(Schema other) {
    return other == schema || other.equals(schema);
  }

  /** Fills {@code values} (one per target column) from the record. */
  void fill(GenericRecord record, Object[] values) {
    for (int c = 0; c < values.length; c++) {
      Object v = record.get(fieldIndexes[c]);
      values[c] = v == null ? null : converters[c].convert(v);
    }
  }

  private static Converter converter(Schema type, int columnType) {
    boolean instant = columnType == java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
    String logical = type.getLogicalType() == null ? null : type.getLogicalType().getName();
    if (type.getLogicalType() instanceof LogicalTypes.Decimal) {
      int scale = ((LogicalTypes.Decimal) type.getLogicalType()).getScale();
      return v -> {
        if (v instanceof BigDecimal) {
          return v;
        }
        byte[] bytes = v instanceof GenericData.Fixed ? ((GenericData.Fixed) v).bytes() : bytes((ByteBuffer) v);
        return new BigDecimal(new BigInteger(bytes), scale);
      };
    }
    if (logical != null) {
      switch (logical) {
        case "date":
          return v -> java.sql.Date.valueOf(LocalDate.ofEpochDay(((Number) v).longValue()));
        case "timestamp-millis":
          return instant ? v -> instant(((Number) v).longValue(), 1000L) : v -> timestamp(((Number) v).longValue(), 1000L);
        case "local-timestamp-millis":
          return v -> timestamp(((Number) v).longValue(), 1000L);
        case "timestamp-micros":
          return instant ? v -> instant(((Number) v).longValue(), 1_000_000L)
              : v -> timestamp(((Number) v).longValue(), 1_000_000L);
        case "local-timestamp-micros":
          return v -> timestamp(((Number) v).longValue(), 1_000_000L);
        case "time-millis":
          return v -> LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L).toString();
        case "time-micros":
          return v -> LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000L).toString();
        default:
          break;
      }
    }
    switch (type.getType()) {
      case STRING:
      case ENUM:
        return Object::toString;
      case BYTES:
        return v -> bytes((ByteBuffer) v);
      case FIXED:
        return v -> ((GenericData.Fixed) v).bytes().clone();
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
      case BOOLEAN:
        return v -> v;
      default:
        String name = type.getType().getName().toLowerCase(Locale.ROOT);
        return v -> {
          throw new IllegalArgumentException("Cannot export a value of Avro type " + name + ": only flat records are supported");
        };
    }
  }

  /** The instant, for a zone-aware column (timestamptz): bound as such, so no session time zone shifts it. */
  private static java.time.OffsetDateTime instant(long value, long perSecond) {
    return java.time.OffsetDateTime.of(timestamp(value, perSecond), ZoneOffset.UTC);
  }

  /** A UTC wall-clock instant as the same wall clock. */
  private static LocalDateTime timestamp(long value, long perSecond) {
    long seconds = Math.floorDiv(value, perSecond);
    long fraction = Math.floorMod(value, perSecond);
    int nanos = (int) (fraction * (1_000_000_000L / perSecond));
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
