package dev.hadoopkit.formats.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;

/** The entry point: write and read any of the binary formats, and what they share. */
public final class Formats {

  private Formats() {
  }

  public static WriteBuilder write(Path path) {
    return new WriteBuilder(path);
  }

  public static ReadBuilder read(Path path) {
    return new ReadBuilder(path);
  }

  /** The file's schema in Avro form. */
  public static Schema schema(Configuration conf, Path file) throws IOException {
    FileFormat format = FileFormat.detect(conf, file);
    try (RecordReader reader = read(file).conf(conf).format(format).range(0, 0).build()) {
      return reader.schema();
    }
  }

  /** Rows in the file, from its footer or block headers where the format has them. */
  public static long count(Configuration conf, Path file) throws IOException {
    FileFormat format = FileFormat.detect(conf, file);
    if (!format.isBinary()) {
      throw new CorruptFileException(FileFormat.TEXT, file, "not an Avro, Parquet or ORC file", null);
    }
    return format.model().count(conf, file);
  }

  /**
   * Checks that a binary file is whole: its footer (Parquet, ORC) or header and final sync marker (Avro) can be
   * read. Cheap: no data is decoded. Fails with a {@link CorruptFileException} naming the file. Text passes.
   */
  public static void check(Configuration conf, Path file) throws IOException {
    FileFormat format = FileFormat.detect(conf, file);
    if (format.isBinary()) {
      format.model().check(conf, file);
    }
  }

  /** Files and directories that are data: names not starting with {@code _} (_SUCCESS, _logs) or {@code .} (.crc). */
  public static final PathFilter DATA_FILES = path -> isDataFile(path.getName());

  /** Whether a file or directory name is data rather than a marker or hidden file; see {@link #DATA_FILES}. */
  public static boolean isDataFile(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }

  /**
   * The data files a path stands for: the file itself, or a directory's visible files (names not starting
   * with {@code _} or {@code .}), recursively, in name order. Fails when there are none.
   */
  public static List<Path> dataFiles(Configuration conf, Path path) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(path);
    if (matches == null || matches.length == 0) {
      throw new java.io.FileNotFoundException("Cannot read " + path + ": no such file or directory");
    }
    List<Path> files = new ArrayList<>();
    for (FileStatus match : matches) {
      collect(fs, match, files);
    }
    if (files.isEmpty()) {
      throw new java.io.FileNotFoundException("Cannot read " + path + ": the directory holds no data files");
    }
    files.sort(null);
    return files;
  }

  private static void collect(FileSystem fs, FileStatus status, List<Path> files) throws IOException {
    if (status.isFile()) {
      files.add(status.getPath());
      return;
    }
    for (FileStatus child : fs.listStatus(status.getPath(), DATA_FILES)) {
      collect(fs, child, files);
    }
  }
}
