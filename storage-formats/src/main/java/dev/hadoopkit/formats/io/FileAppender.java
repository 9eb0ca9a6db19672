package dev.hadoopkit.formats.io;

import java.io.Closeable;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes records of one schema into one file. Records go to a hidden temporary file next to the target;
 * {@link #close()} finishes that file and renames it into place, so a reader never sees half a file.
 * Use in try-with-resources and call {@link #abort()} when writing failed: the temporary file is deleted and
 * the target stays as it was.
 */
public interface FileAppender extends Closeable {

  void add(GenericRecord record) throws IOException;

  /** Records added so far. */
  long count();

  /** Abandons the file; {@link #close()} afterwards does nothing. */
  void abort();

  /** Finishes the file and moves it to its target path. */
  @Override
  void close() throws IOException;
}
