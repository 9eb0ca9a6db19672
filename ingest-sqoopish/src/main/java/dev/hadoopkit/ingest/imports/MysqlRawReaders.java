package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.imports.mysql.RawText;
import dev.hadoopkit.ingest.text.TextOut;
import dev.hadoopkit.ingest.text.Utf8Output;
import java.io.IOException;
import java.sql.Types;

/**
 * Text readers over the server's own bytes ({@link RawText}, MariaDB/MySQL text protocol), writing what the
 * getInt/getLong readers and {@link MysqlTemporalText} over CAST(col AS CHAR) write, without a String or a parse.
 */
final class MysqlRawReaders {
  private static final String ZERO_DATE = "0000-00-00";

  private MysqlRawReaders() {
  }

  /**
   * The raw reader of a column, or null when the column keeps its usual reader. A date read as a String
   * (--map-column-java) is the server's text as it is, as the CAST gave it to getString.
   */
  static ValueReader readerFor(ColumnInfo column, boolean asString) {
    return readerFor(column, asString, false);
  }

  /**
   * As {@link #readerFor(ColumnInfo, boolean)}; over the binary protocol ({@code binaryProtocol}) integers keep the
   * getInt/getLong readers (the driver reads their bytes as they are) and dates are formatted from the packed form.
   */
  static ValueReader readerFor(ColumnInfo column, boolean asString, boolean binaryProtocol) {
    if (asString) {
      int type = column.jdbcType();
      return type == Types.DATE || type == Types.TIMESTAMP ? VERBATIM : null;
    }
    switch (column.jdbcType()) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
        return binaryProtocol ? null : INTEGRAL;
      case Types.BIGINT:
        // BIGINT UNSIGNED is read with getString; keep that reader.
        return column.isUnsigned() || binaryProtocol ? null : INTEGRAL;
      case Types.DATE:
        return DATE;
      case Types.TIMESTAMP:
        return TIMESTAMP;
      default:
        return null;
    }
  }

  /**
   * An integer as its decimal digits; ZEROFILL's leading zeros (which getInt drops) are dropped by parsing those
   * values.
   */
  static final ValueReader INTEGRAL = (rs, i, out) -> {
    RawText v = rs.getObject(i, RawText.class);
    if (v == null) {
      return false;
    }
    if (v.length() > 1 && v.at(0) == '0') {
      out.write(parseDigits(v));
    } else {
      write(out, v, v.length());
    }
    return true;
  };

  /** The server's text as it is. */
  static final ValueReader VERBATIM = (rs, i, out) -> {
    RawText v = rs.getObject(i, RawText.class);
    if (v == null) {
      return false;
    }
    write(out, v, v.length());
    return true;
  };

  /** A date as the server's text; a zero date is NULL as with MysqlTemporalText. */
  static final ValueReader DATE = (rs, i, out) -> {
    RawText v = rs.getObject(i, RawText.class);
    if (v == null || (v.binary() ? v.isZeroPackedDate() : v.startsWith(ZERO_DATE))) {
      return false;
    }
    if (v.binary()) {
      byte[] text = new byte[10];
      packedDate(v, text);
      out.writeAscii(text, 0, 10);
    } else {
      write(out, v, v.length());
    }
    return true;
  };

  /** A DATETIME/TIMESTAMP as {@link MysqlTemporalText#writeTimestamp} reshapes the server's text. */
  static final ValueReader TIMESTAMP = (rs, i, out) -> {
    RawText v = rs.getObject(i, RawText.class);
    if (v == null || (v.binary() ? v.isZeroPackedDate() : v.startsWith(ZERO_DATE))) {
      return false;
    }
    if (v.binary()) {
      writePackedTimestamp(out, v);
    } else {
      writeTimestamp(out, v);
    }
    return true;
  };

  /** {@code yyyy-MM-dd} of a packed date into {@code text[0, 10)}. */
  private static void packedDate(RawText v, byte[] text) {
    int year = v.packedYear();
    pair(text, 0, year / 100);
    pair(text, 2, year % 100);
    text[4] = '-';
    pair(text, 5, v.packedField(2));
    text[7] = '-';
    pair(text, 8, v.packedField(3));
  }

  /**
   * java.sql.Timestamp's text of a packed DATETIME/TIMESTAMP ({@code yyyy-MM-dd HH:mm:ss.f}, the fraction without
   * trailing zeros and at least one digit), as {@link #writeTimestamp} makes of the server's text of the same value.
   */
  static void writePackedTimestamp(TextOut out, RawText v) throws IOException {
    byte[] text = new byte[26];
    packedDate(v, text);
    text[10] = ' ';
    pair(text, 11, v.packedField(4));
    text[13] = ':';
    pair(text, 14, v.packedField(5));
    text[16] = ':';
    pair(text, 17, v.packedField(6));
    text[19] = '.';
    int micros = v.packedMicros();
    if (micros == 0) {
      text[20] = '0';
      out.writeAscii(text, 0, 21);
      return;
    }
    pair(text, 20, micros / 10_000);
    pair(text, 22, micros / 100 % 100);
    pair(text, 24, micros % 100);
    int end = 26;
    while (text[end - 1] == '0') {
      end--;
    }
    out.writeAscii(text, 0, end);
  }

  /** Two digits by table: C1, which compiles these readers, divides with a slow instruction. */
  private static void pair(byte[] text, int at, int value) {
    Utf8Output.twoDigits(text, at, value);
  }

  /** Byte for byte the text {@link MysqlTemporalText#writeTimestamp} writes for the same server text. */
  static void writeTimestamp(TextOut out, RawText v) throws IOException {
    int n = v.length();
    int dot = isWholeSeconds(v) ? -1 : indexOfDot(v);
    if (dot < 0) {
      write(out, v, n);
      if (n == 10) {
        out.write(" 00:00:00");
      }
      out.write('.');
      out.write('0');
      return;
    }
    int end = n;
    while (end > dot + 2 && v.at(end - 1) == '0') {
      end--;
    }
    write(out, v, end);
  }

  private static boolean isWholeSeconds(RawText v) {
    return v.length() == 19 && v.at(4) == '-' && v.at(7) == '-' && v.at(10) == ' ' && v.at(13) == ':'
        && v.at(16) == ':';
  }

  private static int indexOfDot(RawText v) {
    for (int k = 0; k < v.length(); k++) {
      if (v.at(k) == '.') {
        return k;
      }
    }
    return -1;
  }

  private static long parseDigits(RawText v) {
    long r = 0;
    for (int k = 0; k < v.length(); k++) {
      r = r * 10 + (v.at(k) - '0');
    }
    return r;
  }

  private static void write(TextOut out, RawText v, int end) throws IOException {
    out.writeAscii(v.bytes(), v.offset(), v.offset() + end);
  }
}
