package dev.hadoopkit.formats.io;

import java.io.Closeable;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads the records of one file (or one byte range of it) in the read schema: the file's schema, or the
 * projection asked for. Values use Avro's generic representation without conversions: {@code date} as days
 * (int), {@code timestamp-millis} as milliseconds (long), strings as {@link CharSequence}.
 */
public interface RecordReader extends Closeable {

  /** The schema of the records returned. */
  Schema schema();

  /** The next record, or null at the end. The record may be reused by the following call. */
  GenericRecord next() throws IOException;

  /** How far through its range the reader is, 0 to 1. */
  default float progress() {
    return 0;
  }
}
