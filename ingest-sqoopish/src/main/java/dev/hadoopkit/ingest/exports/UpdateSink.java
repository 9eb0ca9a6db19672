package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/** {@code --update-mode updateonly}: batched {@code UPDATE t SET ... WHERE key = ?}; rows with no match change nothing. */
final class UpdateSink extends AbstractSink {
  private final PreparedStatement update;
  private final int[] setColumns;
  private final int[] keyColumns;
  private final int batchRows;
  private int batched;

  UpdateSink(Connection connection, Dialect dialect, ExportTarget target, LongConsumer onCommit) throws SQLException {
    super(connection, dialect, target, onCommit);
    List<Integer> set = new ArrayList<>();
    List<Integer> keys = new ArrayList<>();
    for (int i = 0; i < target.columns().size(); i++) {
      String c = target.columns().get(i);
      if (target.updateKeys().stream().anyMatch(k -> k.equalsIgnoreCase(c))) {
        keys.add(i);
      } else {
        set.add(i);
      }
    }
    setColumns = set.stream().mapToInt(Integer::intValue).toArray();
    keyColumns = keys.stream().mapToInt(Integer::intValue).toArray();
    String sql = "UPDATE " + dialect.quoteTable(target.table()) + " SET "
        + set.stream().map(i -> dialect.quote(target.columns().get(i)) + " = ?").collect(Collectors.joining(", "))
        + " WHERE " + keys.stream().map(i -> dialect.quote(target.columns().get(i)) + " = ?").collect(Collectors.joining(" AND "));
    update = connection.prepareStatement(sql);
    updateSql = sql;
    batchRows = Math.max(1, target.recordsPerStatement()) * Math.max(1, target.statementsPerTransaction());
    rows = new Object[batchRows][];
    parameterColumns = java.util.stream.IntStream.concat(java.util.Arrays.stream(setColumns),
        java.util.Arrays.stream(keyColumns)).toArray();
    finder = new BadRowFinder(connection, dialect, target);
    trackPositions();
  }

  private final String updateSql;
  /** Copies of the batch's rows (the caller reuses its array), replayed one by one only when the batch fails. */
  private final Object[][] rows;
  private final int[] parameterColumns;
  private final BadRowFinder finder;

  private void bindUpdate(java.sql.PreparedStatement statement, Object[] row) throws SQLException {
    int p = 1;
    for (int c : parameterColumns) {
      bind(statement, p++, c, row[c]);
    }
  }

  private void executeBatch() throws SQLException {
    try {
      update.executeBatch();
    } catch (SQLException e) {
      throw finder.locate(e, java.util.Arrays.asList(rows).subList(0, batched), pendingPositions(), updateSql,
          this::bindUpdate, parameterColumns);
    }
    batched = 0;
  }

  @Override
  public void add(Object[] values, LinePosition where) throws SQLException {
    int p = 1;
    for (int c : setColumns) {
      bind(p++, c, values[c]);
    }
    for (int c : keyColumns) {
      bind(p++, c, values[c]);
    }
    update.addBatch();
    pending(where);
    Object[] copy = rows[batched];
    if (copy == null) {
      copy = new Object[values.length];
      rows[batched] = copy;
    }
    System.arraycopy(values, 0, copy, 0, values.length);
    if (++batched >= batchRows) {
      executeBatch();
      commit();
    }
  }

  private void bind(int parameter, int column, Object value) throws SQLException {
    bind(update, parameter, column, value);
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
      update.close();
    } catch (SQLException e) {
      // closing anyway
    }
    super.close();
  }
}
