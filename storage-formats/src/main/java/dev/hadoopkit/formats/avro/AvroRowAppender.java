package dev.hadoopkit.formats.avro;

import dev.hadoopkit.formats.io.CheckedRowAppender;
import dev.hadoopkit.formats.io.RowLayout;
import dev.hadoopkit.formats.io.WriteSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro rows from typed column values: the values go into one reused record, appended on {@code endRow()}; decimals
 * become their unscaled two's-complement bytes, as Avro stores them. The file is the one {@link AvroAppender} writes.
 */
final class AvroRowAppender extends CheckedRowAppender {
  private final DataFileWriter<GenericRecord> writer;
  private final GenericData.Record record;

  AvroRowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    super(settings, layout);
    writer = Avro.createWriter(settings, fileSystem(), temporaryPath());
    record = new GenericData.Record(layout.schema());
  }

  @Override
  protected void putNull(int field) {
    record.put(field, null);
  }

  @Override
  protected void putBoolean(int field, boolean value) {
    record.put(field, value);
  }

  @Override
  protected void putInt(int field, int value) {
    record.put(field, value);
  }

  @Override
  protected void putLong(int field, long value) {
    record.put(field, value);
  }

  @Override
  protected void putFloat(int field, float value) {
    record.put(field, value);
  }

  @Override
  protected void putDouble(int field, double value) {
    record.put(field, value);
  }

  @Override
  protected void putString(int field, String value) {
    record.put(field, value);
  }

  @Override
  protected void putBytes(int field, byte[] value) {
    record.put(field, ByteBuffer.wrap(value));
  }

  @Override
  protected void putDecimal(int field, BigDecimal value) {
    record.put(field, ByteBuffer.wrap(value.unscaledValue().toByteArray()));
  }

  @Override
  protected void writeRow() throws IOException {
    writer.append(record);
  }

  @Override
  protected void finish() throws IOException {
    writer.close();
  }
}
