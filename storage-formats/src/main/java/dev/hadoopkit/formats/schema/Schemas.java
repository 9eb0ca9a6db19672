package dev.hadoopkit.formats.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/** Small helpers over Avro schemas, the schema language every format here is described in. */
public final class Schemas {

  private Schemas() {
  }

  /** The record schema with only {@code columns}, in that order; all of it when {@code columns} is null. */
  public static Schema project(Schema schema, List<String> columns, Object source) {
    if (columns == null) {
      return schema;
    }
    List<Schema.Field> fields = new ArrayList<>();
    for (String column : columns) {
      Schema.Field field = schema.getField(column);
      if (field == null) {
        throw new IllegalArgumentException("Cannot project column " + column + ": not in the schema of " + source
            + " (columns: " + String.join(", ", names(schema)) + ")");
      }
      fields.add(new Schema.Field(field, field.schema()));
    }
    Schema projected = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    schema.getObjectProps().forEach(projected::addProp);
    return projected;
  }

  public static List<String> names(Schema schema) {
    List<String> names = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      names.add(field.name());
    }
    return names;
  }

  /** The non-null branch of a {@code [null, T]} union, or the schema itself. */
  public static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return schema;
  }

  public static boolean isNullable(Schema schema) {
    if (schema.getType() == Schema.Type.NULL) {
      return true;
    }
    if (schema.getType() != Schema.Type.UNION) {
      return false;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        return true;
      }
    }
    return false;
  }

  public static Schema nullable(Schema schema) {
    return isNullable(schema) ? schema : Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
  }

  /** The logical type's name ({@code date}, {@code timestamp-millis}) or null. */
  public static String logicalName(Schema schema) {
    LogicalType logical = nonNull(schema).getLogicalType();
    return logical == null ? null : logical.getName();
  }
}
