package dev.hadoopkit.formats.io;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Configures one file to write: {@code Formats.write(path).format(PARQUET).schema(s).codec(ZSTD).build()}. */
public final class WriteBuilder {

  private final Path path;
  private FileFormat format;
  private Configuration conf;
  private Schema schema;
  private Codec codec = Codec.DEFAULT;
  private boolean overwrite;
  private final Map<String, String> properties = new LinkedHashMap<>();

  WriteBuilder(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  public WriteBuilder format(FileFormat value) {
    if (value != null && !value.isBinary()) {
      throw new IllegalArgumentException("Invalid format for a file appender: text (use the text writers)");
    }
    this.format = value;
    return this;
  }

  public WriteBuilder conf(Configuration value) {
    this.conf = value;
    return this;
  }

  public WriteBuilder schema(Schema value) {
    if (value.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("Invalid schema, expected a record: " + value);
    }
    this.schema = value;
    return this;
  }

  public WriteBuilder codec(Codec value) {
    this.codec = Objects.requireNonNull(value, "codec");
    return this;
  }

  /** Replace an existing file at the path; without it an existing file is an error. */
  public WriteBuilder overwrite(boolean value) {
    this.overwrite = value;
    return this;
  }

  /** A format-specific setting, e.g. {@code parquet.block.size} or {@code orc.stripe.size}. */
  public WriteBuilder set(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public FileAppender build() throws IOException {
    WriteSettings settings = settings();
    return format.model().appender(settings);
  }

  /**
   * An appender fed with typed column values instead of records (see {@link RowAppender}): Parquet and ORC write the
   * values straight into their column writers; Avro goes through one reused record. The schema must be a flat record
   * of primitive fields ({@link RowLayout}).
   */
  public RowAppender buildRows() throws IOException {
    WriteSettings settings = settings();
    return format.model().rowAppender(settings, RowLayout.of(schema));
  }

  private WriteSettings settings() {
    if (format == null) {
      throw new IllegalStateException("Cannot build an appender for " + path + ": no format set");
    }
    if (schema == null) {
      throw new IllegalStateException("Cannot build an appender for " + path + ": no schema set");
    }
    return new WriteSettings(path, conf == null ? new Configuration() : conf, schema, codec, overwrite,
        Map.copyOf(properties));
  }
}
