package dev.hadoopkit.ingest.imports;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row into a buffer as Sqoop text; false when the value is NULL. */
@FunctionalInterface
interface ValueReader {
  boolean read(ResultSet rs, int column, StringBuilder out) throws SQLException;
}
