package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.text.TextOut;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * MySQL/MariaDB DATE, DATETIME and TIMESTAMP values read as the session's wall-clock text: zero dates become NULL (as
 * with Connector/J's zeroDateTimeBehavior=convertToNull), and timestamps are reshaped into java.sql.Timestamp's text.
 */
final class MysqlTemporalText {
  private MysqlTemporalText() {
  }

  /** The column's text, or null for SQL NULL and for a zero date ({@code 0000-00-00...}). */
  static String read(ResultSet rs, int column) throws SQLException {
    String v = rs.getString(column);
    return v == null || v.startsWith("0000-00-00") ? null : v;
  }

  /**
   * Writes "2001-02-03 04:05:06[.fff]" (or a bare date) as java.sql.Timestamp prints it: the fraction without trailing
   * zeros, at least ".0".
   */
  static void writeTimestamp(TextOut out, String v) throws IOException {
    int dot = isWholeSeconds(v) ? -1 : v.indexOf('.');
    if (dot < 0) {
      out.write(v);
      if (v.length() == 10) {
        out.write(" 00:00:00");
      }
      out.write('.');
      out.write('0');
      return;
    }
    int end = v.length();
    while (end > dot + 2 && v.charAt(end - 1) == '0') {
      end--;
    }
    out.write(v, 0, end);
  }

  /** The server's {@code yyyy-MM-dd HH:mm:ss} (the common value), told by its separators without a scan for a dot. */
  private static boolean isWholeSeconds(String v) {
    return v.length() == 19 && v.charAt(4) == '-' && v.charAt(7) == '-' && v.charAt(10) == ' ' && v.charAt(13) == ':'
        && v.charAt(16) == ':';
  }
}
