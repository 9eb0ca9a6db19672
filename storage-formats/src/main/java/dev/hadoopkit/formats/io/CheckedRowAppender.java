package dev.hadoopkit.formats.io;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The part of a {@link RowAppender} every format shares: each setter first checks that the field takes it
 * ({@link RowLayout#requireKind}, nullability, a decimal's scale), {@link #endRow()} that every field was set, and the
 * file is committed as {@link CommittingFile} does. A format only stores the checked values ({@code put…}) and writes
 * the finished row ({@link #writeRow()}).
 */
public abstract class CheckedRowAppender extends CommittingFile implements RowAppender {

  private final RowLayout layout;
  private int fieldsSet;
  private long count;

  protected CheckedRowAppender(WriteSettings settings, RowLayout layout) throws IOException {
    super(settings);
    this.layout = layout;
  }

  @Override
  public final RowLayout layout() {
    return layout;
  }

  @Override
  public final void setNull(int field) {
    layout.requireNullable(field);
    putNull(field);
    fieldsSet++;
  }

  @Override
  public final void setBoolean(int field, boolean value) {
    layout.requireKind(field, RowLayout.Kind.BOOLEAN);
    putBoolean(field, value);
    fieldsSet++;
  }

  @Override
  public final void setInt(int field, int value) {
    layout.requireKind(field, RowLayout.Kind.INT);
    putInt(field, value);
    fieldsSet++;
  }

  @Override
  public final void setLong(int field, long value) {
    layout.requireKind(field, RowLayout.Kind.LONG);
    putLong(field, value);
    fieldsSet++;
  }

  @Override
  public final void setFloat(int field, float value) {
    layout.requireKind(field, RowLayout.Kind.FLOAT);
    putFloat(field, value);
    fieldsSet++;
  }

  @Override
  public final void setDouble(int field, double value) {
    layout.requireKind(field, RowLayout.Kind.DOUBLE);
    putDouble(field, value);
    fieldsSet++;
  }

  @Override
  public final void setString(int field, String value) {
    layout.requireKind(field, RowLayout.Kind.STRING);
    putString(field, value);
    fieldsSet++;
  }

  @Override
  public final void setBytes(int field, byte[] value) {
    layout.requireKind(field, RowLayout.Kind.BYTES);
    putBytes(field, value);
    fieldsSet++;
  }

  @Override
  public final void setDecimal(int field, BigDecimal value) {
    layout.requireKind(field, RowLayout.Kind.DECIMAL);
    layout.requireScale(field, value);
    putDecimal(field, value);
    fieldsSet++;
  }

  @Override
  public final void endRow() throws IOException {
    checkOpen();
    layout.requireComplete(fieldsSet);
    fieldsSet = 0;
    writeRow();
    count++;
  }

  @Override
  public final long count() {
    return count;
  }

  protected abstract void putNull(int field);

  protected abstract void putBoolean(int field, boolean value);

  protected abstract void putInt(int field, int value);

  protected abstract void putLong(int field, long value);

  protected abstract void putFloat(int field, float value);

  protected abstract void putDouble(int field, double value);

  protected abstract void putString(int field, String value);

  /** The array is not kept after {@link #writeRow()}. */
  protected abstract void putBytes(int field, byte[] value);

  /** The value's scale is the field's. */
  protected abstract void putDecimal(int field, BigDecimal value);

  /** Writes the row whose fields were all put since the previous call. */
  protected abstract void writeRow() throws IOException;
}
