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
  private final BadRowFinder finder;
  private final Batch[] batches = new Batch[2];
  /** The batch being bound on the task's thread; the other one may be executing. */
  private Batch filling;
  private int batchesInTransaction;
  /** Rows executed in the open transaction; only the loader thread uses it (its loads run one after another). */
  private long rowsInTransaction;

  BulkBatchSink(Connection connection, Dialect dialect, ExportTarget target, LongConsumer onCommit) throws SQLException {
    super(connection, dialect, target, onCommit, "insert-batches");
    width = target.columns().size();
    String columns = target.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    String marks = target.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
    singleRowSql = "INSERT INTO " + dialect.quoteTable(target.table()) + " (" + columns + ") VALUES (" + marks + ")";
    rowsPerBatch = Math.max(1, target.recordsPerStatement());
    for (int i = 0; i < batches.length; i++) {
      batches[i] = new Batch(connection.prepareStatement(singleRowSql), rowsPerBatch);
    }
    filling = batches[0];
    finder = new BadRowFinder(connection, dialect, target);
    trackPositions();
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
      boolean commit = ++batchesInTransaction >= target.statementsPerTransaction();
      if (commit) {
        batchesInTransaction = 0;
      }
      send(commit);
    }
  }

  /** Hands the filling batch to the loader (after the one in flight has finished) and fills the other. */
  private void send(boolean commit) throws SQLException {
    awaitLoad();
    Batch b = filling;
    PendingChunk chunk = takePending();
    loads.start(chunk.range(), () -> execute(b, chunk, commit));
    filling = b == batches[0] ? batches[1] : batches[0];
  }

  /** Runs on the loader thread; returns the rows committed (0 while the transaction goes on). */
  private long execute(Batch b, PendingChunk chunk, boolean commit) throws SQLException {
    if (b.size > 0) {
      try {
        b.insert.executeBatch();
      } catch (SQLException e) {
        throw finder.locate(e, Arrays.asList(b.rows).subList(0, b.size), chunk.positions(), singleRowSql, this::bindRow);
      }
    }
    rowsInTransaction += b.size;
    b.size = 0;
    if (!commit) {
      return 0;
    }
    connection.commit();
    long rows = rowsInTransaction;
    rowsInTransaction = 0;
    return rows;
  }

  @Override
  public void finish() throws SQLException {
    send(true);
    // Reported even when the task had no rows, as every commit is.
    chunkCommitted(loads.await());
  }

  @Override
  public void close() {
    committed(); // lets a batch in flight finish before the connection goes
    loads.close();
    for (Batch b : batches) {
      try {
        b.insert.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
    super.close();
  }
}
