package dev.hadoopkit.formats.source;

import dev.hadoopkit.formats.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Records of one schema re-shaped into another by column name: missing nullable columns become null, numbers
 * are converted between int, long, float and double (an int target takes whole numbers only).
 */
final class Conform {

  private final Schema target;
  private final int[] sourcePositions;
  private final Schema[] targetTypes;
  private final Object source;

  Conform(Schema from, Schema target, Object source) {
    this.target = target;
    this.source = source;
    List<Schema.Field> fields = target.getFields();
    sourcePositions = new int[fields.size()];
    targetTypes = new Schema[fields.size()];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < sourcePositions.length; i++) {
      Schema.Field field = fields.get(i);
      Schema.Field match = from.getField(field.name());
      sourcePositions[i] = match == null ? -1 : match.pos();
      targetTypes[i] = Schemas.nonNull(field.schema());
      if (match == null && !Schemas.isNullable(field.schema())) {
        missing.add(field.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Cannot read " + source + " in the given schema: column"
          + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " missing from the file (its columns: "
          + String.join(", ", Schemas.names(from)) + ")");
    }
  }

  GenericRecord apply(GenericRecord record) {
    GenericData.Record result = new GenericData.Record(target);
    for (int i = 0; i < sourcePositions.length; i++) {
      Object value = sourcePositions[i] < 0 ? null : record.get(sourcePositions[i]);
      result.put(i, convert(value, targetTypes[i], target.getFields().get(i).name()));
    }
    return result;
  }

  private Object convert(Object value, Schema type, String column) {
    if (!(value instanceof Number)) {
      return value;
    }
    Number number = (Number) value;
    switch (type.getType()) {
      case INT:
        if (number.doubleValue() != Math.rint(number.doubleValue()) || number.longValue() != number.intValue()) {
          throw new IllegalArgumentException("Cannot read " + source + " in the given schema: column " + column
              + " is int but holds " + number);
        }
        return number.intValue();
      case LONG:
        return number.longValue();
      case FLOAT:
        return number.floatValue();
      case DOUBLE:
        return number.doubleValue();
      default:
        return value;
    }
  }
}
