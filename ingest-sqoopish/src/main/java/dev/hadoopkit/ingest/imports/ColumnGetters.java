package dev.hadoopkit.ingest.imports;

import java.sql.ResultSet;
import java.sql.SQLException;

/** How the row writers read one column of the current row, shared by their nullable combinators. */
final class ColumnGetters {
  private ColumnGetters() {
  }

  /** A value, or null for SQL NULL. */
  @FunctionalInterface
  interface Getter<T> {
    T get(ResultSet rs, int column) throws SQLException;
  }

  /** An integral value (getInt, getLong, ...), SQL NULL being told by {@link ResultSet#wasNull()} afterwards. */
  @FunctionalInterface
  interface LongGetter {
    long get(ResultSet rs, int column) throws SQLException;
  }

  /** A floating-point value (getFloat, getDouble), SQL NULL being told by {@link ResultSet#wasNull()} afterwards. */
  @FunctionalInterface
  interface DoubleGetter {
    double get(ResultSet rs, int column) throws SQLException;
  }
}
