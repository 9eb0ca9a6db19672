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
    putNull(counted(field));
  }

  @Override
  public final void setBoolean(int field, boolean value) {
    putBoolean(checked(field, RowLayout.Kind.BOOLEAN), value);
  }

  @Override
  public final void setInt(int field, int value) {
    putInt(checked(field, RowLayout.Kind.INT), value);
  }

  @Override
  public final void setLong(int field, long value) {
    putLong(checked(field, RowLayout.Kind.LONG), value);
  }

  @Override
  public final void setFloat(int field, float value) {
    putFloat(checked(field, RowLayout.Kind.FLOAT), value);
  }

  @Override
  public final void setDouble(int field, double value) {
    putDouble(checked(field, RowLayout.Kind.DOUBLE), value);
  }

  @Override
  public final void setString(int field, String value) {
    putString(checked(field, RowLayout.Kind.STRING), value);
  }

  @Override
  public final void setBytes(int field, byte[] value) {
    putBytes(checked(field, RowLayout.Kind.BYTES), value);
  }

  @Override
  public final void setDecimal(int field, BigDecimal value) {
    layout.requireKind(field, RowLayout.Kind.DECIMAL);
    layout.requireScale(field, value);
    putDecimal(counted(field), value);
  }

  /**
   * The one guard of the plain typed setters: fails unless the field takes values of {@code kind}, else counts it as
   * set and returns it for the format to store the value at. A value the format then refuses (ORC's timestamps just
   * before 1970) fails the row anyway: callers abort the file.
   */
  private int checked(int field, RowLayout.Kind kind) {
    layout.requireKind(field, kind);
    return counted(field);
  }

  private int counted(int field) {
    fieldsSet++;
    return field;
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
