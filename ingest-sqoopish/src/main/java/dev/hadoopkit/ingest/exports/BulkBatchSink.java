package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Insert mode on a MariaDB server: one prepared single-row INSERT whose JDBC batch of
 * {@code sqoop.export.records.per.statement} rows Connector/J sends as a single COM_STMT_BULK_EXECUTE (binary
 * protocol, parsed once by the server), committed every {@code sqoop.export.statements.per.transaction} batches.
 * The server-side equivalent of a multi-row INSERT, without re-parsing SQL text for every batch.
 *
 * <p>Pipelined: the server executes one batch (and commits when it ends a transaction) on the sink's loader thread
 * while the task parses and binds the next into a second statement; one batch at a time on the connection, rows
 * counted as committed only once their transaction is. A failed batch is replayed row by row to name the bad row.
 */
final class BulkBatchSink extends PipelinedSink {
  /** Connection parameters that make Connector/J use the bulk protocol. */
  static final java.util.Map<String, String> PARAMS = java.util.Map.of("useServerPrepStmts", "true", "useBulkStmts", "true");

  /** A statement and copies of its batch's rows (the caller reuses its array), replayed only when the batch fails. */
  private static final class Batch {
    final PreparedStatement insert;
    final Object[][] rows;
    int size;

    Batch(PreparedStatement insert, int capacity) {
      this.insert = insert;
      this.rows = new Object[capacity][];
    }
  }

  private final int width;
  private final int rowsPerBatch;
  private final String singleRowSql;
  /** Per lane: its two batches (one may be executing while the other fills) and its bad-row finder. */
  private final Batch[][] batches;
  private final BadRowFinder[] finders;
  /** Per lane: which of its batches fills next. */
  private final int[] nextBatch;
  /** Per lane: batches sent in its open transaction (the task's thread). */
  private final int[] batchesInTransaction;
  /** Per lane: rows executed in its open transaction; only that lane's loader thread uses its slot. */
  private final long[] rowsInTransaction;
  /** The batch being bound on the task's thread, for the current lane. */
  private Batch filling;

  BulkBatchSink(Connection connection, ConnectionSource more, int lanes, Dialect dialect, ExportTarget target,
      LongConsumer onCommit) throws SQLException {
    super(connection, more, lanes, dialect, target, onCommit, "insert-batches");
    width = target.columns().size();
    String columns = target.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    String marks = target.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
    singleRowSql = "INSERT INTO " + dialect.quoteTable(target.table()) + " (" + columns + ") VALUES (" + marks + ")";
    rowsPerBatch = Math.max(1, target.recordsPerStatement());
    int n = laneCount();
    batches = new Batch[n][2];
    finders = new BadRowFinder[n];
    nextBatch = new int[n];
    batchesInTransaction = new int[n];
    rowsInTransaction = new long[n];
    try {
      prepareLanes();
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
    filling = batches[currentLane().index][0];
    trackPositions();
  }

  /** Prepares every lane's two statements on the lane's own connection. */
  private void prepareLanes() throws SQLException {
    for (int l = 0; l < laneCount(); l++) {
      Connection on = laneConnection(l);
      batches[l] = new Batch[] {new Batch(on.prepareStatement(singleRowSql), rowsPerBatch),
          new Batch(on.prepareStatement(singleRowSql), rowsPerBatch)};
      finders[l] = new BadRowFinder(on, dialect, target);
    }
  }

  @Override
  public void add(Object[] values, LinePosition where) throws SQLException {
    Batch b = filling;
    for (int c = 0; c < width; c++) {
      bind(b.insert, c + 1, c, values[c]);
    }
    b.insert.addBatch();
    pending(where);
    Object[] copy = b.rows[b.size];
    if (copy == null) {
      copy = new Object[width];
      b.rows[b.size] = copy;
    }
    System.arraycopy(values, 0, copy, 0, width);
    if (++b.size >= rowsPerBatch) {
      send(false);
    }
  }

  /**
   * Hands the filling batch to its lane (after the lane's batch in flight has finished) and fills a batch of the
   * next lane; {@code last} ends the lane's transaction whatever its length.
   */
  private void send(boolean last) throws SQLException {
    Lane lane = currentLane();
    int l = lane.index;
    boolean commit = last || ++batchesInTransaction[l] >= target.statementsPerTransaction();
    if (commit) {
      batchesInTransaction[l] = 0;
    }
    Batch b = filling;
    PendingChunk chunk = takePending();
    BadRowFinder finder = finders[l];
    start(chunk.range(), () -> execute(lane, b, finder, chunk, commit));
    nextBatch[l] ^= 1;
    Lane following = currentLane();
    filling = batches[following.index][nextBatch[following.index]];
  }

  /** Runs on the lane's loader thread; returns the rows committed (0 while the transaction goes on). */
  private long execute(Lane lane, Batch b, BadRowFinder finder, PendingChunk chunk, boolean commit) throws SQLException {
    int l = lane.index;
    if (b.size > 0) {
      try {
        b.insert.executeBatch();
      } catch (SQLException e) {
        throw finder.locate(e, Arrays.asList(b.rows).subList(0, b.size), chunk.positions(), singleRowSql, this::bindRow);
      }
    }
    rowsInTransaction[l] += b.size;
    b.size = 0;
    if (!commit) {
      return 0;
    }
    lane.connection.commit();
    long rows = rowsInTransaction[l];
    rowsInTransaction[l] = 0;
    return rows;
  }

  @Override
  public void finish() throws SQLException {
    // The filling batch ends its lane's transaction; an empty batch ends each other lane's.
    for (int i = 0; i < laneCount(); i++) {
      send(true);
    }
    // Reported even when the task had no rows, as every commit is.
    awaitLoads();
    chunkCommitted(0);
  }

  @Override
  public void close() {
    committed(); // lets the batches in flight finish before the connections go
    for (Batch[] lane : batches) {
      for (Batch b : lane == null ? new Batch[0] : lane) {
        try {
          b.insert.close();
        } catch (SQLException e) {
          // closing anyway
        }
      }
    }
    super.close();
  }
}
