package dev.hadoopkit.ingest.exports;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Takes export rows and writes them to the database in committed batches. Values are text fields parsed from
 * delimited files ({@link String}) or typed values read from Avro, Parquet and ORC files ({@code Integer},
 * {@code Long}, {@code Float}, {@code Double}, {@code Boolean}, {@code BigDecimal}, {@code java.sql.Date},
 * {@code java.time.LocalDateTime}, {@code byte[]}, {@link String}).
 */
interface RowSink extends AutoCloseable {
  /**
   * Adds one row; {@code null} entries are SQL NULLs. The array is reused by the caller.
   *
   * @param where the file and line of the row, for error messages
   */
  void add(Object[] values, LinePosition where) throws SQLException, IOException;

  /** Writes and commits everything still buffered. */
  void finish() throws SQLException, IOException;

  /** Rows committed so far. */
  long committed();

  /** The first and last positions of the rows not committed yet, for error messages. */
  String pendingRange();

  @Override
  void close();
}
