package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.LongConsumer;

/** Commit bookkeeping shared by the sinks: counts rows, commits, tells the listener the committed total. */
abstract class AbstractSink implements RowSink {
  protected final Connection connection;
  protected final Dialect dialect;
  protected final ExportTarget target;
  private final LongConsumer onCommit;
  private long committed;
  private long uncommitted;
  private String firstPending;
  private String lastPending;

  AbstractSink(Connection connection, Dialect dialect, ExportTarget target, LongConsumer onCommit) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.target = target;
    this.onCommit = onCommit;
    connection.setAutoCommit(false);
  }

  /** Notes a row that is written but not yet committed. */
  protected final void pending(LinePosition where) {
    uncommitted++;
    if (firstPending == null) {
      firstPending = where.toString();
    }
    lastPending = where.toString();
  }

  protected final void commit() throws SQLException {
    connection.commit();
    committed += uncommitted;
    uncommitted = 0;
    firstPending = null;
    lastPending = null;
    onCommit.accept(committed);
  }

  @Override
  public long committed() {
    return committed;
  }

  @Override
  public String pendingRange() {
    if (firstPending == null) {
      return "(none)";
    }
    return firstPending.equals(lastPending) ? firstPending : firstPending + " to " + lastPending;
  }

  /** MySQL stores booleans as numbers: Sqoop's true/false text becomes 1/0 there. */
  protected final String adapt(int column, String value) {
    int type = target.type(column);
    if (dialect == Dialect.MYSQL && (type == Types.BIT || type == Types.BOOLEAN)) {
      if (value.equalsIgnoreCase("true")) {
        return "1";
      }
      if (value.equalsIgnoreCase("false")) {
        return "0";
      }
    }
    return value;
  }

  @Override
  public void close() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the connection is going away; nothing uncommitted survives it
    }
  }
}
