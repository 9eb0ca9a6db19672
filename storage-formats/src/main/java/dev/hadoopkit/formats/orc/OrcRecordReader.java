package dev.hadoopkit.formats.orc;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.ReadSettings;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.apache.orc.Reader;
import org.apache.orc.TypeDescription;
import org.apache.orc.storage.ql.exec.vector.BytesColumnVector;
import org.apache.orc.storage.ql.exec.vector.ColumnVector;
import org.apache.orc.storage.ql.exec.vector.DecimalColumnVector;
import org.apache.orc.storage.ql.exec.vector.DoubleColumnVector;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;

/** Records from an ORC file (or the stripes of a range), projected to the columns asked for. */
final class OrcRecordReader implements RecordReader {
  private final Path file;
  private final Reader reader;
  private final org.apache.orc.RecordReader rows;
  private final Schema schema;
  private final VectorizedRowBatch batch;
  private final int[] columnIndexes;
  private final Schema[] fieldTypes;
  private int row;

  OrcRecordReader(ReadSettings settings) throws IOException {
    file = settings.path();
    reader = Orc.open(settings.conf(), file);
    try {
      Schema fileSchema = Orc.avroSchema(reader);
      schema = Schemas.project(fileSchema, settings.columns(), file);
      TypeDescription type = reader.getSchema();
      List<String> orcNames = type.getFieldNames();
      boolean[] include = new boolean[type.getMaximumId() + 1];
      include[0] = true;
      columnIndexes = new int[schema.getFields().size()];
      fieldTypes = new Schema[columnIndexes.length];
      for (int i = 0; i < columnIndexes.length; i++) {
        String name = schema.getFields().get(i).name();
        int index = orcNames.indexOf(name);
        if (index < 0) {
          throw new CorruptFileException(FileFormat.ORC, file, "column " + name + " of its Avro schema is missing", null);
        }
        columnIndexes[i] = index;
        fieldTypes[i] = Schemas.nonNull(schema.getFields().get(i).schema());
        TypeDescription child = type.getChildren().get(index);
        for (int id = child.getId(); id <= child.getMaximumId(); id++) {
          include[id] = true;
        }
      }
      Reader.Options options = reader.options().include(include).useSelected(false);
      if (!settings.wholeFile()) {
        options.range(settings.start(), settings.length());
      }
      rows = reader.rows(options);
      batch = type.createRowBatch();
    } catch (IOException | RuntimeException e) {
      reader.close();
      if (e instanceof CorruptFileException || e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new CorruptFileException(FileFormat.ORC, file, CorruptFileException.reason(e), e);
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public GenericRecord next() throws IOException {
    try {
      if (row >= batch.size) {
        row = 0;
        if (!rows.nextBatch(batch)) {
          return null;
        }
        if (batch.size == 0) {
          return null;
        }
      }
      GenericData.Record record = new GenericData.Record(schema);
      for (int i = 0; i < columnIndexes.length; i++) {
        record.put(i, get(batch.cols[columnIndexes[i]], row, fieldTypes[i]));
      }
      row++;
      return record;
    } catch (IOException | RuntimeException e) {
      throw new CorruptFileException(FileFormat.ORC, file, CorruptFileException.reason(e), e);
    }
  }

  /** The batch, for readers that go column by column; valid until the next call. */
  VectorizedRowBatch batch() {
    return batch;
  }

  private static Object get(ColumnVector vector, int row, Schema type) {
    int index = vector.isRepeating ? 0 : row;
    if (!vector.noNulls && vector.isNull[index]) {
      return null;
    }
    switch (type.getType()) {
      case BOOLEAN:
        return ((LongColumnVector) vector).vector[index] != 0;
      case INT:
        return (int) ((LongColumnVector) vector).vector[index];
      case LONG:
        if (vector instanceof TimestampColumnVector) {
          return ((TimestampColumnVector) vector).getTime(index);
        }
        return ((LongColumnVector) vector).vector[index];
      case FLOAT:
        return (float) ((DoubleColumnVector) vector).vector[index];
      case DOUBLE:
        return ((DoubleColumnVector) vector).vector[index];
      case STRING:
      case ENUM:
        if (vector instanceof DecimalColumnVector) {
          return ((DecimalColumnVector) vector).vector[index].toString();
        }
        BytesColumnVector strings = (BytesColumnVector) vector;
        return new String(strings.vector[index], strings.start[index], strings.length[index], StandardCharsets.UTF_8);
      case BYTES:
      case FIXED:
        if (vector instanceof DecimalColumnVector) {
          // Avro's decimal representation: the unscaled value's two's-complement bytes at the schema's scale.
          int scale = type.getLogicalType() instanceof LogicalTypes.Decimal
              ? ((LogicalTypes.Decimal) type.getLogicalType()).getScale() : ((DecimalColumnVector) vector).scale;
          byte[] unscaled = ((DecimalColumnVector) vector).vector[index].getHiveDecimal().bigDecimalValue()
              .setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().toByteArray();
          return type.getType() == Schema.Type.FIXED ? new GenericData.Fixed(type, pad(unscaled, type.getFixedSize()))
              : ByteBuffer.wrap(unscaled);
        }
        BytesColumnVector bytes = (BytesColumnVector) vector;
        byte[] copy = java.util.Arrays.copyOfRange(bytes.vector[index], bytes.start[index], bytes.start[index] + bytes.length[index]);
        return type.getType() == Schema.Type.FIXED ? new GenericData.Fixed(type, copy) : ByteBuffer.wrap(copy);
      default:
        throw new IllegalArgumentException("Cannot read ORC value of type " + type);
    }
  }

  /** Sign-extends two's-complement bytes to a fixed width. */
  private static byte[] pad(byte[] value, int size) {
    if (value.length >= size) {
      return value;
    }
    byte[] out = new byte[size];
    byte fill = value.length > 0 && value[0] < 0 ? (byte) 0xff : 0;
    java.util.Arrays.fill(out, 0, size - value.length, fill);
    System.arraycopy(value, 0, out, size - value.length, value.length);
    return out;
  }

  @Override
  public float progress() {
    try {
      return rows.getProgress();
    } catch (IOException e) {
      return 0f;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      rows.close();
    } finally {
      reader.close();
    }
  }
}
