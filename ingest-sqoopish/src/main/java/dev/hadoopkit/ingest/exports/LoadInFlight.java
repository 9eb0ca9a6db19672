package dev.hadoopkit.ingest.exports;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One database load at a time, run on a daemon thread of the sink while the task reads and prepares the next rows:
 * the server works while the client parses. The caller waits for the load in flight before it starts another (so the
 * connection is never used by two loads at once) and counts the rows a load committed only once it has finished.
 */
final class LoadInFlight implements AutoCloseable {
  /** A load on the sink's connection; returns the rows whose transaction it committed (0: none committed yet). */
  @FunctionalInterface
  interface Load {
    long run() throws SQLException;
  }

  private final ExecutorService loader;
  private Future<Long> inFlight;
  private String inFlightRange;
  private String failedRange;

  LoadInFlight(String threadName) {
    loader = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts {@code load} of the rows of {@code range} (for error messages); the previous one must have been awaited. */
  void start(String range, Load load) {
    if (inFlight != null) {
      throw new IllegalStateException("a load is still in flight");
    }
    inFlightRange = range;
    inFlight = loader.submit(load::run);
  }

  /** Waits for the load in flight: the rows it committed (0 when none was in flight), or its failure. */
  long await() throws SQLException {
    if (inFlight == null) {
      return 0;
    }
    Future<Long> load = inFlight;
    String range = inFlightRange;
    inFlight = null;
    inFlightRange = null;
    try {
      return load.get();
    } catch (ExecutionException e) {
      failedRange = range;
      if (e.getCause() instanceof SQLException sqlException) {
        throw sqlException;
      }
      throw new SQLException("Loading rows of " + range + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failedRange = range;
      throw new SQLException("Interrupted while loading rows of " + range, e);
    }
  }

  /** The rows of the load that failed, or null. */
  String failedRange() {
    return failedRange;
  }

  @Override
  public void close() {
    loader.shutdownNow();
  }
}
