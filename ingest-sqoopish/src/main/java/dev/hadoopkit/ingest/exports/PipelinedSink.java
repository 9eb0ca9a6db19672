package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * A sink whose server work runs on a loader thread ({@link LoadInFlight}) while the task prepares the next chunk:
 * the bulk insert batches and {@code --direct}'s LOAD DATA streams. Rows count as committed only once their load
 * has ended, and a failed load names its own range.
 */
abstract class PipelinedSink extends AbstractSink {
  protected final LoadInFlight loads;

  PipelinedSink(Connection connection, Dialect dialect, ExportTarget target, LongConsumer onCommit, String loader)
      throws SQLException {
    super(connection, dialect, target, onCommit);
    this.loads = new LoadInFlight(loader);
  }

  /** Waits for the load in flight, if any, and counts its rows as committed. */
  protected final void awaitLoad() throws SQLException {
    long rows = loads.await();
    if (rows > 0) {
      chunkCommitted(rows);
    }
  }

  @Override
  public long committed() {
    try {
      awaitLoad();
    } catch (SQLException e) {
      // the failure is reported where it was raised; here only the count matters
    }
    return super.committed();
  }

  @Override
  public String pendingRange() {
    return loads.failedRange() != null ? loads.failedRange() : super.pendingRange();
  }
}
