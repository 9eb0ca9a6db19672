package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.text.TextOut;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row and writes it as Sqoop text; false, having written nothing, when it is NULL. */
@FunctionalInterface
interface ValueReader {
  boolean read(ResultSet rs, int column, TextOut out) throws SQLException, IOException;
}
