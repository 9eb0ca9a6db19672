package dev.hadoopkit.formats.io;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Configures reading one binary file: {@code Formats.read(path).project("movieId", "rating").build()}.
 * The format comes from the file's magic bytes unless set.
 */
public final class ReadBuilder {

  private final Path path;
  private FileFormat format;
  private Configuration conf;
  private List<String> columns;
  private long start;
  private long length = Long.MAX_VALUE;

  ReadBuilder(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public ReadBuilder format(FileFormat value) {
    this.format = value;
    return this;
  }

  public ReadBuilder conf(Configuration value) {
    this.conf = value;
    return this;
  }

  /** Read only these top-level columns, in this order. */
  public ReadBuilder project(List<String> value) {
    this.columns = value == null ? null : List.copyOf(value);
    return this;
  }

  public ReadBuilder project(String... value) {
    return project(List.of(value));
  }

  /** Read only the blocks, row groups or stripes that start in {@code [start, start + length)}. */
  public ReadBuilder range(long rangeStart, long rangeLength) {
    if (rangeStart < 0 || rangeLength < 0) {
      throw new IllegalArgumentException("Invalid range: start " + rangeStart + ", length " + rangeLength);
    }
    this.start = rangeStart;
    this.length = rangeLength;
    return this;
  }

  public RecordReader build() throws IOException {
    Configuration configuration = conf == null ? new Configuration() : conf;
    FileFormat actual = format == null ? FileFormat.detect(configuration, path) : format;
    ReadSettings settings = new ReadSettings(path, configuration, columns, start, length);
    if (!actual.isBinary()) {
      throw new CorruptFileException(FileFormat.TEXT, path,
          "not an Avro, Parquet or ORC file (no magic bytes Obj1, PAR1 or ORC at its start); for text pass a schema or preset", null);
    }
    return actual.model().reader(settings);
  }
}
