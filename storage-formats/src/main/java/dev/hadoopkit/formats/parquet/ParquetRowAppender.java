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
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet rows from typed column values: each row is kept in one reused buffer of primitive slots and handed to a
 * {@link WriteSupport} that calls the record consumer's {@code addInteger}/{@code addLong}/{@code addBinary} per
 * non-null field. The file is the one parquet-avro writes for the same schema: the Parquet schema comes from
 * parquet-avro's {@link AvroSchemaConverter}, the footer carries the Avro schema under {@code parquet.avro.schema} and
 * the writer model name {@code avro}, and the writer settings are those of the record appender.
 */
final class ParquetRowAppender extends CheckedRowAppender {
  /** The key parquet-avro stores the Avro schema under, and reads it back from. */
  static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
  /** parquet-avro's model name, written to the footer as {@code writer.model.name}. */
  static final String WRITER_MODEL = "avro";

  private final Row row;
  private final ParquetWriter<Row> writer;

  ParquetRowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    super(settings, layout);
    this.row = new Row(layout.size());
    Configuration conf = new Configuration(settings.conf());
    settings.properties().forEach(conf::set);
    MessageType type = new AvroSchemaConverter(conf).convert(layout.schema());
    Builder builder = new Builder(HadoopOutputFile.fromPath(temporaryPath(), conf), new RowWriteSupport(layout, type));
    writer = Parquet.configure(builder, conf, settings.codec()).build();
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
    writer.write(row);
  }

  @Override
  protected void finish() throws IOException {
    writer.close();
  }

  /** Writes a {@link Row} field by field; null fields are skipped, as parquet-avro skips them. */
  static final class RowWriteSupport extends WriteSupport<Row> {
    private final MessageType type;
    private final String avroSchema;
    private final String[] names;
    private final RowLayout.Kind[] kinds;
    private RecordConsumer consumer;

    RowWriteSupport(RowLayout layout, MessageType type) {
      this.type = type;
      this.avroSchema = layout.schema().toString();
      this.names = new String[layout.size()];
      this.kinds = new RowLayout.Kind[layout.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = layout.name(i);
        kinds[i] = layout.kind(i);
      }
    }

    @Override
    public String getName() {
      return WRITER_MODEL;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(type, Map.of(AVRO_SCHEMA_KEY, avroSchema));
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(type, Map.of(AVRO_SCHEMA_KEY, avroSchema));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row) {
      RecordConsumer out = consumer;
      out.startMessage();
      for (int i = 0; i < names.length; i++) {
        if (row.nulls[i]) {
          continue;
        }
        out.startField(names[i], i);
        switch (kinds[i]) {
          case BOOLEAN:
            out.addBoolean(row.numbers[i] != 0);
            break;
          case INT:
            out.addInteger((int) row.numbers[i]);
            break;
          case LONG:
            out.addLong(row.numbers[i]);
            break;
          case FLOAT:
            out.addFloat(Float.intBitsToFloat((int) row.numbers[i]));
            break;
          case DOUBLE:
            out.addDouble(Double.longBitsToDouble(row.numbers[i]));
            break;
          default:
            out.addBinary(row.binaries[i]);
            break;
        }
        out.endField(names[i], i);
      }
      out.endMessage();
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}
