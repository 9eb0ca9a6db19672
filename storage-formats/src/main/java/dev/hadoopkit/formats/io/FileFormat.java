package dev.hadoopkit.formats.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file formats this module reads and writes, and the one place a binary format is registered: its magic bytes
 * and the {@link FormatModel} class in its own package. Binary formats are recognised by their magic bytes, never by
 * file name: Avro {@code Obj\u0001}, Parquet {@code PAR1}, ORC {@code ORC}. Anything else is text.
 */
public enum FileFormat {
  AVRO("Avro", "avro", "Obj\u0001", "dev.hadoopkit.formats.avro.AvroModel"),
  PARQUET("Parquet", "parquet", "PAR1", "dev.hadoopkit.formats.parquet.ParquetModel"),
  ORC("ORC", "orc", "ORC", "dev.hadoopkit.formats.orc.OrcModel"),
  /** Delimited or JSON-lines text; which one is decided by the reader's options, not here. */
  TEXT("text", "txt", "", null);

  private final String displayName;
  private final String extension;
  private final byte[] magic;
  private final String modelClass;

  FileFormat(String displayName, String extension, String magic, String modelClass) {
    this.displayName = displayName;
    this.extension = extension;
    this.magic = magic.getBytes(StandardCharsets.ISO_8859_1);
    this.modelClass = modelClass;
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

  /** Whether this is a binary format with a {@link FormatModel}, i.e. not {@link #TEXT}. */
  public boolean isBinary() {
    return modelClass != null;
  }

  /**
   * The format's model. The class is named here rather than imported so the format packages, which build on this
   * package, are not also its dependencies; {@code FormatModelsTest} checks every name.
   *
   * @throws IllegalStateException for {@link #TEXT}, which is read through the text readers
   */
  public FormatModel model() {
    return FormatModels.of(this);
  }

  String modelClass() {
    return modelClass;
  }

  /** {@code avro}, {@code parquet} or {@code orc} (case-insensitive) to a binary format. */
  public static FileFormat ofBinaryName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (FileFormat format : values()) {
      if (format.isBinary() && format.extension.equals(lower)) {
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
    for (FileFormat format : values()) {
      if (format.isBinary() && format.startsWithMagic(head, length)) {
        return format;
      }
    }
    return TEXT;
  }

  private boolean startsWithMagic(byte[] head, int length) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
