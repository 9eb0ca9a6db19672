package dev.hadoopkit.formats.orc;

import dev.hadoopkit.formats.io.CheckedRowAppender;
import dev.hadoopkit.formats.io.RowLayout;
import dev.hadoopkit.formats.io.WriteSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * vector's milliseconds and nanoseconds). The file is the one the record appender writes for the same schema (both
 * write through {@link OrcBatchWriter}).
 */
final class OrcRowAppender extends CheckedRowAppender {
  private final String[] names;
  private final OrcBatchWriter out;
  private final VectorizedRowBatch batch;
  private final ColumnVector[] vectors;
  private final boolean[] timestamp;

  OrcRowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    super(settings, layout);
    out = new OrcBatchWriter(settings, layout.schema(), temporaryPath());
    batch = out.batch();
    vectors = batch.cols;
    timestamp = new boolean[vectors.length];
    names = new String[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      timestamp[i] = vectors[i] instanceof TimestampColumnVector;
      names[i] = layout.name(i);
    }
  }

  @Override
  protected void putNull(int field) {
    ColumnVector vector = vectors[field];
    vector.noNulls = false;
    vector.isNull[batch.size] = true;
  }

  private void present(int field) {
    vectors[field].isNull[batch.size] = false;
  }

  /** A present boolean (0 or 1), int or long into the field's long vector. */
  private void integral(int field, long value) {
    ((LongColumnVector) vectors[field]).vector[batch.size] = value;
    present(field);
  }

  /** A present float or double into the field's double vector. */
  private void floating(int field, double value) {
    ((DoubleColumnVector) vectors[field]).vector[batch.size] = value;
    present(field);
  }

  @Override
  protected void putBoolean(int field, boolean value) {
    integral(field, value ? 1 : 0);
  }

  @Override
  protected void putInt(int field, int value) {
    integral(field, value);
  }

  @Override
  protected void putLong(int field, long value) {
    if (!timestamp[field]) {
      integral(field, value);
      return;
    }
    int row = batch.size;
    Orc.checkRepresentable(value, names[field]);
    TimestampColumnVector timestamps = (TimestampColumnVector) vectors[field];
    timestamps.time[row] = value;
    timestamps.nanos[row] = (int) Math.floorMod(value, 1000L) * 1_000_000;
    present(field);
  }

  @Override
  protected void putFloat(int field, float value) {
    floating(field, value);
  }

  @Override
  protected void putDouble(int field, double value) {
    floating(field, value);
  }

  @Override
  protected void putString(int field, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ((BytesColumnVector) vectors[field]).setVal(batch.size, bytes, 0, bytes.length);
    present(field);
  }

  @Override
  protected void putBytes(int field, byte[] value) {
    ((BytesColumnVector) vectors[field]).setVal(batch.size, value, 0, value.length);
    present(field);
  }

  @Override
  protected void putDecimal(int field, BigDecimal value) {
    int row = batch.size;
    // set() may mark the row null when the value does not fit the column's precision, as the record appender does.
    vectors[field].isNull[row] = false;
    ((DecimalColumnVector) vectors[field]).set(row, HiveDecimal.create(value));
  }

  @Override
  protected void writeRow() throws IOException {
    batch.size++;
    out.rowAdded();
  }

  @Override
  protected void finish() throws IOException {
    out.close();
  }
}
