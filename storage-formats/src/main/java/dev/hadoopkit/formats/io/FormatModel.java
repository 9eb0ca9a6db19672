package dev.hadoopkit.formats.io;

import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Everything this module does with one binary file format, implemented once in that format's package and registered
 * on its {@link FileFormat} constant: write (records or typed column values), read, count, check and describe. Code
 * outside the format's package asks {@link FileFormat#model()} and never names a format class.
 */
public interface FormatModel {

  /** The format this model reads and writes. */
  FileFormat format();

  /** An appender fed with records, committed on close (see {@link FileAppender}). */
  FileAppender appender(WriteSettings settings) throws IOException;

  /** An appender fed with typed column values; the same file as {@link #appender} writes for the same values. */
  RowAppender rowAppender(WriteSettings settings, RowLayout layout) throws IOException;

  /** The records of the file, or of the blocks, row groups or stripes starting in the settings' range. */
  RecordReader reader(ReadSettings settings) throws IOException;

  /** Rows in the file, from its footer or block headers (no record is decoded). */
  long count(Configuration conf, Path file) throws IOException;

  /** Fails with a {@link CorruptFileException} naming the file when its footer or header and tail cannot be read. */
  void check(Configuration conf, Path file) throws IOException;

  /** The file's layout: blocks, row groups or stripes with codecs, rows, sizes and column statistics. */
  void describe(Configuration conf, Path file, PrintStream out) throws IOException;
}
