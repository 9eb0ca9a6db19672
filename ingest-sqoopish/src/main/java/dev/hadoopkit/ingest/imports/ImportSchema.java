package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.formats.tool.UsageException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The Avro schema of a binary import (Avro, Parquet and ORC are all written from it), built from the JDBC metadata of
 * the imported columns. Unlike Sqoop 1.4.7, which wrote decimals as strings and dates as epoch longs, values keep
 * their logical types:
 *
 * <pre>
 * DECIMAL/NUMERIC(p,s), 0 &lt; p &lt;= 38   decimal(p,s) on bytes   (else string)
 * DATE                                 date (days since 1970-01-01)
 * TIMESTAMP/DATETIME                   timestamp-millis: the database's wall clock read as UTC
 * TIME                                 time-millis
 * BIT(1)/BOOLEAN                       boolean                  (BIT(n &gt; 1): long)
 * TINYINT/SMALLINT/INTEGER             int                      (INT UNSIGNED: long)
 * BIGINT                               long                     (BIGINT UNSIGNED: decimal(20,0))
 * REAL                                 float                    (FLOAT/DOUBLE: double, as JDBC says FLOAT is double)
 * CHAR/VARCHAR/TEXT/CLOB/other         string
 * BINARY/VARBINARY/BLOB                bytes
 * </pre>
 *
 * Every field is a union with null (null first, default null). Field names are the database's column names, made
 * valid Avro names where needed ({@link #fieldName}); the record name is the table's ({@code QueryResult} for a query).
 */
public final class ImportSchema {
  /** Largest decimal precision written as a decimal; Parquet, ORC and Hive/Spark readers all stop at 38. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /** Java types --map-column-java accepts for binary imports, to the Avro type they give. */
  static final Map<String, Schema.Type> JAVA_TYPES = Map.of("String", Schema.Type.STRING, "Integer", Schema.Type.INT,
      "Long", Schema.Type.LONG, "Float", Schema.Type.FLOAT, "Double", Schema.Type.DOUBLE, "Boolean", Schema.Type.BOOLEAN);

  /** The keys of {@link #JAVA_TYPES}, in a fixed order for messages. */
  public static final List<String> JAVA_TYPES_NAMES = List.of("String", "Integer", "Long", "Float", "Double", "Boolean");

  private ImportSchema() {
  }

  /**
   * The schema for {@code columns}.
   *
   * @param recordName the table name (any text: it is sanitised), or null for a query import
   * @param javaTypes --map-column-java overrides, column name (any case) to a key of {@link #JAVA_TYPES}
   */
  public static Schema of(String recordName, List<ColumnInfo> columns, Map<String, String> javaTypes) {
    List<Schema.Field> fields = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (ColumnInfo column : columns) {
      String name = fieldName(column.name());
      String unique = name;
      for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
        unique = name + "_" + n;
      }
      Schema type = override(column, javaTypes);
      if (type == null) {
        type = typeOf(column);
      }
      Schema.Field field = new Schema.Field(unique, Schema.createUnion(Schema.create(Schema.Type.NULL), type),
          null, Schema.Field.NULL_DEFAULT_VALUE);
      if (!unique.equals(column.name())) {
        field.addProp("sqlColumnName", column.name());
      }
      field.addProp("sqlType", column.typeName().isEmpty() ? String.valueOf(column.jdbcType()) : column.typeName());
      fields.add(field);
    }
    String name = recordName == null ? "QueryResult" : fieldName(recordName.contains(".")
        ? recordName.substring(recordName.lastIndexOf('.') + 1) : recordName);
    Schema record = Schema.createRecord(name, recordName == null ? "Import of a query" : "Import of table " + recordName,
        null, false, fields);
    return record;
  }

  private static Schema override(ColumnInfo column, Map<String, String> javaTypes) {
    for (Map.Entry<String, String> e : javaTypes.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column.name())) {
        Schema.Type type = JAVA_TYPES.get(e.getValue());
        if (type == null) {
          throw new UsageException("Invalid --map-column-java " + e.getKey() + "=" + e.getValue()
              + " for a binary import: use one of " + String.join(", ", JAVA_TYPES_NAMES));
        }
        return Schema.create(type);
      }
    }
    return null;
  }

  /** The Avro type (without the null branch) of one column. */
  static Schema typeOf(ColumnInfo column) {
    switch (column.jdbcType()) {
      case Types.DECIMAL:
      case Types.NUMERIC:
        if (column.precision() <= 0 || column.precision() > MAX_DECIMAL_PRECISION || column.scale() < 0
            || column.scale() > column.precision()) {
          return Schema.create(Schema.Type.STRING);
        }
        return decimal(column.precision(), column.scale());
      case Types.DATE:
        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        return LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
      case Types.BIT:
        return column.precision() > 1 ? Schema.create(Schema.Type.LONG) : Schema.create(Schema.Type.BOOLEAN);
      case Types.BOOLEAN:
        return Schema.create(Schema.Type.BOOLEAN);
      case Types.TINYINT:
      case Types.SMALLINT:
        return Schema.create(Schema.Type.INT);
      case Types.INTEGER:
        return Schema.create(column.isUnsigned() ? Schema.Type.LONG : Schema.Type.INT);
      case Types.BIGINT:
        return column.isUnsigned() ? decimal(20, 0) : Schema.create(Schema.Type.LONG);
      case Types.REAL:
        return Schema.create(Schema.Type.FLOAT);
      case Types.FLOAT:
      case Types.DOUBLE:
        return Schema.create(Schema.Type.DOUBLE);
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return Schema.create(Schema.Type.BYTES);
      default:
        return Schema.create(Schema.Type.STRING);
    }
  }

  /**
   * The schema with {@code local-timestamp-millis} for the wall-clock timestamp columns (DATETIME, timestamp without
   * time zone), where a format can say "wall clock" (ORC's plain timestamp); instants (timestamptz) keep
   * {@code timestamp-millis}. The long values are the same: the wall clock read as UTC.
   */
  public static Schema withWallClockTimestamps(Schema record, List<ColumnInfo> columns) {
    List<Schema.Field> fields = new ArrayList<>();
    for (int i = 0; i < record.getFields().size(); i++) {
      Schema.Field field = record.getFields().get(i);
      Schema type = field.schema();
      if (columns.get(i).jdbcType() == Types.TIMESTAMP) {
        type = replaceTimestamp(type);
      }
      Schema.Field copy = new Schema.Field(field.name(), type, field.doc(), field.defaultVal());
      field.getObjectProps().forEach(copy::addProp);
      fields.add(copy);
    }
    return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
  }

  private static Schema replaceTimestamp(Schema type) {
    if (type.getType() == Schema.Type.UNION) {
      List<Schema> branches = new ArrayList<>();
      for (Schema branch : type.getTypes()) {
        branches.add(replaceTimestamp(branch));
      }
      return Schema.createUnion(branches);
    }
    if (type.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
      return LogicalTypes.localTimestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    }
    return type;
  }

  private static Schema decimal(int precision, int scale) {
    return LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
  }

  /**
   * A valid Avro name for a database name: letters, digits and {@code _}, not starting with a digit. Other characters
   * become {@code _}; a leading digit gets a {@code _} prefix. Valid names are kept as they are (case included).
   */
  public static String fieldName(String name) {
    StringBuilder out = new StringBuilder(name.length() + 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
      out.append(ok ? c : '_');
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }
}
