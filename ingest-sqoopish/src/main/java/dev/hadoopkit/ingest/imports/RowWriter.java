package dev.hadoopkit.ingest.imports;

import java.io.Closeable;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes the current row of a result set to one output file. The extension point for output formats: text today;
 * Avro, Parquet and ORC writers from storage-formats plug in through {@link OutputKind}.
 */
interface RowWriter extends Closeable {
  /** Writes the row {@code rs} is positioned on. */
  void write(ResultSet rs) throws IOException, SQLException;

  /** Bytes written so far (before compression), for the transfer summary. */
  long bytesWritten();
}
