package dev.hadoopkit.formats.orc;

import dev.hadoopkit.formats.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.orc.TypeDescription;

/** Avro record schemas to ORC structs and back, for the flat records MovieLens and CSV data are. */
final class OrcSchemas {

  private OrcSchemas() {
  }

  static TypeDescription toOrc(Schema record) {
    TypeDescription struct = TypeDescription.createStruct();
    for (Schema.Field field : record.getFields()) {
      struct.addField(field.name(), toOrc(field.name(), Schemas.nonNull(field.schema())));
    }
    return struct;
  }

  private static TypeDescription toOrc(String name, Schema schema) {
    String logical = schema.getLogicalType() == null ? null : schema.getLogicalType().getName();
    switch (schema.getType()) {
      case BOOLEAN:
        return TypeDescription.createBoolean();
      case INT:
        return "date".equals(logical) ? TypeDescription.createDate() : TypeDescription.createInt();
      case LONG:
        // timestamp-* is an instant ("timestamp with local time zone": readers show it in their zone);
        // local-timestamp-* a wall clock (plain "timestamp": every reader shows the same clock).
        if ("timestamp-millis".equals(logical) || "timestamp-micros".equals(logical)) {
          return TypeDescription.createTimestampInstant();
        }
        if ("local-timestamp-millis".equals(logical) || "local-timestamp-micros".equals(logical)) {
          return TypeDescription.createTimestamp();
        }
        return TypeDescription.createLong();
      case FLOAT:
        return TypeDescription.createFloat();
      case DOUBLE:
        return TypeDescription.createDouble();
      case STRING:
      case ENUM:
        return TypeDescription.createString();
      case BYTES:
      case FIXED:
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
          LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) schema.getLogicalType();
          return TypeDescription.createDecimal().withPrecision(decimal.getPrecision()).withScale(decimal.getScale());
        }
        return TypeDescription.createBinary();
      default:
        throw new IllegalArgumentException("Cannot write ORC: column " + name + " has type " + schema
            + "; only flat records of primitive types (with date, time-millis, timestamp-millis and decimal) are supported");
    }
  }

  /** An ORC struct as an Avro record schema; every column is nullable, as it is in ORC. */
  static Schema toAvro(TypeDescription struct) {
    if (struct.getCategory() != TypeDescription.Category.STRUCT) {
      throw new IllegalArgumentException("Cannot read ORC: the root type is " + struct + ", not a struct");
    }
    List<Schema.Field> fields = new ArrayList<>();
    List<String> names = struct.getFieldNames();
    for (int i = 0; i < names.size(); i++) {
      Schema type = toAvro(names.get(i), struct.getChildren().get(i));
      fields.add(new Schema.Field(names.get(i), Schemas.nullable(type), null, Schema.Field.NULL_DEFAULT_VALUE));
    }
    return Schema.createRecord("orc_record", null, null, false, fields);
  }

  private static Schema toAvro(String name, TypeDescription type) {
    switch (type.getCategory()) {
      case BOOLEAN:
        return Schema.create(Schema.Type.BOOLEAN);
      case BYTE:
      case SHORT:
      case INT:
        return Schema.create(Schema.Type.INT);
      case LONG:
        return Schema.create(Schema.Type.LONG);
      case FLOAT:
        return Schema.create(Schema.Type.FLOAT);
      case DOUBLE:
        return Schema.create(Schema.Type.DOUBLE);
      case STRING:
      case VARCHAR:
      case CHAR:
        return Schema.create(Schema.Type.STRING);
      case DECIMAL:
        return LogicalTypes.decimal(type.getPrecision(), type.getScale()).addToSchema(Schema.create(Schema.Type.BYTES));
      case BINARY:
        return Schema.create(Schema.Type.BYTES);
      case DATE:
        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIMESTAMP:
      case TIMESTAMP_INSTANT:
        return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      default:
        throw new IllegalArgumentException("Cannot read ORC column " + name + " of type " + type
            + ": only primitive columns are supported");
    }
  }
}
