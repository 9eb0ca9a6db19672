package dev.hadoopkit.jobs.input;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Turns a byte offset of a text file (what Hadoop's line reader gives as the key) into a line number,
 * by counting line feeds before it. Only called for the few lines worth reporting, so a split that
 * starts deep into a file pays one scan of the bytes before it, and only when it has something to report.
 */
final class LineLocator {

  private LineLocator() {
  }

  /** Number of complete lines before {@code offset}: 0 at the start of the file. */
  static long linesBefore(Configuration conf, Path file, long offset) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    try (InputStream raw = fs.open(file);
         InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
      byte[] buffer = new byte[1 << 16];
      long remaining = offset;
      long lines = 0;
      while (remaining > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          break;
        }
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        remaining -= read;
      }
      return lines;
    }
  }
}
