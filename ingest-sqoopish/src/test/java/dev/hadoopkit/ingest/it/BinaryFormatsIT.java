package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Schemas;
import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.TestDatabases;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Avro, Parquet and ORC imports and exports against the real local MariaDB and PostgreSQL: import → read the files
 * with the storage-formats readers and compare logical types and values with the Java values the rows were made from
 * → export into an empty copy of the table → compare the ordered rows (and CHECKSUM TABLE on MariaDB).
 */
class BinaryFormatsIT {
  static final int ROWS = 240;
  private static String mariaDb;
  private static String mariaDbUrl;
  private static String postgres;
  private static String postgresUrl;

  @TempDir
  Path tmp;

  /** The two databases, with the DDL of the test table in each. */
  enum Db {
    MARIADB("id INT PRIMARY KEY, name VARCHAR(200), price DECIMAL(12,3), born DATE, seen DATETIME(3), flag BOOLEAN, big BIGINT"),
    POSTGRES("id integer PRIMARY KEY, name varchar(200), price numeric(12,3), born date, seen timestamp(3), flag boolean, big bigint");

    final String columns;

    Db(String columns) {
      this.columns = columns;
    }

    Connection connect() throws SQLException {
      return this == MARIADB ? TestDatabases.mariaDb(mariaDb) : TestDatabases.postgres(postgres);
    }

    String url() {
      return this == MARIADB ? mariaDbUrl : postgresUrl;
    }

    String[] user() {
      return this == MARIADB ? new String[] {"--username", "root"} : new String[] {"--username", "postgres"};
    }
  }

  /** One test row; the expected values of every check are computed from these fields. */
  static final class Row {
    final int id;
    final String name;
    final BigDecimal price;
    final LocalDate born;
    final LocalDateTime seen;
    final Boolean flag;
    final Long big;

    Row(int i) {
      id = i;
      switch (i % 6) {
        case 0: name = null; break;
        case 1: name = "comma, tab\tand pipe| " + i; break;
        case 2: name = "new\nline \"quoted\" 'single' " + i; break;
        case 3: name = "ünïcødé 日本 🎬 \\ " + i; break;
        case 4: name = "\u0001 hive delimiter " + i; break;
        default: name = "plain " + i;
      }
      price = i % 5 == 0 ? null : BigDecimal.valueOf((i % 2 == 0 ? 1 : -1) * (i * 7654321L % 999_999_999_999L), 3);
      born = i % 7 == 0 ? null : LocalDate.of(1969, 12, 25).plusDays(i * 101L);
      seen = i % 8 == 0 ? null : LocalDateTime.of(1999, 12, 31, 23, 59, 58).plusSeconds(i * 86_461L).plusNanos((i % 1000) * 1_000_000L);
      flag = i % 3 == 0 ? null : i % 2 == 0;
      big = i % 4 == 0 ? null : (i % 2 == 0 ? 1L : -1L) * (Long.MAX_VALUE / (i + 1));
    }

    /** What a row of the table reads back as, column by column. */
    List<Object> values() {
      List<Object> out = new ArrayList<>();
      out.add(id);
      out.add(name);
      out.add(price);
      out.add(born);
      out.add(seen);
      out.add(flag);
      out.add(big);
      return out;
    }
  }

  static List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      out.add(new Row(i));
    }
    return out;
  }

  @BeforeAll
  static void createDatabases() throws SQLException {
    mariaDb = TestDatabases.uniqueName("hk_it_bin");
    mariaDbUrl = TestDatabases.createMariaDb(mariaDb);
    postgres = TestDatabases.uniqueName("hk_it_bin");
    postgresUrl = TestDatabases.createPostgres(postgres);
    for (Db db : Db.values()) {
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE items (" + db.columns + ")");
        insert(c, "items", rows());
      }
    }
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    TestDatabases.dropMariaDb(mariaDb);
    TestDatabases.dropPostgres(postgres);
  }

  static void insert(Connection c, String table, List<Row> rows) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Row r : rows) {
        p.setInt(1, r.id);
        p.setString(2, r.name);
        p.setBigDecimal(3, r.price);
        p.setObject(4, r.born);
        p.setObject(5, r.seen);
        p.setObject(6, r.flag);
        p.setObject(7, r.big);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private CliRun sqoop(Db db, String... args) {
    List<String> all = new ArrayList<>(List.of(args[0], "--connect", db.url()));
    all.addAll(List.of(db.user()));
    all.addAll(List.of(args).subList(1, args.length));
    return CliRun.run(tmp.resolve("hadoop-tmp"), all.toArray(new String[0]));
  }

  static Stream<Arguments> databasesAndFormats() {
    List<Arguments> out = new ArrayList<>();
    for (Db db : Db.values()) {
      for (String format : List.of("parquetfile", "avrodatafile", "orcfile")) {
        out.add(Arguments.of(db, format));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} --as-{1}")
  @MethodSource("databasesAndFormats")
  void importReadExportRoundTripKeepsEveryValueAndLogicalType(Db db, String format) throws Exception {
    Path dir = tmp.resolve(format);
    CliRun in = sqoop(db, "import", "--table", "items", "-m", "2", "--target-dir", dir.toString(), "--as-" + format);
    assertEquals(0, in.exit, in.toString());
    FileFormat fileFormat = format.equals("parquetfile") ? FileFormat.PARQUET : format.equals("orcfile") ? FileFormat.ORC
        : FileFormat.AVRO;
    assertTrue(Files.exists(dir.resolve("_SUCCESS")), "_SUCCESS marker");
    Path first = dir.resolve("part-m-00000." + fileFormat.extension());
    assertTrue(Files.exists(first), "Sqoop-style file name " + first);
    assertTrue(Files.exists(dir.resolve("part-m-00001." + fileFormat.extension())), "one file per mapper");

    Configuration conf = new Configuration();
    assertEquals(fileFormat, FileFormat.detect(conf, new org.apache.hadoop.fs.Path(first.toString())));
    Schema schema = Formats.schema(conf, new org.apache.hadoop.fs.Path(first.toString()));
    assertEquals("items", schema.getName());
    assertEquals(List.of("id", "name", "price", "born", "seen", "flag", "big"), Schemas.names(schema));
    for (Schema.Field f : schema.getFields()) {
      assertTrue(Schemas.isNullable(f.schema()), "nullable " + f);
    }
    assertEquals(Schema.Type.INT, type(schema, "id").getType());
    assertEquals(Schema.Type.STRING, type(schema, "name").getType());
    assertEquals(LogicalTypes.decimal(12, 3), type(schema, "price").getLogicalType());
    assertEquals(LogicalTypes.date(), type(schema, "born").getLogicalType());
    // ORC says "wall clock" (plain timestamp) where Avro and Parquet files keep timestamp-millis read as UTC.
    assertEquals(fileFormat == FileFormat.ORC ? LogicalTypes.localTimestampMillis() : LogicalTypes.timestampMillis(),
        type(schema, "seen").getLogicalType());
    assertEquals(Schema.Type.BOOLEAN, type(schema, "flag").getType());
    assertEquals(Schema.Type.LONG, type(schema, "big").getType());

    List<List<Object>> read = readImported(conf, dir);
    read.sort((a, b) -> Integer.compare((Integer) a.get(0), (Integer) b.get(0)));
    List<List<Object>> expected = new ArrayList<>();
    for (Row r : rows()) {
      expected.add(r.values());
    }
    assertEquals(expected, read);

    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE copy_" + format + " (" + db.columns + ")");
    }
    CliRun out = sqoop(db, "export", "--table", "copy_" + format, "-m", "2", "--export-dir", dir.toString());
    assertEquals(0, out.exit, out.toString());
    assertTrue(out.err.contains("Exported " + ROWS + " records."), out.err);
    assertEquals(expected, tableRows(db, "copy_" + format));
    if (db == Db.MARIADB) {
      assertEquals(checksum("items"), checksum("copy_" + format));
    }
  }

  /*
   * PostgreSQL timestamptz is an instant: imported as timestamp-millis holding that instant (Parquet isAdjustedToUTC,
   * ORC timestamp with local time zone), exported back to the same instant.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"avrodatafile", "parquetfile", "orcfile"})
  void postgresTimestamptzRoundTripsAsAnInstant(String format) throws Exception {
    String[] values = {"2021-03-04 05:06:07.123+02", "1999-12-31 23:59:59.999-08", null, "2038-01-19 03:14:08+00",
        "1970-01-01 00:00:00.001+00"};
    try (Connection c = Db.POSTGRES.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS tz_items (id integer PRIMARY KEY, at timestamptz(3))");
      s.execute("TRUNCATE tz_items");
      for (int i = 0; i < values.length; i++) {
        s.execute("INSERT INTO tz_items VALUES (" + i + ", " + (values[i] == null ? "NULL" : "'" + values[i] + "'") + ")");
      }
      s.execute("CREATE TABLE tz_copy_" + format + " (id integer PRIMARY KEY, at timestamptz(3))");
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      expected.add(i + "=" + (values[i] == null ? null
          : java.time.OffsetDateTime.parse(values[i].replace(' ', 'T') + ":00").toInstant().toEpochMilli()));
    }
    Path dir = tmp.resolve("tz-" + format);
    CliRun in = sqoop(Db.POSTGRES, "import", "--table", "tz_items", "-m", "1", "--target-dir", dir.toString(), "--as-" + format);
    assertEquals(0, in.exit, in.toString());
    Configuration conf = new Configuration();
    List<String> read = new ArrayList<>();
    for (org.apache.hadoop.fs.Path file : Formats.dataFiles(conf, new org.apache.hadoop.fs.Path(dir.toString()))) {
      assertEquals(LogicalTypes.timestampMillis(), type(Formats.schema(conf, file), "at").getLogicalType());
      if (format.equals("parquetfile")) {
        try (org.apache.parquet.hadoop.ParquetFileReader footer = org.apache.parquet.hadoop.ParquetFileReader.open(
            org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(file, conf))) {
          assertEquals(org.apache.parquet.schema.LogicalTypeAnnotation.timestampType(true,
              org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MILLIS),
              footer.getFileMetaData().getSchema().getType("at").getLogicalTypeAnnotation());
        }
      }
      try (RecordReader reader = Formats.read(file).conf(conf).build()) {
        for (GenericRecord r = reader.next(); r != null; r = reader.next()) {
          read.add(r.get("id") + "=" + r.get("at"));
        }
      }
    }
    java.util.Collections.sort(read);
    assertEquals(expected, read);

    for (String mode : new String[] {"insert", "--direct"}) {
      try (Connection c = Db.POSTGRES.connect(); Statement s = c.createStatement()) {
        s.execute("TRUNCATE tz_copy_" + format);
      }
      List<String> args = new ArrayList<>(List.of("export", "--table", "tz_copy_" + format, "-m", "1", "--export-dir",
          dir.toString()));
      if (mode.startsWith("--")) {
        args.add(mode);
      }
      CliRun out = sqoop(Db.POSTGRES, args.toArray(new String[0]));
      assertEquals(0, out.exit, out.toString());
      List<String> exported = new ArrayList<>();
      try (Connection c = Db.POSTGRES.connect(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, (EXTRACT(EPOCH FROM at) * 1000)::bigint FROM tz_copy_" + format
              + " ORDER BY id")) {
        while (rs.next()) {
          int id = rs.getInt(1);
          long millis = rs.getLong(2);
          exported.add(id + "=" + (rs.wasNull() ? null : millis));
        }
      }
      assertEquals(expected, exported, mode);
    }
  }

  private static Schema type(Schema record, String field) {
    return Schemas.nonNull(record.getField(field).schema());
  }

  /** Every record of the directory's files, converted from Avro's representation with the schema's logical types. */
  static List<List<Object>> readImported(Configuration conf, Path dir) throws IOException {
    List<List<Object>> out = new ArrayList<>();
    for (org.apache.hadoop.fs.Path file : Formats.dataFiles(conf, new org.apache.hadoop.fs.Path(dir.toString()))) {
      try (RecordReader reader = Formats.read(file).conf(conf).build()) {
        for (GenericRecord r = reader.next(); r != null; r = reader.next()) {
          List<Object> row = new ArrayList<>();
          row.add(r.get("id"));
          row.add(r.get("name") == null ? null : r.get("name").toString());
          row.add(r.get("price") == null ? null : new BigDecimal(new BigInteger(bytes((ByteBuffer) r.get("price"))), 3));
          row.add(r.get("born") == null ? null : LocalDate.ofEpochDay((Integer) r.get("born")));
          Object seen = r.get("seen");
          row.add(seen == null ? null : LocalDateTime.ofEpochSecond(Math.floorDiv((Long) seen, 1000L),
              (int) Math.floorMod((Long) seen, 1000L) * 1_000_000, ZoneOffset.UTC));
          row.add(r.get("flag"));
          row.add(r.get("big"));
          out.add(row);
        }
      }
    }
    return out;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  static List<List<Object>> tableRows(Db db, String table) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name, price, born, seen, flag, big FROM " + table + " ORDER BY id")) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        row.add(rs.getInt(1));
        row.add(rs.getString(2));
        row.add(rs.getBigDecimal(3));
        row.add(rs.getObject(4, LocalDate.class));
        row.add(rs.getObject(5, LocalDateTime.class));
        boolean flag = rs.getBoolean(6);
        row.add(rs.wasNull() ? null : flag);
        long big = rs.getLong(7);
        row.add(rs.wasNull() ? null : big);
        out.add(row);
      }
    }
    return out;
  }

  private static long checksum(String table) throws SQLException {
    try (Connection c = TestDatabases.mariaDb(mariaDb); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("CHECKSUM TABLE " + table)) {
      rs.next();
      return rs.getLong(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void binaryExportsWorkInDirectStagingUpsertUpdateOnlyAndColumnsModes(Db db) throws Exception {
    Path dir = tmp.resolve("items-parquet");
    CliRun in = sqoop(db, "import", "--table", "items", "-m", "3", "--target-dir", dir.toString(), "--as-parquetfile");
    assertEquals(0, in.exit, in.toString());
    List<List<Object>> expected = new ArrayList<>();
    for (Row r : rows()) {
      expected.add(r.values());
    }
    for (String table : List.of("copy_direct", "copy_staged", "copy_stage", "copy_upsert", "copy_update", "copy_columns")) {
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE " + table + " (" + db.columns + ")");
      }
    }

    CliRun direct = sqoop(db, "export", "--table", "copy_direct", "--direct", "-m", "2", "--export-dir", dir.toString());
    assertEquals(0, direct.exit, direct.toString());
    assertEquals(expected, tableRows(db, "copy_direct"), "--direct");

    CliRun staged = sqoop(db, "export", "--table", "copy_staged", "--staging-table", "copy_stage", "--clear-staging-table",
        "--export-dir", dir.toString());
    assertEquals(0, staged.exit, staged.toString());
    assertEquals(expected, tableRows(db, "copy_staged"), "--staging-table");
    assertEquals(List.of(), tableRows(db, "copy_stage"), "staging table emptied");

    // allowinsert: the even rows exist with other values, the odd ones are new.
    try (Connection c = db.connect()) {
      insertStale(c, "copy_upsert", 2, 7);
    }
    CliRun upsert = sqoop(db, "export", "--table", "copy_upsert", "--update-key", "id", "--update-mode", "allowinsert",
        "--export-dir", dir.toString());
    assertEquals(0, upsert.exit, upsert.toString());
    assertEquals(expected, tableRows(db, "copy_upsert"), "--update-mode allowinsert");

    // updateonly: every row exists with other values; nothing is inserted.
    try (Connection c = db.connect()) {
      insertStale(c, "copy_update", 1, 3);
    }
    CliRun update = sqoop(db, "export", "--table", "copy_update", "--update-key", "id", "--export-dir", dir.toString());
    assertEquals(0, update.exit, update.toString());
    assertEquals(expected, tableRows(db, "copy_update"), "--update-mode updateonly");

    CliRun columns = sqoop(db, "export", "--table", "copy_columns", "--columns", "ID,Name,price", "--export-dir", dir.toString());
    assertEquals(0, columns.exit, columns.toString());
    List<List<Object>> onlyThree = new ArrayList<>();
    for (Row r : rows()) {
      onlyThree.add(java.util.Arrays.asList(r.id, r.name, r.price, null, null, null, null));
    }
    assertEquals(onlyThree, tableRows(db, "copy_columns"), "--columns (matched to fields ignoring case)");
  }

  static Stream<Db> databases() {
    return Stream.of(Db.values());
  }

  /** Inserts, for every {@code step}-th id, the values of the row {@code offset} ids further on (name never NULL). */
  private static void insertStale(Connection c, String table, int step, int offset) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int id = step; id <= ROWS; id += step) {
        Row other = new Row(id + offset);
        p.setInt(1, id);
        p.setString(2, "stale " + other.name);
        p.setBigDecimal(3, other.price);
        p.setObject(4, other.born);
        p.setObject(5, other.seen);
        p.setObject(6, other.flag);
        p.setObject(7, other.big);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /*
   * DATETIME / timestamp is a wall clock: ORC's plain "timestamp" (readers in any zone show the same clock), not
   * "timestamp with local time zone" (an instant, shown shifted into the reader's zone). timestamptz stays an instant.
   */
  @Test
  void orcWallClockTimestampsArePlainTimestampsAndInstantsStayInstants() throws Exception {
    try (Connection c = Db.POSTGRES.connect(); java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS stamps (id int PRIMARY KEY, wall timestamp(3), instant timestamptz)");
      s.execute("INSERT INTO stamps VALUES (1, '2020-06-01 12:34:56.789', '2020-06-01 12:34:56.789+00') ON CONFLICT DO NOTHING");
    }
    for (Db db : Db.values()) {
      Path dir = tmp.resolve("orc-types-" + db);
      CliRun r = sqoop(db, "import", "--table", db == Db.POSTGRES ? "stamps" : "items", "-m", "1", "--target-dir",
          dir.toString(), "--as-orcfile");
      assertEquals(0, r.exit, r.toString());
      org.apache.orc.Reader reader = org.apache.orc.OrcFile.createReader(
          new org.apache.hadoop.fs.Path(dir.resolve("part-m-00000.orc").toString()),
          org.apache.orc.OrcFile.readerOptions(new Configuration()));
      org.apache.orc.TypeDescription schema = reader.getSchema();
      String wall = db == Db.POSTGRES ? "wall" : "seen";
      assertEquals("timestamp", schema.findSubtype(wall).toString(), schema.toString());
      if (db == Db.POSTGRES) {
        assertEquals("timestamp with local time zone", schema.findSubtype("instant").toString(), schema.toString());
      }
    }
  }

  /* "Transferred N bytes" is what the part files hold (Avro/Parquet/ORC encode and compress; text may be -z). */
  @Test
  void transferredBytesAreTheBytesOfTheFiles() throws Exception {
    String[][] variants = {{"--as-parquetfile"}, {"--as-orcfile"}, {"--as-avrodatafile"}, {"-z"}};
    for (String[] v : variants) {
      Path dir = tmp.resolve("bytes" + v[0]);
      List<String> args = new java.util.ArrayList<>(List.of("import", "--table", "items", "-m", "2", "--target-dir",
          dir.toString()));
      args.addAll(List.of(v));
      CliRun r = sqoop(Db.MARIADB, args.toArray(new String[0]));
      assertEquals(0, r.exit, r.toString());
      long sum = 0;
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-m-"))::iterator) {
          sum += Files.size(f);
        }
      }
      assertTrue(r.err.contains("Transferred " + dev.hadoopkit.ingest.JobRunner.formatBytes(sum) + " in "),
          v[0] + ": files hold " + sum + " bytes; " + r.err);
    }
  }

  @Test
  void appendOfAnotherFormatFailsNamingBothAndAppendOfTheSameFormatAddsFiles() throws Exception {
    Path dir = tmp.resolve("append");
    CliRun first = sqoop(Db.MARIADB, "import", "--table", "items", "-m", "2", "--target-dir", dir.toString(), "--as-parquetfile");
    assertEquals(0, first.exit, first.toString());
    List<String> before = listing(dir);

    CliRun avro = sqoop(Db.MARIADB, "import", "--table", "items", "-m", "1", "--target-dir", dir.toString(), "--append",
        "--as-avrodatafile");
    assertEquals(1, avro.exit, avro.toString());
    assertTrue(avro.err.contains("Cannot append Avro files to ") && avro.err.contains("it holds Parquet files (part-m-00000.parquet)")
        && avro.err.contains("--as-parquetfile"), avro.err);
    assertEquals(before, listing(dir), "the directory is unchanged");

    CliRun text = sqoop(Db.MARIADB, "import", "--table", "items", "-m", "1", "--target-dir", dir.toString(), "--append");
    assertEquals(1, text.exit, text.toString());
    assertTrue(text.err.contains("Cannot append text files to ") && text.err.contains("Parquet"), text.err);

    CliRun parquet = sqoop(Db.MARIADB, "import", "--table", "items", "-m", "2", "--target-dir", dir.toString(), "--append",
        "--as-parquetfile");
    assertEquals(0, parquet.exit, parquet.toString());
    assertTrue(Files.exists(dir.resolve("part-m-00003.parquet")), listing(dir).toString());
    assertEquals(2 * ROWS, readImported(new Configuration(), dir).size());

    Path textDir = tmp.resolve("append-text");
    assertEquals(0, sqoop(Db.MARIADB, "import", "--table", "items", "-m", "1", "--target-dir", textDir.toString()).exit);
    CliRun orc = sqoop(Db.MARIADB, "import", "--table", "items", "-m", "1", "--target-dir", textDir.toString(), "--append",
        "--as-orcfile");
    assertEquals(1, orc.exit, orc.toString());
    assertTrue(orc.err.contains("Cannot append ORC files to ") && orc.err.contains("it holds text files (part-m-00000)")
        && orc.err.contains("--as-textfile"), orc.err);
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void corruptParquetFileFailsNamingItAndLeavesTheTableUnchanged(Db db) throws Exception {
    Path dir = tmp.resolve("corrupt");
    CliRun in = sqoop(db, "import", "--table", "items", "-m", "2", "--target-dir", dir.toString(), "--as-parquetfile");
    assertEquals(0, in.exit, in.toString());
    Path bad = dir.resolve("part-m-00001.parquet");
    byte[] whole = Files.readAllBytes(bad);
    Files.write(bad, java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.deleteIfExists(dir.resolve(".part-m-00001.parquet.crc"));
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE target_corrupt (" + db.columns + ")");
      s.execute("CREATE TABLE stage_corrupt (" + db.columns + ")");
      s.execute("INSERT INTO target_corrupt (id, name) VALUES (9999, 'kept')");
    }
    CliRun out = sqoop(db, "export", "--table", "target_corrupt", "--staging-table", "stage_corrupt", "--export-dir", dir.toString());
    assertEquals(1, out.exit, out.toString());
    assertTrue(out.err.contains("part-m-00001.parquet") && out.err.contains("Cannot read Parquet file"), out.err);
    assertFalse(out.err.contains("part-m-00000.parquet"), "only the bad file is named: " + out.err);
    assertEquals(1, tableRows(db, "target_corrupt").size(), "target unchanged");
    assertEquals(List.of(), tableRows(db, "stage_corrupt"), "nothing staged");
  }
}
