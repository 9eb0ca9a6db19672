package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** The file formats an import can write; each names the factory that makes its {@link RowWriter}. */
public enum OutputKind {
  TEXT("as-textfile", true),
  AVRO("as-avrodatafile", false),
  PARQUET("as-parquetfile", false),
  ORC("as-orcfile", false),
  SEQUENCE("as-sequencefile", false);

  public static final String KEY = "hadoopkit.ingest.import.output.kind";

  private final String option;
  private final boolean supported;

  OutputKind(String option, boolean supported) {
    this.option = option;
    this.supported = supported;
  }

  public String option() {
    return option;
  }

  /** Fails with a clear message for formats this build cannot write yet. */
  public void checkSupported() {
    if (!supported) {
      throw new UsageException("--" + option + " is not yet supported in this build (it arrives with the storage-formats "
          + "module); use --as-textfile (the default) for now");
    }
  }

  /** Creates the writer for one output file. */
  public RowWriter create(Configuration conf, List<ColumnInfo> columns, OutputStream out) throws IOException {
    checkSupported();
    return new TextRowWriter(conf, columns, out);
  }
}
