package dev.hadoopkit.formats.io;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Everything a format needs to open a file for reading; made by {@link ReadBuilder}.
 *
 * @param columns top-level field names to read, in this order; null for all
 * @param start first byte of the range to read (block, row group or stripe starting in the range)
 * @param length bytes in the range; {@code Long.MAX_VALUE} for the whole file
 */
public record ReadSettings(Path path, Configuration conf, List<String> columns, long start, long length) {

  public boolean wholeFile() {
    return start == 0 && length == Long.MAX_VALUE;
  }

  public long end() {
    return length == Long.MAX_VALUE ? Long.MAX_VALUE : start + length;
  }
}
