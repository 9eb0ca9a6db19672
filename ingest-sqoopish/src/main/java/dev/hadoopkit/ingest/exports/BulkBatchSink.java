package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Insert mode on a MariaDB server: one prepared single-row INSERT whose JDBC batch of
 * {@code sqoop.export.records.per.statement} rows Connector/J sends as a single COM_STMT_BULK_EXECUTE (binary
 * protocol, parsed once by the server), committed every {@code sqoop.export.statements.per.transaction} batches.
 * The server-side equivalent of a multi-row INSERT, without re-parsing SQL text for every batch.
 */
final class BulkBatchSink extends AbstractSink {
  /** Connection parameters that make Connector/J use the bulk protocol. */
  static final java.util.Map<String, String> PARAMS = java.util.Map.of("useServerPrepStmts", "true", "useBulkStmts", "true");

  private final PreparedStatement insert;
  private final int width;
  private final int rowsPerBatch;
  private int batched;
  private int batches;

  BulkBatchSink(Connection connection, Dialect dialect, ExportTarget target, LongConsumer onCommit) throws SQLException {
    super(connection, dialect, target, onCommit);
    width = target.columns().size();
    String columns = target.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    String marks = target.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
    insert = connection.prepareStatement("INSERT INTO " + dialect.quoteTable(target.table()) + " (" + columns + ") VALUES ("
        + marks + ")");
    rowsPerBatch = Math.max(1, target.recordsPerStatement());
    singleRowSql = "INSERT INTO " + dialect.quoteTable(target.table()) + " (" + columns + ") VALUES (" + marks + ")";
    rows = new Object[rowsPerBatch][];
    finder = new BadRowFinder(connection, dialect, target);
    trackPositions();
  }

  private final String singleRowSql;
  /** Copies of the batch's rows (the caller reuses its array), replayed one by one only when the batch fails. */
  private final Object[][] rows;
  private final BadRowFinder finder;

  private void executeBatch() throws SQLException {
    try {
      insert.executeBatch();
    } catch (SQLException e) {
      throw finder.locate(e, java.util.Arrays.asList(rows).subList(0, batched), pendingPositions(), singleRowSql,
          this::bindRow);
    }
    batched = 0;
  }

  @Override
  public void add(Object[] values, LinePosition where) throws SQLException {
    for (int c = 0; c < width; c++) {
      bind(insert, c + 1, c, values[c]);
    }
    insert.addBatch();
    pending(where);
    Object[] copy = rows[batched];
    if (copy == null) {
      copy = new Object[width];
      rows[batched] = copy;
    }
    System.arraycopy(values, 0, copy, 0, width);
    if (++batched >= rowsPerBatch) {
      executeBatch();
      if (++batches >= target.statementsPerTransaction()) {
        commit();
        batches = 0;
      }
    }
  }

  @Override
  public void finish() throws SQLException {
    if (batched > 0) {
      executeBatch();
    }
    commit();
  }

  @Override
  public void close() {
    try {
      insert.close();
    } catch (SQLException e) {
      // closing anyway
    }
    super.close();
  }
}
