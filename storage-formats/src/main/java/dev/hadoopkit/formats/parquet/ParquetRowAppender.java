package dev.hadoopkit.formats.parquet;

import dev.hadoopkit.formats.io.CheckedRowAppender;
import dev.hadoopkit.formats.io.RowLayout;
import dev.hadoopkit.formats.io.WriteSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet rows from typed column values: each row is kept in one reused buffer of primitive slots (so a row given up
 * half-way leaves nothing in the file) and written column by column into a {@link FlatRowGroupWriter}. The file is
 * the one parquet-avro writes for the same schema: the Parquet schema comes from parquet-avro's
 * {@link AvroSchemaConverter}, the footer carries the Avro schema under {@code parquet.avro.schema} and the writer
 * model name {@code avro}, and the writer settings are those of the record appender.
 */
final class ParquetRowAppender extends CheckedRowAppender {
  /** The key parquet-avro stores the Avro schema under, and reads it back from. */
  static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
  /** parquet-avro's model name, written to the footer as {@code writer.model.name}. */
  static final String WRITER_MODEL = "avro";

  private final Row row;
  private final RowLayout.Kind[] kinds;
  private final FlatRowGroupWriter writer;

  ParquetRowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    super(settings, layout);
    this.row = new Row(layout.size());
    this.kinds = new RowLayout.Kind[layout.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = layout.kind(i);
    }
    Configuration conf = new Configuration(settings.conf());
    settings.properties().forEach(conf::set);
    MessageType type = new AvroSchemaConverter(conf).convert(layout.schema());
    writer = new FlatRowGroupWriter(HadoopOutputFile.fromPath(temporaryPath(), conf), type,
        Map.of(AVRO_SCHEMA_KEY, layout.schema().toString()), WRITER_MODEL, conf, Parquet.codec(settings.codec()));
  }

  /** One row's values: numbers (floats and doubles as their bits) or binaries, and which fields are null. */
  static final class Row {
    final long[] numbers;
    final Binary[] binaries;
    final boolean[] nulls;

    Row(int size) {
      numbers = new long[size];
      binaries = new Binary[size];
      nulls = new boolean[size];
    }
  }

  @Override
  protected void putNull(int field) {
    row.nulls[field] = true;
  }

  private void number(int field, long value) {
    row.numbers[field] = value;
    row.nulls[field] = false;
  }

  private void binary(int field, Binary value) {
    row.binaries[field] = value;
    row.nulls[field] = false;
  }

  @Override
  protected void putBoolean(int field, boolean value) {
    number(field, value ? 1 : 0);
  }

  @Override
  protected void putInt(int field, int value) {
    number(field, value);
  }

  @Override
  protected void putLong(int field, long value) {
    number(field, value);
  }

  @Override
  protected void putFloat(int field, float value) {
    number(field, Float.floatToRawIntBits(value));
  }

  @Override
  protected void putDouble(int field, double value) {
    number(field, Double.doubleToRawLongBits(value));
  }

  @Override
  protected void putString(int field, String value) {
    binary(field, Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  protected void putBytes(int field, byte[] value) {
    binary(field, Binary.fromReusedByteArray(value));
  }

  @Override
  protected void putDecimal(int field, BigDecimal value) {
    binary(field, Binary.fromConstantByteArray(value.unscaledValue().toByteArray()));
  }

  @Override
  protected void writeRow() throws IOException {
    for (int i = 0; i < kinds.length; i++) {
      if (row.nulls[i]) {
        writer.writeNull(i);
        continue;
      }
      switch (kinds[i]) {
        case BOOLEAN:
          writer.writeBoolean(i, row.numbers[i] != 0);
          break;
        case INT:
          writer.writeInt(i, (int) row.numbers[i]);
          break;
        case LONG:
          writer.writeLong(i, row.numbers[i]);
          break;
        case FLOAT:
          writer.writeFloat(i, Float.intBitsToFloat((int) row.numbers[i]));
          break;
        case DOUBLE:
          writer.writeDouble(i, Double.longBitsToDouble(row.numbers[i]));
          break;
        default:
          writer.writeBinary(i, row.binaries[i]);
          break;
      }
    }
    writer.endRow();
  }

  @Override
  protected void finish() throws IOException {
    writer.close();
  }
}
