package dev.hadoopkit.ingest.exports;

import java.io.IOException;
import java.sql.SQLException;

/** Takes parsed export rows and writes them to the database in committed batches. */
interface RowSink extends AutoCloseable {
  /**
   * Adds one row; {@code null} entries are SQL NULLs. The array is reused by the caller.
   *
   * @param where the file and line of the row, for error messages
   */
  void add(String[] values, LinePosition where) throws SQLException, IOException;

  /** Writes and commits everything still buffered. */
  void finish() throws SQLException, IOException;

  /** Rows committed so far. */
  long committed();

  /** The first and last positions of the rows not committed yet, for error messages. */
  String pendingRange();

  @Override
  void close();
}
