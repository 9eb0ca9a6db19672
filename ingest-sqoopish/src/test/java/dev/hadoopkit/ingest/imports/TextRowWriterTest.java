package dev.hadoopkit.ingest.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.ingest.text.Delimiters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Text import lines against lines built here from the values, for the plain layout (values written straight to the
 * output) and, for values without delimiters, the escaped layout (values through the formatter): both give Sqoop's
 * text, including NULL markers, negative and extreme numbers, MySQL timestamp text and non-ASCII characters.
 */
class TextRowWriterTest {

  static final List<ColumnInfo> COLUMNS = List.of(
      new ColumnInfo("id", Types.INTEGER, "INT", 10, 0),
      new ColumnInfo("small", Types.SMALLINT, "SMALLINT", 5, 0),
      new ColumnInfo("count", Types.INTEGER, "INT UNSIGNED", 10, 0),
      new ColumnInfo("total", Types.BIGINT, "BIGINT", 19, 0),
      new ColumnInfo("huge", Types.BIGINT, "BIGINT UNSIGNED", 20, 0),
      new ColumnInfo("title", Types.VARCHAR, "VARCHAR", 100, 0),
      new ColumnInfo("price", Types.DECIMAL, "DECIMAL", 12, 3),
      new ColumnInfo("day", Types.DATE, "DATE", 10, 0),
      new ColumnInfo("at", Types.TIMESTAMP, "DATETIME", 26, 6),
      new ColumnInfo("clock", Types.TIME, "TIME", 10, 0),
      new ColumnInfo("score", Types.DOUBLE, "DOUBLE", 22, 0));

  static List<Object[]> rows(long seed, int count) {
    Random random = new Random(seed);
    String alphabet = "abcxyz 0189-'\"é東😀";
    String[] times = {"2001-02-03 04:05:06", "2001-02-03 04:05:06.5", "2001-02-03 04:05:06.120000", "2001-02-03 04:05:06.000000",
        "1969-12-31 23:59:59.999999", "0000-00-00 00:00:00"};
    long[] extremes = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, 1_000_000_007L};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder title = new StringBuilder();
      for (int c = random.nextInt(10); c > 0; c--) {
        int start = random.nextInt(alphabet.length());
        title.append(Character.isHighSurrogate(alphabet.charAt(start)) ? alphabet.substring(start, start + 2)
            : Character.isLowSurrogate(alphabet.charAt(start)) ? "_" : alphabet.substring(start, start + 1));
      }
      rows.add(new Object[] {
          i % 3 == 0 ? -i : i,
          nullOr(random, random.nextInt(65_536) - 32_768),
          nullOr(random, (long) random.nextInt() & 0xffffffffL),
          nullOr(random, extremes[random.nextInt(extremes.length)] + (random.nextBoolean() ? 0 : random.nextInt(1000))),
          nullOr(random, Long.toUnsignedString(random.nextLong())),
          nullOr(random, title.toString()),
          nullOr(random, new BigDecimal(random.nextInt(1_000_000)).movePointLeft(3).toPlainString()),
          nullOr(random, random.nextInt(9) == 0 ? "0000-00-00" : "2020-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)),
          nullOr(random, times[random.nextInt(times.length)]),
          nullOr(random, "-838:59:59"),
          nullOr(random, random.nextGaussian())});
    }
    return rows;
  }

  private static Object nullOr(Random random, Object value) {
    return random.nextInt(6) == 0 ? null : value;
  }

  /** Sqoop's text for one row, written out by hand: java.sql.Timestamp's fraction, "null" for NULL and zero dates. */
  static String expectedLine(Object[] row, char separator) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        line.append(separator);
      }
      Object v = row[i];
      String text;
      if (v == null || (v instanceof String && ((String) v).startsWith("0000-00-00"))) {
        text = "null";
      } else if (i == 8) {
        String s = (String) v;
        java.sql.Timestamp t = java.sql.Timestamp.valueOf(s);
        text = t.toString();
      } else {
        text = String.valueOf(v);
      }
      line.append(text);
    }
    return line.append('\n').toString();
  }

  private static String write(Delimiters delimiters, List<Object[]> rows) throws IOException, SQLException {
    return write(delimiters, rows, false, COLUMNS);
  }

  private static String write(Delimiters delimiters, List<Object[]> rows, boolean raw, List<ColumnInfo> columns)
      throws IOException, SQLException {
    Configuration conf = new Configuration();
    delimiters.store(conf, TextRowWriter.KEY_DELIMITERS);
    conf.setBoolean(TextRowWriter.KEY_TEMPORAL_AS_TEXT, true);
    conf.setBoolean(TextRowWriter.KEY_RAW_TEXT, raw);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TextRowWriter writer = new TextRowWriter(conf, columns, bytes); ResultSet rs = FakeResultSet.of(rows)) {
      while (rs.next()) {
        writer.write(rs);
      }
      writer.close();
      assertEquals(bytes.size(), writer.bytesWritten());
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainLinesAreSqoopText() throws IOException, SQLException {
    List<Object[]> rows = rows(4L, 2_000);
    StringBuilder expected = new StringBuilder();
    rows.forEach(row -> expected.append(expectedLine(row, ',')));
    assertEquals(expected.toString(), write(Delimiters.DEFAULT, rows));
    StringBuilder tabs = new StringBuilder();
    rows.forEach(row -> tabs.append(expectedLine(row, '\t')));
    assertEquals(tabs.toString(), write(Delimiters.DEFAULT.withFieldsTerminatedBy('\t'), rows));
  }

  @Test
  void plainAndEscapedLayoutsAgreeOnValuesWithoutDelimiters() throws IOException, SQLException {
    List<Object[]> rows = rows(5L, 2_000);
    for (Object[] row : rows) {
      if (row[5] != null) {
        row[5] = ((String) row[5]).replace(",", ";").replace("\\", "/");
      }
    }
    assertEquals(write(Delimiters.DEFAULT, rows), write(Delimiters.DEFAULT.withEscapedBy('\\'), rows));
  }

  /* The server's bytes (RawText) give the same text as getInt/getLong and the CAST text, in every layout. */
  @Test
  void rawServerTextWritesTheSameLines() throws IOException, SQLException {
    List<Object[]> rows = rows(6L, 2_000);
    StringBuilder expected = new StringBuilder();
    rows.forEach(row -> expected.append(expectedLine(row, ',')));
    assertEquals(expected.toString(), write(Delimiters.DEFAULT, rows, true, COLUMNS));
    for (Delimiters d : List.of(Delimiters.DEFAULT.withEscapedBy('\\'), Delimiters.DEFAULT.withEnclosedBy('"', false),
        Delimiters.DEFAULT.withFieldsTerminatedBy('-').withEscapedBy('\\'),
        Delimiters.DEFAULT.withFieldsTerminatedBy(':').withEnclosedBy('0', true))) {
      assertEquals(write(d, rows, false, COLUMNS), write(d, rows, true, COLUMNS), d.toString());
    }
  }

  /* ZEROFILL columns: the server sends leading zeros, getInt drops them. */
  @Test
  void rawZeroFilledIntegersLoseTheirZeros() throws IOException, SQLException {
    List<ColumnInfo> columns = List.of(new ColumnInfo("n", Types.INTEGER, "INT UNSIGNED ZEROFILL", 10, 0),
        new ColumnInfo("d", Types.DATE, "DATE", 10, 0), new ColumnInfo("t", Types.TIMESTAMP, "DATETIME", 19, 0));
    List<Object[]> rows = List.of(new Object[] {"0000000042", "2001-02-03", "2001-02-03"},
        new Object[] {"0", "0000-00-00", "0000-00-00 00:00:00"}, new Object[] {null, null, "2001-02-03 04:05:06.100"});
    assertEquals("42,2001-02-03,2001-02-03 00:00:00.0\n0,null,null\nnull,null,2001-02-03 04:05:06.1\n",
        write(Delimiters.DEFAULT, rows, true, columns));
  }

  private static String writeTwo(Delimiters delimiters, String nullString, List<Object[]> rows) throws Exception {
    Configuration conf = new Configuration();
    delimiters.store(conf, TextRowWriter.KEY_DELIMITERS);
    if (nullString != null) {
      conf.set(TextRowWriter.KEY_NULL_STRING, nullString);
      conf.set(TextRowWriter.KEY_NULL_NON_STRING, nullString);
    }
    List<ColumnInfo> two = List.of(new ColumnInfo("id", Types.INTEGER, "INT", 10, 0),
        new ColumnInfo("name", Types.VARCHAR, "VARCHAR", 20, 0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TextRowWriter writer = new TextRowWriter(conf, two, bytes); ResultSet rs = FakeResultSet.of(rows)) {
      while (rs.next()) {
        writer.write(rs);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /* Sqoop's generated toString() runs the NULL marker through escapeAndEnclose like any value. */
  @Test
  void nullMarkersAreEnclosedAndEscapedAsSqoopDoes() throws Exception {
    List<Object[]> rows = List.of(new Object[] {1, null}, new Object[] {null, "a"});
    Delimiters enclosed = Delimiters.DEFAULT.withEnclosedBy('"', false);
    assertEquals("\"1\",\"null\"\n\"null\",\"a\"\n", writeTwo(enclosed, null, rows));
    Delimiters optional = Delimiters.DEFAULT.withEnclosedBy('"', true);
    assertEquals("1,null\nnull,a\n", writeTwo(optional, null, rows));
    assertEquals("\"1\",\"\\\\N\"\n\"\\\\N\",\"a\"\n", writeTwo(enclosed.withEscapedBy('\\'), "\\N", rows));
  }
}
