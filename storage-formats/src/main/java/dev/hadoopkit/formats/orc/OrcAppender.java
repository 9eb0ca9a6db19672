package dev.hadoopkit.formats.orc;

import dev.hadoopkit.formats.io.CommittingAppender;
import dev.hadoopkit.formats.io.WriteSettings;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.orc.storage.common.type.HiveDecimal;
import org.apache.orc.storage.ql.exec.vector.BytesColumnVector;
import org.apache.orc.storage.ql.exec.vector.ColumnVector;
import org.apache.orc.storage.ql.exec.vector.DecimalColumnVector;
import org.apache.orc.storage.ql.exec.vector.DoubleColumnVector;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;

/** ORC files from records: each record's fields set into a reused row batch. */
final class OrcAppender extends CommittingAppender {
  private final OrcBatchWriter out;
  private final VectorizedRowBatch batch;
  private final Schema schema;
  private final Schema[] fieldTypes;
  private final String[] fieldNames;

  OrcAppender(WriteSettings settings) throws IOException {
    super(settings);
    schema = settings.schema();
    out = new OrcBatchWriter(settings, schema, temporaryPath());
    batch = out.batch();
    fieldTypes = new Schema[schema.getFields().size()];
    fieldNames = new String[fieldTypes.length];
    for (int i = 0; i < fieldTypes.length; i++) {
      fieldTypes[i] = Schemas.nonNull(schema.getFields().get(i).schema());
      fieldNames[i] = schema.getFields().get(i).name();
    }
  }

  @Override
  protected void write(GenericRecord record) throws IOException {
    int row = batch.size++;
    for (int i = 0; i < fieldTypes.length; i++) {
      set(batch.cols[i], row, fieldTypes[i], record.get(i), fieldNames[i]);
    }
    out.rowAdded();
  }

  private static void set(ColumnVector vector, int row, Schema type, Object value, String field) {
    if (value == null) {
      vector.noNulls = false;
      vector.isNull[row] = true;
      return;
    }
    vector.isNull[row] = false;
    switch (type.getType()) {
      case BOOLEAN:
        ((LongColumnVector) vector).vector[row] = ((Boolean) value) ? 1 : 0;
        break;
      case INT:
      case LONG:
        if (vector instanceof TimestampColumnVector) {
          long millis = ((Number) value).longValue();
          Orc.checkRepresentable(millis, field);
          TimestampColumnVector timestamps = (TimestampColumnVector) vector;
          timestamps.time[row] = millis;
          timestamps.nanos[row] = (int) Math.floorMod(millis, 1000L) * 1_000_000;
        } else {
          ((LongColumnVector) vector).vector[row] = ((Number) value).longValue();
        }
        break;
      case FLOAT:
      case DOUBLE:
        ((DoubleColumnVector) vector).vector[row] = ((Number) value).doubleValue();
        break;
      case STRING:
      case ENUM:
        byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
        ((BytesColumnVector) vector).setVal(row, text, 0, text.length);
        break;
      case BYTES:
        if (vector instanceof DecimalColumnVector) {
          int scale = ((LogicalTypes.Decimal) type.getLogicalType()).getScale();
          ((DecimalColumnVector) vector).set(row, HiveDecimal.create(decimal(value, scale)));
          break;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        ((BytesColumnVector) vector).setVal(row, bytes, 0, bytes.length);
        break;
      case FIXED:
        if (vector instanceof DecimalColumnVector) {
          int fixedScale = ((LogicalTypes.Decimal) type.getLogicalType()).getScale();
          ((DecimalColumnVector) vector).set(row, HiveDecimal.create(decimal(value, fixedScale)));
          break;
        }
        byte[] fixed = ((GenericData.Fixed) value).bytes();
        ((BytesColumnVector) vector).setVal(row, fixed, 0, fixed.length);
        break;
      default:
        throw new IllegalArgumentException("Cannot write ORC value of type " + type);
    }
  }

  /** An Avro decimal (unscaled two's-complement bytes, or a BigDecimal) as a BigDecimal of the schema's scale. */
  private static BigDecimal decimal(Object value, int scale) {
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).setScale(scale, RoundingMode.UNNECESSARY);
    }
    byte[] bytes;
    if (value instanceof GenericData.Fixed) {
      bytes = ((GenericData.Fixed) value).bytes();
    } else {
      ByteBuffer buffer = ((ByteBuffer) value).duplicate();
      bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
    }
    return new BigDecimal(new BigInteger(bytes), scale);
  }

  @Override
  protected void finish() throws IOException {
    out.close();
  }
}
