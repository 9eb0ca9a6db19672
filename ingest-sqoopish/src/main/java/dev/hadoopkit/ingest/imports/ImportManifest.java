package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.text.Delimiters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What an import wrote, saved next to its files as {@value #FILE_NAME} (hidden from MapReduce and Hive by its
 * leading underscore): the output format, the column names in field order, the delimiters, the NULL markers and the
 * codec. {@code sqoop merge} reads it where Sqoop would use the generated record class. Immutable.
 */
public final class ImportManifest {
  public static final String FILE_NAME = "_hk_schema.properties";

  private final String format;
  private final List<String> columns;
  private final Delimiters delimiters;
  private final String nullString;
  private final String nullNonString;
  private final String codec;

  /**
   * @param format the OutputKind name, e.g. TEXT
   * @param codec the compression codec name or class, or null for none
   */
  public ImportManifest(String format, List<String> columns, Delimiters delimiters, String nullString, String nullNonString,
      String codec) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Cannot describe an import without columns");
    }
    this.format = Objects.requireNonNull(format, "format");
    this.columns = List.copyOf(columns);
    this.delimiters = Objects.requireNonNull(delimiters, "delimiters");
    this.nullString = Objects.requireNonNull(nullString, "nullString");
    this.nullNonString = Objects.requireNonNull(nullNonString, "nullNonString");
    this.codec = codec;
  }

  public String format() {
    return format;
  }

  public List<String> columns() {
    return columns;
  }

  public Delimiters delimiters() {
    return delimiters;
  }

  public String nullString() {
    return nullString;
  }

  public String nullNonString() {
    return nullNonString;
  }

  /** The codec name or class, or null when the files are not compressed. */
  public String codec() {
    return codec;
  }

  public boolean isText() {
    return format.equals(OutputKind.TEXT.name());
  }

  /** The 0-based field position of {@code column} (exact name first, then ignoring case). */
  public int indexOf(String column, String option, Path where) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equals(column)) {
        return i;
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new IngestException("Column " + column + " (from " + option + ") is not among the imported columns of " + where
        + ": " + String.join(", ", columns));
  }

  /** True when records of both are laid out alike (columns, delimiters, NULL markers), so they can be merged. */
  public boolean sameRecordLayout(ImportManifest other) {
    return format.equals(other.format) && columns.equals(other.columns) && same(delimiters, other.delimiters)
        && nullString.equals(other.nullString) && nullNonString.equals(other.nullNonString);
  }

  private static boolean same(Delimiters a, Delimiters b) {
    return a.fieldsTerminatedBy() == b.fieldsTerminatedBy() && a.linesTerminatedBy() == b.linesTerminatedBy()
        && a.enclosedBy() == b.enclosedBy() && a.escapedBy() == b.escapedBy() && a.encloseOptional() == b.encloseOptional();
  }

  /** Writes {@value #FILE_NAME} into {@code dir}, replacing one already there. */
  public void write(FileSystem fs, Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("format", format);
    p.setProperty("columns", Integer.toString(columns.size()));
    for (int i = 0; i < columns.size(); i++) {
      p.setProperty("column." + i, columns.get(i));
    }
    // Characters as numbers, so control characters (\001, \t) survive any editor.
    p.setProperty("fields-terminated-by", Integer.toString(delimiters.fieldsTerminatedBy()));
    p.setProperty("lines-terminated-by", Integer.toString(delimiters.linesTerminatedBy()));
    p.setProperty("enclosed-by", Integer.toString(delimiters.enclosedBy()));
    p.setProperty("escaped-by", Integer.toString(delimiters.escapedBy()));
    p.setProperty("enclose-optional", Boolean.toString(delimiters.encloseOptional()));
    p.setProperty("null-string", nullString);
    p.setProperty("null-non-string", nullNonString);
    if (codec != null) {
      p.setProperty("codec", codec);
    }
    try (OutputStream out = fs.create(new Path(dir, FILE_NAME), true);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      p.store(w, "Written by hadoopkit's sqoop import; read by sqoop merge. Characters are given as numbers.");
    }
  }

  /** The schema saved in {@code dir}, or empty when there is none (data from Sqoop itself or an older build). */
  public static Optional<ImportManifest> read(FileSystem fs, Path dir) throws IOException {
    Path file = new Path(dir, FILE_NAME);
    if (!fs.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = fs.open(file)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    try {
      int count = Integer.parseInt(required(p, "columns", file));
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        columns.add(required(p, "column." + i, file));
      }
      Delimiters delimiters = new Delimiters(character(p, "fields-terminated-by", file),
          character(p, "lines-terminated-by", file), character(p, "enclosed-by", file), character(p, "escaped-by", file),
          Boolean.parseBoolean(required(p, "enclose-optional", file)));
      return Optional.of(new ImportManifest(required(p, "format", file), columns, delimiters,
          required(p, "null-string", file), required(p, "null-non-string", file), p.getProperty("codec")));
    } catch (NumberFormatException e) {
      throw new IngestException("Invalid " + file + ": " + e.getMessage() + "; delete it and give --columns and the"
          + " delimiters of the import instead");
    }
  }

  private static String required(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IngestException("Invalid " + file + ": no '" + key + "'; delete it and give --columns and the delimiters"
          + " of the import instead");
    }
    return value;
  }

  private static char character(Properties p, String key, Path file) {
    return (char) Integer.parseInt(required(p, key, file));
  }

  @Override
  public String toString() {
    return format + " " + columns + " " + delimiters + (codec == null ? "" : " codec=" + codec);
  }
}
