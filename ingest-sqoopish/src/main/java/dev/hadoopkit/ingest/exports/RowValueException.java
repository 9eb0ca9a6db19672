package dev.hadoopkit.ingest.exports;

import java.sql.SQLException;

/** A database refused one row: the message names the file, line and (when known) the column and value. */
final class RowValueException extends SQLException {
  private static final long serialVersionUID = 1L;

  RowValueException(String message, SQLException cause) {
    super(message, cause.getSQLState(), cause.getErrorCode(), cause);
  }
}
