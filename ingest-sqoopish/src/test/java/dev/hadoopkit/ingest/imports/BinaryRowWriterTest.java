package dev.hadoopkit.ingest.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.ingest.imports.mysql.RawText;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The binary import writer against an independent oracle: rows of a fake MySQL result set (text temporals, as the
 * import reads them from MariaDB) go through {@link BinaryRowWriter}; the expected records are built here with
 * java.time and BigDecimal and written with the record appender, which is what imports wrote before the typed
 * writers. Parquet and ORC files must be identical byte for byte, Avro value for value.
 */
class BinaryRowWriterTest {

  static final List<ColumnInfo> COLUMNS = List.of(
      new ColumnInfo("id", Types.INTEGER, "INT", 10, 0),
      new ColumnInfo("title", Types.VARCHAR, "VARCHAR", 100, 0),
      new ColumnInfo("price", Types.DECIMAL, "DECIMAL", 12, 3),
      new ColumnInfo("released", Types.DATE, "DATE", 10, 0),
      new ColumnInfo("rated_at", Types.TIMESTAMP, "DATETIME", 26, 6),
      new ColumnInfo("at_time", Types.TIME, "TIME", 10, 0),
      new ColumnInfo("score", Types.DOUBLE, "DOUBLE", 22, 0),
      new ColumnInfo("weight", Types.REAL, "FLOAT4", 8, 0),
      new ColumnInfo("active", Types.BIT, "BIT", 1, 0),
      new ColumnInfo("views", Types.BIGINT, "BIGINT", 19, 0),
      new ColumnInfo("big", Types.BIGINT, "BIGINT UNSIGNED", 20, 0),
      new ColumnInfo("payload", Types.VARBINARY, "VARBINARY", 16, 0));

  static final Schema SCHEMA = ImportSchema.of("items", COLUMNS, Map.of());

  @TempDir
  java.nio.file.Path directory;

  /** Seeded rows as a MySQL text result would give them, with nulls in every column and zero dates. */
  static List<Object[]> rows(long seed, int count) {
    Random random = new Random(seed);
    String alphabet = "abcxyz 0189-'\"\t,;éüß東京😀";
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LocalDateTime at = LocalDateTime.of(1900 + random.nextInt(200), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1000);
      int fraction = random.nextInt(7);
      String atText = at.toLocalDate() + " " + at.toLocalTime().withNano(0).toString()
          + (at.getSecond() == 0 && at.toLocalTime().withNano(0).toString().length() == 5 ? ":00" : "")
          + (fraction == 0 ? "" : "." + String.format("%06d", at.getNano() / 1000).substring(0, fraction));
      StringBuilder title = new StringBuilder();
      for (int c = random.nextInt(12); c > 0; c--) {
        int start = random.nextInt(alphabet.length());
        title.append(Character.isHighSurrogate(alphabet.charAt(start)) ? alphabet.substring(start, start + 2)
            : Character.isLowSurrogate(alphabet.charAt(start)) ? "_" : alphabet.substring(start, start + 1));
      }
      byte[] payload = new byte[random.nextInt(8)];
      random.nextBytes(payload);
      boolean zeroDate = random.nextInt(10) == 0;
      rows.add(new Object[] {
          i,
          nullOr(random, title.toString()),
          nullOr(random, new BigDecimal(random.nextLong() % 1_000_000_000L).movePointLeft(random.nextInt(4)).toPlainString()),
          zeroDate ? "0000-00-00" : nullOr(random, at.toLocalDate().toString()),
          zeroDate ? "0000-00-00 00:00:00" : nullOr(random, atText),
          nullOr(random, at.toLocalTime().withNano(0).toString().length() == 5 ? at.toLocalTime().withNano(0) + ":00"
              : at.toLocalTime().withNano(0).toString()),
          nullOr(random, random.nextGaussian() * 1e6),
          nullOr(random, random.nextFloat()),
          nullOr(random, random.nextBoolean()),
          nullOr(random, random.nextLong()),
          nullOr(random, Long.toUnsignedString(random.nextLong())),
          nullOr(random, payload)});
    }
    return rows;
  }

  private static Object nullOr(Random random, Object value) {
    return random.nextInt(7) == 0 ? null : value;
  }

  /** What the row should hold, computed with java.time and BigDecimal (not with the writer's parsers). */
  static GenericRecord expected(Object[] row) {
    return expected(row, SCHEMA);
  }

  static GenericRecord expected(Object[] row, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, row[0]);
    record.put(1, row[1]);
    record.put(2, row[2] == null ? null
        : ByteBuffer.wrap(new BigDecimal((String) row[2]).setScale(3).unscaledValue().toByteArray()));
    record.put(3, row[3] == null || row[3].equals("0000-00-00") ? null : (int) LocalDate.parse((String) row[3]).toEpochDay());
    record.put(4, row[4] == null || ((String) row[4]).startsWith("0000") ? null
        : LocalDateTime.parse(((String) row[4]).replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli());
    record.put(5, row[5] == null ? null : (int) (LocalTime.parse((String) row[5]).toNanoOfDay() / 1_000_000));
    record.put(6, row[6]);
    record.put(7, row[7]);
    record.put(8, row[8]);
    record.put(9, row[9]);
    record.put(10, row[10] == null ? null : ByteBuffer.wrap(new BigDecimal((String) row[10]).unscaledValue().toByteArray()));
    record.put(11, row[11] == null ? null : ByteBuffer.wrap((byte[]) row[11]));
    return record;
  }

  private Configuration conf() {
    Configuration conf = new Configuration();
    conf.set(BinaryRowWriter.KEY_SCHEMA, SCHEMA.toString());
    conf.setBoolean(TextRowWriter.KEY_TEMPORAL_AS_TEXT, true);
    return conf;
  }

  private Path path(String name, FileFormat format) {
    return new Path(directory.resolve(name + "." + format.extension()).toUri());
  }

  private static List<GenericRecord> read(Configuration conf, Path path) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    try (RecordReader reader = Formats.read(path).conf(conf).build()) {
      GenericRecord record;
      while ((record = reader.next()) != null) {
        out.add(GenericData.get().deepCopy(reader.schema(), record));
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"AVRO", "PARQUET", "ORC"})
  void writesWhatTheRecordPathWrote(FileFormat format) throws IOException, SQLException {
    Configuration conf = conf();
    List<Object[]> rows = rows(20261122L, 3_000);
    Path direct = path("direct", format);
    try (BinaryRowWriter writer = BinaryRowWriter.open(conf, COLUMNS, format, direct); ResultSet rs = FakeResultSet.of(rows)) {
      while (rs.next()) {
        writer.write(rs);
      }
    }
    // ORC files say "wall clock" for DATETIME (plain timestamp): the same values under local-timestamp-millis.
    Schema fileSchema = format == FileFormat.ORC ? ImportSchema.withWallClockTimestamps(SCHEMA, COLUMNS) : SCHEMA;
    Path records = path("records", format);
    try (FileAppender appender = Formats.write(records).format(format).conf(conf).schema(fileSchema)
        .codec(BinaryRowWriter.defaultCodec(format)).build()) {
      for (Object[] row : rows) {
        appender.add(expected(row, fileSchema));
      }
    }

    assertEquals(fileSchema, Formats.schema(conf, direct));
    List<GenericRecord> back = read(conf, direct);
    assertEquals(rows.size(), back.size());
    int nullDates = 0;
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected(rows.get(i), fileSchema), back.get(i), "row " + i);
      nullDates += back.get(i).get("released") == null ? 1 : 0;
    }
    assertTrue(nullDates > 300, "zero and NULL dates are nulls: " + nullDates);
    assertEquals(read(conf, records), back);
    if (format != FileFormat.AVRO) {
      assertArrayEquals(Files.readAllBytes(java.nio.file.Path.of(records.toUri())),
          Files.readAllBytes(java.nio.file.Path.of(direct.toUri())), format.displayName() + " files differ");
    }
  }

  @Test
  void driverTemporalsGiveTheSameValuesAsText() throws IOException, SQLException {
    Configuration conf = conf();
    conf.setBoolean(TextRowWriter.KEY_TEMPORAL_AS_TEXT, false);
    List<Object[]> rows = rows(7L, 200);
    rows.forEach(row -> {
      if ("0000-00-00".equals(row[3])) {
        row[3] = null;
        row[4] = null;
      }
    });
    Path direct = path("driver", FileFormat.PARQUET);
    try (BinaryRowWriter writer = BinaryRowWriter.open(conf, COLUMNS, FileFormat.PARQUET, direct);
        ResultSet rs = FakeResultSet.of(rows)) {
      while (rs.next()) {
        writer.write(rs);
      }
    }
    List<GenericRecord> back = read(conf, direct);
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected(rows.get(i)), back.get(i), "row " + i);
    }
  }

  @Test
  void aValueThatDoesNotFitNamesTheColumnAndLeavesNoFile() throws IOException, SQLException {
    Configuration conf = conf();
    Object[] row = rows(1L, 1).get(0);
    row[2] = "12.34567";
    Path path = path("bad", FileFormat.ORC);
    BinaryRowWriter writer = BinaryRowWriter.open(conf, COLUMNS, FileFormat.ORC, path);
    ResultSet rs = FakeResultSet.of(List.<Object[]>of(row));
    rs.next();
    IOException error = assertThrows(IOException.class, () -> writer.write(rs));
    assertTrue(error.getMessage().startsWith("Cannot convert column price: "), error.getMessage());
    assertTrue(error.getMessage().endsWith("(import it as text with --map-column-java price=String)"), error.getMessage());
    writer.abort();
    try (var left = Files.list(directory)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void timestampTextGivesTheMillisOfJavaTime() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      LocalDateTime at = LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1, random.nextInt(24),
          random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
      at = at.withDayOfMonth(1 + random.nextInt(at.toLocalDate().lengthOfMonth()));
      int digits = random.nextInt(10);
      String text = String.format("%04d-%02d-%02d %02d:%02d:%02d", at.getYear(), at.getMonthValue(), at.getDayOfMonth(),
          at.getHour(), at.getMinute(), at.getSecond())
          + (digits == 0 ? "" : "." + String.format("%09d", at.getNano()).substring(0, digits));
      LocalDateTime truncated = LocalDateTime.parse(text.replace(' ', 'T'));
      long expected = truncated.toEpochSecond(ZoneOffset.UTC) * 1000 + truncated.getNano() / 1_000_000;
      assertEquals(expected, BinaryRowWriter.timestampMillis(text), text);
      assertEquals(expected - Math.floorMod(expected, 86_400_000L), BinaryRowWriter.timestampMillis(text.substring(0, 10)),
          text.substring(0, 10));
      assertEquals(at.toLocalDate().toEpochDay(), BinaryRowWriter.epochDay(text.substring(0, 10)), text);
      assertEquals(expected, BinaryRowWriter.timestampMillis(raw(text)), "bytes of " + text);
      assertEquals(expected - Math.floorMod(expected, 86_400_000L), BinaryRowWriter.timestampMillis(raw(text.substring(0, 10))),
          "bytes of " + text.substring(0, 10));
      assertEquals(at.toLocalDate().toEpochDay(), BinaryRowWriter.epochDay(raw(text.substring(0, 10))), "bytes of " + text);
      LocalDateTime micros = at.withNano(truncated.getNano() / 1000 * 1000);
      long expectedFromMicros = micros.toEpochSecond(ZoneOffset.UTC) * 1000 + micros.getNano() / 1_000_000;
      assertEquals(expectedFromMicros, BinaryRowWriter.timestampMillis(packed(micros, 11)), "packed " + micros);
      assertEquals(micros.toEpochSecond(ZoneOffset.UTC) * 1000, BinaryRowWriter.timestampMillis(packed(micros, 7)),
          "packed without fraction " + micros);
      assertEquals(at.toLocalDate().toEpochDay(), BinaryRowWriter.epochDay(packed(micros, 4)), "packed date " + micros);
    }
    assertEquals(-1L, BinaryRowWriter.timestampMillis(packed(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000), 11)));
    assertEquals(-1L, BinaryRowWriter.timestampMillis("1969-12-31 23:59:59.999"));
    assertEquals(-1L, BinaryRowWriter.timestampMillis(raw("1969-12-31 23:59:59.999")));
    assertEquals(881_222_149_120L, BinaryRowWriter.timestampMillis("1997-12-04 07:55:49.12"));
    assertEquals(881_222_149_120L, BinaryRowWriter.timestampMillis(raw("1997-12-04 07:55:49.12")));
  }

  /**
   * The binary protocol's packed DATE/DATETIME of {@code at} in {@code length} (4, 7 or 11) bytes, as the driver hands
   * it out: year (little-endian), month, day, hour, minute, second, microseconds (little-endian), in a larger buffer.
   */
  private static RawText packed(LocalDateTime at, int length) {
    int micros = at.getNano() / 1000;
    byte[] row = {9, 9, (byte) at.getYear(), (byte) (at.getYear() >> 8), (byte) at.getMonthValue(), (byte) at.getDayOfMonth(),
        (byte) at.getHour(), (byte) at.getMinute(), (byte) at.getSecond(), (byte) micros, (byte) (micros >> 8),
        (byte) (micros >> 16), (byte) (micros >> 24), 9};
    return new RawText(row, 2, length, true);
  }

  /** The value as the driver hands it out: a slice of a larger row buffer. */
  private static RawText raw(String text) {
    byte[] row = ("\u0005ab" + text + "xyz").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return new RawText(row, 3, text.length());
  }

  @Test
  void everyDayOfTheYears1To9999HasJavaTimesEpochDay() {
    for (LocalDate day = LocalDate.of(1, 1, 1); !day.isAfter(LocalDate.of(9999, 12, 31)); day = day.plusDays(1)) {
      if (BinaryRowWriter.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()) != day.toEpochDay()) {
        assertEquals(day.toEpochDay(), BinaryRowWriter.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()),
            day.toString());
      }
    }
    assertThrows(DateTimeException.class, () -> BinaryRowWriter.epochDay(2100, 2, 29));
    assertThrows(DateTimeException.class, () -> BinaryRowWriter.epochDay(2023, 4, 31));
    assertEquals(LocalDate.of(2000, 2, 29).toEpochDay(), BinaryRowWriter.epochDay(2000, 2, 29));
  }

  @Test
  void invalidTimestampTextIsRefused() {
    for (String text : List.of("2023-02-30 10:00:00", "2023-13-01 00:00:00", "2023-01-01 24:00:00", "2023-01-01 10:60:00",
        "2023-01-00", "2023-1-01 10:00:00", "garbage")) {
      assertThrows(DateTimeException.class, () -> BinaryRowWriter.timestampMillis(text), text);
      assertThrows(DateTimeException.class, () -> BinaryRowWriter.timestampMillis(raw(text)), "bytes of " + text);
    }
    assertThrows(DateTimeException.class, () -> BinaryRowWriter.epochDay("2023-02-29"));
    assertThrows(DateTimeException.class, () -> BinaryRowWriter.epochDay(raw("2023-02-29")));
  }
}
