package dev.hadoopkit.formats.io;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes rows of one flat record schema into one file from typed column values, without building a record per row:
 * set every field of the row once (any order), then {@link #endRow()}. Which setter a field takes follows its Avro
 * type ({@link RowLayout.Kind}): {@code int}, {@code date} and {@code time-millis} take {@link #setInt}; {@code long}
 * and {@code timestamp-millis} {@link #setLong}; a {@code decimal} {@link #setDecimal} with the field's scale; and so
 * on. The file is what {@link FileAppender} writes for the same values, with the same commit protocol: it appears at
 * its path on {@link #close()}, and {@link #abort()} leaves nothing.
 */
public interface RowAppender extends Closeable {

  /** The fields and the setter each takes. */
  RowLayout layout();

  /** SQL NULL; only for nullable fields (a union with null). */
  void setNull(int field);

  void setBoolean(int field, boolean value);

  /** An {@code int}, a {@code date} (days since 1970-01-01) or a {@code time-millis}. */
  void setInt(int field, int value);

  /** A {@code long} or a {@code timestamp-millis}. */
  void setLong(int field, long value);

  void setFloat(int field, float value);

  void setDouble(int field, double value);

  void setString(int field, String value);

  /** Plain {@code bytes}; the array is not kept after {@link #endRow()}. */
  void setBytes(int field, byte[] value);

  /** A {@code decimal}; the value's scale must be the field's. */
  void setDecimal(int field, BigDecimal value);

  /** Ends the row; every field must have been set since the previous call. */
  void endRow() throws IOException;

  /** Rows ended so far. */
  long count();

  /** Abandons the file; {@link #close()} afterwards does nothing. */
  void abort();

  /** Finishes the file and moves it to its target path. */
  @Override
  void close() throws IOException;
}
