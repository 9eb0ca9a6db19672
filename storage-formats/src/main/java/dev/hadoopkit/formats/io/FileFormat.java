package dev.hadoopkit.formats.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file formats this module reads and writes. Binary formats are recognised by their magic bytes, never by
 * file name: Avro {@code Obj\u0001}, Parquet {@code PAR1}, ORC {@code ORC}. Anything else is text.
 */
public enum FileFormat {
  AVRO("Avro", "avro"),
  PARQUET("Parquet", "parquet"),
  ORC("ORC", "orc"),
  /** Delimited or JSON-lines text; which one is decided by the reader's options, not here. */
  TEXT("text", "txt");

  private final String displayName;
  private final String extension;

  FileFormat(String displayName, String extension) {
    this.displayName = displayName;
    this.extension = extension;
  }

  public String displayName() {
    return displayName;
  }

  /** The conventional file name extension, used only when this module names a file it writes. */
  public String extension() {
    return extension;
  }

  public boolean isColumnar() {
    return this == PARQUET || this == ORC;
  }

  /** {@code avro}, {@code parquet} or {@code orc} (case-insensitive) to a binary format. */
  public static FileFormat ofBinaryName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (FileFormat format : values()) {
      if (format != TEXT && format.extension.equals(lower)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Invalid format: " + name + " (expected parquet, orc or avro)");
  }

  /** The format of a file from its first bytes. */
  public static FileFormat detect(Configuration conf, Path file) throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    try (FSDataInputStream in = fs.open(file)) {
      return detect(in);
    }
  }

  /** The format of the bytes at the start of {@code in}; reads at most four bytes. */
  public static FileFormat detect(InputStream in) throws IOException {
    byte[] head = in.readNBytes(4);
    return detect(head, head.length);
  }

  public static FileFormat detect(byte[] head, int length) {
    if (length >= 4 && head[0] == 'O' && head[1] == 'b' && head[2] == 'j' && head[3] == 1) {
      return AVRO;
    }
    if (length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
      return PARQUET;
    }
    if (length >= 3 && head[0] == 'O' && head[1] == 'R' && head[2] == 'C') {
      return ORC;
    }
    return TEXT;
  }
}
