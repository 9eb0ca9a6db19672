package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * A sink whose server work runs on loader threads ({@link LoadInFlight}) while the task prepares the next chunk:
 * the bulk insert batches and {@code --direct}'s LOAD DATA streams. Rows count as committed only once their load
 * has ended, and a failed load names its own range.
 *
 * <p>The loads go round-robin over {@link Lane lanes}: the task's connection and, when more than one lane is asked
 * for ({@code hadoopkit.ingest.export.connections.per.task}), connections of their own. With one connection the
 * server is idle while the client encodes and sends the next chunk and while a commit waits for its log write; with
 * two it executes one chunk while it receives the other, which is what lets a single mapper keep the database busy.
 * Each lane has its own transactions and one load at a time; rows are counted per lane, once committed.
 */
abstract class PipelinedSink extends AbstractSink {
  /** Opens one more connection to the export's database, as the task's own was opened. */
  @FunctionalInterface
  interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /** A connection with a loader thread of its own. */
  protected static final class Lane {
    final int index;
    final Connection connection;
    final LoadInFlight loads;

    Lane(int index, Connection connection, LoadInFlight loads) {
      this.index = index;
      this.connection = connection;
      this.loads = loads;
    }
  }

  private final Lane[] lanes;
  private int next;

  /** {@code laneCount} lanes: the task's {@code connection} first, then {@code laneCount - 1} from {@code more}. */
  PipelinedSink(Connection connection, ConnectionSource more, int laneCount, Dialect dialect, ExportTarget target,
      LongConsumer onCommit, String loader) throws SQLException {
    super(connection, dialect, target, onCommit);
    lanes = new Lane[Math.max(1, laneCount)];
    lanes[0] = new Lane(0, connection, new LoadInFlight(loader));
    try {
      for (int i = 1; i < lanes.length; i++) {
        Connection extra = more.open();
        lanes[i] = new Lane(i, extra, new LoadInFlight(loader + "-" + i));
        extra.setAutoCommit(false);
      }
    } catch (SQLException | RuntimeException e) {
      closeLanes();
      throw e;
    }
  }

  /** How many lanes the sink has (for per-lane state in subclasses, indexed by {@link Lane#index}). */
  protected final int laneCount() {
    return lanes.length;
  }

  /** The connection of lane {@code index}. */
  protected final Connection laneConnection(int index) {
    return lanes[index].connection;
  }

  /** The lane the next load goes to (round-robin); its previous load may still be running. */
  protected final Lane currentLane() {
    return lanes[next];
  }

  /**
   * Waits for the current lane's previous load (counting its rows), starts {@code load} of the rows of
   * {@code range} on it and moves on to the next lane.
   */
  protected final void start(String range, LoadInFlight.Load load) throws SQLException {
    Lane lane = lanes[next];
    await(lane);
    lane.loads.start(range, load);
    next = (next + 1) % lanes.length;
  }

  /** Waits for the current lane's load in flight, if any, so that what it used is free again. */
  protected final void awaitCurrent() throws SQLException {
    await(lanes[next]);
  }

  private void await(Lane lane) throws SQLException {
    long rows = lane.loads.await();
    if (rows > 0) {
      chunkCommitted(rows);
    }
  }

  /** Waits for every lane's load in flight and counts their rows; the first failure is thrown after all have ended. */
  protected final void awaitLoads() throws SQLException {
    SQLException failure = null;
    for (Lane lane : lanes) {
      try {
        await(lane);
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public long committed() {
    try {
      awaitLoads();
    } catch (SQLException e) {
      // the failure is reported where it was raised; here only the count matters
    }
    return super.committed();
  }

  @Override
  public String pendingRange() {
    for (Lane lane : lanes) {
      if (lane != null && lane.loads.failedRange() != null) {
        return lane.loads.failedRange();
      }
    }
    return super.pendingRange();
  }

  @Override
  public void close() {
    committed(); // lets the loads in flight finish before their connections go
    closeLanes();
    super.close();
  }

  /** Stops the loader threads and closes the lanes' own connections (uncommitted rows are rolled back). */
  private void closeLanes() {
    for (Lane lane : lanes) {
      if (lane == null) {
        continue;
      }
      lane.loads.close();
      if (lane.index > 0) {
        try {
          lane.connection.rollback();
        } catch (SQLException e) {
          // closing anyway; nothing uncommitted survives the connection
        }
        try {
          lane.connection.close();
        } catch (SQLException e) {
          // the export's outcome does not depend on it
        }
      }
    }
  }
}
