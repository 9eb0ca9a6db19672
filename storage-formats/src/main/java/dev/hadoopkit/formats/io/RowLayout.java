package dev.hadoopkit.formats.io;

import dev.hadoopkit.formats.schema.Schemas;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The fields of a flat record schema as a {@link RowAppender} sees them: for each, the kind of value (which setter it
 * takes), whether it may be null, and a decimal's scale. Immutable.
 */
public final class RowLayout {

  /** The value kinds, one per setter of {@link RowAppender}. */
  public enum Kind {
    BOOLEAN, INT, LONG, FLOAT, DOUBLE, STRING, BYTES, DECIMAL
  }

  private final Schema schema;
  private final String[] names;
  private final Kind[] kinds;
  private final boolean[] nullable;
  private final int[] scales;

  private RowLayout(Schema schema) {
    this.schema = schema;
    List<Schema.Field> fields = schema.getFields();
    names = new String[fields.size()];
    kinds = new Kind[fields.size()];
    nullable = new boolean[fields.size()];
    scales = new int[fields.size()];
    for (int i = 0; i < names.length; i++) {
      Schema.Field field = fields.get(i);
      Schema type = Schemas.nonNull(field.schema());
      names[i] = field.name();
      nullable[i] = Schemas.isNullable(field.schema());
      kinds[i] = kindOf(field.name(), type);
      if (kinds[i] == Kind.DECIMAL) {
        scales[i] = ((LogicalTypes.Decimal) type.getLogicalType()).getScale();
      }
      if (field.schema().getType() == Schema.Type.UNION && field.schema().getTypes().size() != 2) {
        throw new IllegalArgumentException("Cannot write rows of " + schema.getFullName() + ": field " + field.name()
            + " is a union of more than null and one type: " + field.schema());
      }
    }
  }

  /** The layout of a record schema whose fields are primitives, optionally in a union with null. */
  public static RowLayout of(Schema record) {
    if (record.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("Invalid schema, expected a record: " + record);
    }
    return new RowLayout(record);
  }

  private static Kind kindOf(String name, Schema type) {
    switch (type.getType()) {
      case BOOLEAN:
        return Kind.BOOLEAN;
      case INT:
        return Kind.INT;
      case LONG:
        return Kind.LONG;
      case FLOAT:
        return Kind.FLOAT;
      case DOUBLE:
        return Kind.DOUBLE;
      case STRING:
        return Kind.STRING;
      case BYTES:
        return type.getLogicalType() instanceof LogicalTypes.Decimal ? Kind.DECIMAL : Kind.BYTES;
      default:
        throw new IllegalArgumentException("Cannot write rows with field " + name + " of type " + type
            + ": only boolean, int, long, float, double, string and bytes (with their logical types) are supported");
    }
  }

  public Schema schema() {
    return schema;
  }

  public int size() {
    return names.length;
  }

  public String name(int field) {
    return names[field];
  }

  public Kind kind(int field) {
    return kinds[field];
  }

  public boolean isNullable(int field) {
    return nullable[field];
  }

  /** A decimal field's scale; 0 for other kinds. */
  public int scale(int field) {
    return scales[field];
  }

  /** Fails unless {@code field} takes values of {@code kind}. */
  public void requireKind(int field, Kind kind) {
    if (kinds[field] != kind) {
      throw new IllegalArgumentException("Cannot set field " + names[field] + " of kind " + kinds[field] + " to a "
          + kind + " value");
    }
  }

  /** Fails unless {@code field} may be null. */
  public void requireNullable(int field) {
    if (!nullable[field]) {
      throw new IllegalArgumentException("Cannot set field " + names[field] + " to null: it is not nullable");
    }
  }

  /** Fails unless a decimal value has the field's scale. */
  public void requireScale(int field, java.math.BigDecimal value) {
    if (value.scale() != scales[field]) {
      throw new IllegalArgumentException("Cannot set decimal field " + names[field] + " of scale " + scales[field]
          + " to " + value.toPlainString() + " (scale " + value.scale() + ")");
    }
  }

  /** Fails unless every field of the row was set. */
  public void requireComplete(int fieldsSet) {
    if (fieldsSet != names.length) {
      throw new IllegalStateException("Cannot end a row with " + fieldsSet + " of " + names.length + " fields set");
    }
  }
}
