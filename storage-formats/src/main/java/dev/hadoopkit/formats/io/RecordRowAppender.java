package dev.hadoopkit.formats.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericData;

/**
 * A {@link RowAppender} over a record {@link FileAppender}: the values go into one reused record, added on
 * {@link #endRow()}. Used for Avro, whose writer takes records anyway; decimals become their unscaled
 * two's-complement bytes, as Avro stores them.
 */
final class RecordRowAppender implements RowAppender {
  private final FileAppender appender;
  private final RowLayout layout;
  private final GenericData.Record record;
  private int fieldsSet;

  RecordRowAppender(FileAppender appender, RowLayout layout) {
    this.appender = appender;
    this.layout = layout;
    this.record = new GenericData.Record(layout.schema());
  }

  @Override
  public RowLayout layout() {
    return layout;
  }

  @Override
  public void setNull(int field) {
    layout.requireNullable(field);
    put(field, null);
  }

  @Override
  public void setBoolean(int field, boolean value) {
    layout.requireKind(field, RowLayout.Kind.BOOLEAN);
    put(field, value);
  }

  @Override
  public void setInt(int field, int value) {
    layout.requireKind(field, RowLayout.Kind.INT);
    put(field, value);
  }

  @Override
  public void setLong(int field, long value) {
    layout.requireKind(field, RowLayout.Kind.LONG);
    put(field, value);
  }

  @Override
  public void setFloat(int field, float value) {
    layout.requireKind(field, RowLayout.Kind.FLOAT);
    put(field, value);
  }

  @Override
  public void setDouble(int field, double value) {
    layout.requireKind(field, RowLayout.Kind.DOUBLE);
    put(field, value);
  }

  @Override
  public void setString(int field, String value) {
    layout.requireKind(field, RowLayout.Kind.STRING);
    put(field, value);
  }

  @Override
  public void setBytes(int field, byte[] value) {
    layout.requireKind(field, RowLayout.Kind.BYTES);
    put(field, ByteBuffer.wrap(value));
  }

  @Override
  public void setDecimal(int field, BigDecimal value) {
    layout.requireKind(field, RowLayout.Kind.DECIMAL);
    layout.requireScale(field, value);
    put(field, ByteBuffer.wrap(value.unscaledValue().toByteArray()));
  }

  private void put(int field, Object value) {
    record.put(field, value);
    fieldsSet++;
  }

  @Override
  public void endRow() throws IOException {
    layout.requireComplete(fieldsSet);
    fieldsSet = 0;
    appender.add(record);
  }

  @Override
  public long count() {
    return appender.count();
  }

  @Override
  public void abort() {
    appender.abort();
  }

  @Override
  public void close() throws IOException {
    appender.close();
  }
}
