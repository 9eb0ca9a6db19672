package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Multi-row INSERT statements ({@code sqoop.export.records.per.statement} rows each), committed every
 * {@code sqoop.export.statements.per.transaction} statements; with update keys and allowinsert the statement is an
 * upsert (MySQL ON DUPLICATE KEY UPDATE, PostgreSQL ON CONFLICT).
 */
final class InsertSink extends AbstractSink {
  private final int width;
  private final int rowsPerStatement;
  private final PreparedStatement full;
  private final Object[][] buffer;
  private int buffered;
  private int statements;

  InsertSink(Connection connection, Dialect dialect, ExportTarget target, boolean upsert, LongConsumer onCommit) throws SQLException {
    super(connection, dialect, target, onCommit);
    this.width = target.columns().size();
    // PostgreSQL accepts at most 32767 bind parameters per statement.
    int limit = dialect == Dialect.POSTGRESQL ? Math.max(1, 32767 / Math.max(1, width)) : Integer.MAX_VALUE;
    this.rowsPerStatement = Math.max(1, Math.min(target.recordsPerStatement(), limit));
    this.buffer = new Object[rowsPerStatement][];
    this.full = connection.prepareStatement(sql(rowsPerStatement, upsert));
    this.upsert = upsert;
    this.finder = new BadRowFinder(connection, dialect, target);
    trackPositions();
  }

  private final boolean upsert;
  private final BadRowFinder finder;

  private String sql(int rows, boolean upsert) {
    String columns = target.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    StringBuilder one = new StringBuilder("(");
    for (int i = 0; i < width; i++) {
      one.append(i == 0 ? "?" : ", ?");
    }
    one.append(')');
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(dialect.quoteTable(target.table())).append(" (")
        .append(columns).append(") VALUES ");
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "" : ", ").append(one);
    }
    if (upsert) {
      sql.append(dialect.upsertSuffix(target.columns(), target.updateKeys()));
    }
    return sql.toString();
  }

  @Override
  public void add(Object[] values, LinePosition where) throws SQLException {
    Object[] row = buffer[buffered];
    if (row == null) {
      row = new Object[width];
      buffer[buffered] = row;
    }
    System.arraycopy(values, 0, row, 0, width);
    buffered++;
    pending(where);
    if (buffered == rowsPerStatement) {
      execute(full, buffered);
      if (++statements >= target.statementsPerTransaction()) {
        commit();
        statements = 0;
      }
    }
  }

  private void execute(PreparedStatement statement, int rows) throws SQLException {
    int p = 1;
    for (int r = 0; r < rows; r++) {
      Object[] row = buffer[r];
      for (int c = 0; c < width; c++) {
        bind(statement, p++, c, row[c]);
      }
    }
    try {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw finder.locate(e, java.util.Arrays.asList(buffer).subList(0, rows), pendingPositions(), sql(1, upsert),
          this::bindRow);
    }
    buffered = 0;
  }

  @Override
  public void finish() throws SQLException {
    if (buffered > 0) {
      try (PreparedStatement tail = connection.prepareStatement(sql(buffered, upsert))) {
        execute(tail, buffered);
      }
    }
    commit();
  }

  @Override
  public void close() {
    try {
      full.close();
    } catch (SQLException e) {
      // closing anyway
    }
    super.close();
  }
}
