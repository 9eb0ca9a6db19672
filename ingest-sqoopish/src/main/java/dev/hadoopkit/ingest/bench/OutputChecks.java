package dev.hadoopkit.ingest.bench;

import dev.hadoopkit.formats.io.Formats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** Checks of what a measured import wrote: rows of text and binary files, and whether two imports hold the same lines. */
final class OutputChecks {
  private OutputChecks() {
  }

  /** The lines of a text import's {@code part-m-*} files and an order-independent digest of them. */
  record TextContent(long lines, long digest) {
  }

  static TextContent text(Path dir) throws IOException {
    return text(parts(dir));
  }

  /** The lines of text files and an order-independent digest of them (the sum of a 64-bit hash of each line). */
  static TextContent text(List<Path> files) throws IOException {
    long lines = 0;
    long digest = 0;
    byte[] buffer = new byte[1 << 16];
    for (Path part : files) {
      try (InputStream in = Files.newInputStream(part)) {
        long hash = FNV_OFFSET;
        int n;
        while ((n = in.read(buffer)) > 0) {
          for (int i = 0; i < n; i++) {
            byte b = buffer[i];
            if (b == '\n') {
              digest += mix(hash);
              lines++;
              hash = FNV_OFFSET;
            } else {
              hash = (hash ^ (b & 0xff)) * FNV_PRIME;
            }
          }
        }
        if (hash != FNV_OFFSET) {
          throw new BenchFailure(part + " does not end with a line terminator");
        }
      }
    }
    return new TextContent(lines, digest);
  }

  /** Rows of the Avro, Parquet or ORC files of an import, from the files' own metadata. */
  static long binaryRows(Path dir) throws IOException {
    Configuration conf = new Configuration();
    long rows = 0;
    for (org.apache.hadoop.fs.Path file : Formats.dataFiles(conf, new org.apache.hadoop.fs.Path(dir.toUri()))) {
      rows += Formats.count(conf, file);
    }
    return rows;
  }

  private static List<Path> parts(Path dir) throws IOException {
    List<Path> parts = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "part-m-*")) {
      files.forEach(parts::add);
    }
    if (parts.isEmpty()) {
      throw new BenchFailure(dir + " holds no part-m-* files");
    }
    parts.sort(null);
    return parts;
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** A finalizer (SplitMix64's) so that the sum of line hashes does not cancel out for similar lines. */
  private static long mix(long h) {
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
