package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.tool.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The file formats an import can write. Text goes through {@link TextRowWriter} to a (possibly compressed) stream;
 * Avro, Parquet and ORC through {@link BinaryRowWriter} and the storage-formats appenders, to
 * {@code part-m-NNNNN.avro|.parquet|.orc}.
 */
public enum OutputKind {
  TEXT("as-textfile", null),
  AVRO("as-avrodatafile", FileFormat.AVRO),
  PARQUET("as-parquetfile", FileFormat.PARQUET),
  ORC("as-orcfile", FileFormat.ORC),
  /** Needs generated record classes: refused by {@link #checkSupported}. */
  SEQUENCE("as-sequencefile", null);

  private final String option;
  private final FileFormat format;

  OutputKind(String option, FileFormat format) {
    this.option = option;
    this.format = format;
  }

  public String option() {
    return option;
  }

  /** The storage-formats format of a binary kind; null for text and SequenceFiles. */
  public FileFormat format() {
    return format;
  }

  public boolean isBinary() {
    return format != null;
  }

  /** What the files are called in messages: text, Avro, Parquet, ORC, SequenceFile. */
  public String displayName() {
    return this == SEQUENCE ? "SequenceFile" : format == null ? "text" : format.displayName();
  }

  /** Fails with a clear message for formats this build cannot write yet. */
  public void checkSupported() {
    if (this == SEQUENCE) {
      throw new UsageException("--" + option + " is not supported in this build: use --as-parquetfile, --as-avrodatafile, "
          + "--as-orcfile or --as-textfile (the default)");
    }
  }

  /** Creates the text writer for one output stream. */
  public RowWriter create(Configuration conf, List<ColumnInfo> columns, OutputStream out) throws IOException {
    checkSupported();
    if (isBinary()) {
      throw new IllegalStateException("Cannot write " + displayName() + " to a stream: use BinaryRowWriter.open");
    }
    return new TextRowWriter(conf, columns, out);
  }
}
