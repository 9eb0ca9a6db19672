package dev.hadoopkit.formats.orc;

import dev.hadoopkit.formats.io.CommittingFile;
import dev.hadoopkit.formats.io.RowAppender;
import dev.hadoopkit.formats.io.RowLayout;
import dev.hadoopkit.formats.io.WriteSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.storage.common.type.HiveDecimal;
import org.apache.orc.storage.ql.exec.vector.BytesColumnVector;
import org.apache.orc.storage.ql.exec.vector.ColumnVector;
import org.apache.orc.storage.ql.exec.vector.DecimalColumnVector;
import org.apache.orc.storage.ql.exec.vector.DoubleColumnVector;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;

/**
 * ORC rows from typed column values, set straight into the row batch's column vectors (a timestamp-millis as the
 * vector's milliseconds and nanoseconds). The file is the one the record appender writes for the same schema: same ORC
 * types, writer options and Avro schema in the user metadata.
 */
final class OrcRowAppender extends CommittingFile implements RowAppender {
  private final RowLayout layout;
  private final Writer writer;
  private final VectorizedRowBatch batch;
  private final ColumnVector[] vectors;
  private final boolean[] timestamp;
  private int fieldsSet;
  private long count;

  OrcRowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    super(settings);
    this.layout = layout;
    TypeDescription type = OrcSchemas.toOrc(layout.schema());
    Configuration conf = new Configuration(settings.conf());
    settings.properties().forEach(conf::set);
    writer = OrcFile.createWriter(temporaryPath(), OrcFile.writerOptions(conf)
        .setSchema(type)
        .compress(Orc.codec(settings.codec()))
        .useUTCTimestamp(true)
        // Avro and JDBC dates are proleptic Gregorian days; the hybrid Julian default makes calendar-aware readers
        // (orc-tools, Hive, Spark) shift dates before 1582 (0001-01-01 would read as 0001-01-03)
        .setProlepticGregorian(true)
        .overwrite(true));
    writer.addUserMetadata(Orc.AVRO_SCHEMA_KEY, StandardCharsets.UTF_8.encode(layout.schema().toString()));
    batch = Orc.prolepticDates(type.createRowBatch());
    vectors = batch.cols;
    timestamp = new boolean[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      timestamp[i] = vectors[i] instanceof TimestampColumnVector;
    }
  }

  @Override
  public RowLayout layout() {
    return layout;
  }

  @Override
  public void setNull(int field) {
    layout.requireNullable(field);
    ColumnVector vector = vectors[field];
    vector.noNulls = false;
    vector.isNull[batch.size] = true;
    fieldsSet++;
  }

  private void present(int field) {
    vectors[field].isNull[batch.size] = false;
    fieldsSet++;
  }

  @Override
  public void setBoolean(int field, boolean value) {
    layout.requireKind(field, RowLayout.Kind.BOOLEAN);
    ((LongColumnVector) vectors[field]).vector[batch.size] = value ? 1 : 0;
    present(field);
  }

  @Override
  public void setInt(int field, int value) {
    layout.requireKind(field, RowLayout.Kind.INT);
    ((LongColumnVector) vectors[field]).vector[batch.size] = value;
    present(field);
  }

  @Override
  public void setLong(int field, long value) {
    layout.requireKind(field, RowLayout.Kind.LONG);
    int row = batch.size;
    if (timestamp[field]) {
      Orc.checkRepresentable(value, layout.schema().getFields().get(field).name());
      TimestampColumnVector timestamps = (TimestampColumnVector) vectors[field];
      timestamps.time[row] = value;
      timestamps.nanos[row] = (int) Math.floorMod(value, 1000L) * 1_000_000;
    } else {
      ((LongColumnVector) vectors[field]).vector[row] = value;
    }
    present(field);
  }

  @Override
  public void setFloat(int field, float value) {
    layout.requireKind(field, RowLayout.Kind.FLOAT);
    ((DoubleColumnVector) vectors[field]).vector[batch.size] = value;
    present(field);
  }

  @Override
  public void setDouble(int field, double value) {
    layout.requireKind(field, RowLayout.Kind.DOUBLE);
    ((DoubleColumnVector) vectors[field]).vector[batch.size] = value;
    present(field);
  }

  @Override
  public void setString(int field, String value) {
    layout.requireKind(field, RowLayout.Kind.STRING);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ((BytesColumnVector) vectors[field]).setVal(batch.size, bytes, 0, bytes.length);
    present(field);
  }

  @Override
  public void setBytes(int field, byte[] value) {
    layout.requireKind(field, RowLayout.Kind.BYTES);
    ((BytesColumnVector) vectors[field]).setVal(batch.size, value, 0, value.length);
    present(field);
  }

  @Override
  public void setDecimal(int field, BigDecimal value) {
    layout.requireKind(field, RowLayout.Kind.DECIMAL);
    layout.requireScale(field, value);
    int row = batch.size;
    // set() may mark the row null when the value does not fit the column's precision, as the record appender does.
    vectors[field].isNull[row] = false;
    ((DecimalColumnVector) vectors[field]).set(row, HiveDecimal.create(value));
    fieldsSet++;
  }

  @Override
  public void endRow() throws IOException {
    checkOpen();
    layout.requireComplete(fieldsSet);
    fieldsSet = 0;
    count++;
    if (++batch.size == batch.getMaxSize()) {
      writer.addRowBatch(batch);
      batch.reset();
    }
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  protected void finish() throws IOException {
    try {
      if (batch.size > 0) {
        writer.addRowBatch(batch);
        batch.reset();
      }
    } finally {
      writer.close();
    }
  }
}
