package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.ScratchDatabase;
import dev.hadoopkit.ingest.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Import and export against the real local MariaDB, through the same entry point as bin/sqoop. */
class MariaDbIngestIT extends DatabaseIngestSuite {
  @RegisterExtension
  static final ScratchDatabase DB = ScratchDatabase.mariaDb("hk_it_maria", (c, s) -> {
    s.execute(ItemsTable.mariaDbDdl("items"));
    ItemsTable.insert(c, "items");
    s.execute("CREATE TABLE nokey (a INT, b VARCHAR(10))");
    s.execute("INSERT INTO nokey VALUES (1,'x'),(2,'y')");
  });

  @Override
  ScratchDatabase database() {
    return DB;
  }

  static List<String> readParts(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-m-")).sorted().collect(Collectors.toList())) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
          Collections.addAll(lines, text.split("\n", -1));
          lines.remove(lines.size() - 1);
        }
      }
    }
    return lines;
  }

  /** Writes part-m-00000 (100 good lines) and part-m-00001 (3,000 lines, line 2331 holding {@code bad}). */
  static Path ratingsWithOneBadValue(Path dir, String bad) throws IOException {
    Files.createDirectories(dir);
    StringBuilder first = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      first.append(i).append(",4.5\n");
    }
    Files.writeString(dir.resolve("part-m-00000"), first);
    StringBuilder second = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      second.append(1000 + i).append(',').append(i == 2331 ? bad : "3.0").append('\n');
    }
    Files.writeString(dir.resolve("part-m-00001"), second);
    return dir;
  }

  /*
   * The error names the file, line and column of the bad value (not "line 1 to line 3000"), and the driver's own
   * "WARN server.ErrorPacket" line is not printed: run as bin/sqoop runs it, in its own JVM with conf/log4j.properties.
   */
  @Test
  void exportValueErrorNamesFileLineAndColumnWithoutTheDriversLogLine() throws Exception {
    exec("CREATE TABLE rated (id INT PRIMARY KEY, rating DECIMAL(4,1))");
    Path dir = ratingsWithOneBadValue(tmp.resolve("rated-in"), "x");
    Path conf = Path.of("..", "conf", "log4j.properties").toAbsolutePath().normalize();
    assertTrue(Files.exists(conf), conf.toString());
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlog4j.configuration=" + conf.toUri(), "-cp", System.getProperty("java.class.path"),
        "dev.hadoopkit.ingest.IngestMain", "export", "-D", "hadoop.tmp.dir=" + tmp.resolve("hadoop-tmp"), "-D",
        "fs.defaultFS=file:///", "--connect", DB.url(), "--username", "root", "--table", "rated", "-m", "1",
        "--export-dir", dir.toString());
    pb.redirectErrorStream(true);
    Process process = pb.start();
    byte[] output;
    try (java.io.InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "export did not end");
    String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(1, process.exitValue(), text);
    assertTrue(text.contains("part-m-00001:2331: column rating: 'x' is not a DECIMAL"), text);
    assertFalse(text.contains("ErrorPacket"), text);
    assertFalse(text.contains("line 1 to"), text);
    try (Connection c = DB.connect(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rated WHERE id > 1000")) {
      rs.next();
      assertTrue(rs.getInt(1) < 2330, "rows after the bad one's transaction were committed: " + rs.getInt(1));
    }
  }

  /*
   * An export task loads on two connections in turn (hadoopkit.ingest.export.connections.per.task, default 2): the
   * second one is really opened, the table gets the same rows as with one, and when a batch of the second connection
   * fails the error names the bad line while the committed count it reports is what the table holds.
   */
  @Test
  void exportTaskLoadsOnTwoConnectionsAndCountsOnlyCommittedRows() throws Exception {
    exec("CREATE TABLE lanes (id INT PRIMARY KEY, name VARCHAR(12))");
    Path in = Files.createDirectories(tmp.resolve("lanes-in"));
    StringBuilder lines = numberedLines("n", 20_000);
    Files.writeString(in.resolve("part-m-00000"), lines);
    long[] opened = new long[3];
    for (int lanes = 1; lanes <= 2; lanes++) {
      exec("TRUNCATE lanes");
      long before = serverStatus("Connections");
      CliRun r = sqoop("export", "-D", "hadoopkit.ingest.export.connections.per.task=" + lanes, "-D",
          "sqoop.export.records.per.statement=300", "--connect", DB.url(), "--username", "root", "--table", "lanes",
          "--export-dir", in.toString(), "-m", "1");
      assertEquals(0, r.exit, r.toString());
      opened[lanes] = serverStatus("Connections") - before;
      assertEquals(20_000, DB.count("lanes"));
      assertEquals(200_010_000L, serverQuery("SELECT SUM(id) FROM lanes"));
      assertEquals(108_894L, serverQuery("SELECT SUM(LENGTH(name)) FROM lanes"));
    }
    assertEquals(opened[1] + 1, opened[2], "two lanes open one connection more than one lane");

    Path bad = Files.createDirectories(tmp.resolve("lanes-bad"));
    Files.writeString(bad.resolve("part-m-00000"), lines.toString().replace("\n15301,n15301\n", "\n15301,much-too-long-name\n"));
    exec("TRUNCATE lanes");
    // Batches of 300 rows, alternating between the lanes; each lane commits every second batch of its own.
    CliRun r = sqoop("export", "-D", "sqoop.export.records.per.statement=300", "-D",
        "sqoop.export.statements.per.transaction=2", "--connect", DB.url(), "--username", "root", "--table", "lanes",
        "--export-dir", bad.toString(), "-m", "1");
    assertEquals(1, r.exit, r.toString());
    assertTrue(r.err.contains("part-m-00000:15301: column name: 'much-too-long-name' does not fit VARCHAR"), r.err);
    long stored = DB.count("lanes");
    assertTrue(stored > 0 && stored < 15_301, "committed transactions stay, the bad one's is rolled back: " + stored);
    assertTrue(r.err.contains("this task had committed " + stored + " rows"), r.err);
  }

  /** Lines {@code i,<prefix>i} for i = 1..count. */
  private static StringBuilder numberedLines(String prefix, int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      lines.append(i).append(',').append(prefix).append(i).append('\n');
    }
    return lines;
  }

  private static long serverStatus(String variable) throws java.sql.SQLException {
    try (Connection c = DB.connect(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + variable + "'")) {
      assertTrue(rs.next(), variable);
      return rs.getLong(2);
    }
  }

  private static long serverQuery(String sql) throws java.sql.SQLException {
    try (Connection c = DB.connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }

  @Test
  void exportErrorForATooLongStringNamesLineAndColumn() throws Exception {
    exec("CREATE TABLE short_names (id INT PRIMARY KEY, name VARCHAR(5))");
    Path dir = Files.createDirectories(tmp.resolve("short-in"));
    Files.writeString(dir.resolve("part-m-00000"), "1,abc\n2,abcdefghij\n3,ok\n");
    CliRun r = sqoop("export", "--connect", DB.url(), "--username", "root", "--table", "short_names", "-m", "1",
        "--export-dir", dir.toString());
    assertEquals(1, r.exit, r.toString());
    assertTrue(r.err.contains("part-m-00000:2: column name: 'abcdefghij' does not fit VARCHAR"), r.err);
  }

  /* Korean and Chinese characters take two terminal columns each: eval's table stays aligned. */
  @Test
  void evalTableIsAlignedForWideCharacters() {
    CliRun r = sqoop("eval", "--connect", DB.url(), "--username", "root", "-e",
        "SELECT '한국어 텍스트' AS name, 'abc' AS code UNION ALL SELECT 'plain', '東京'");
    assertEquals(0, r.exit, r.toString());
    List<String> lines = List.of(r.out.split("\n"));
    assertEquals(6, lines.size(), r.out);
    for (String line : lines) {
      assertEquals(dev.hadoopkit.ingest.cli.DisplayWidth.of(lines.get(0)), dev.hadoopkit.ingest.cli.DisplayWidth.of(line),
          r.out);
    }
    assertEquals("| 한국어 텍스트 | abc  |", lines.get(3));
    assertEquals("| plain         | 東京 |", lines.get(4));
  }

  /* Sqoop: "Character column (v) can not be used to determine which rows to incrementally import." */
  @Test
  void incrementalCheckColumnMustBeNumericOrDateTime() throws Exception {
    exec("CREATE TABLE inc_types (id INT PRIMARY KEY, code VARCHAR(10), c CHAR(3), note TEXT, changed DATETIME)");
    exec("INSERT INTO inc_types VALUES (1, 'a', 'x', 'n', '2020-01-01 00:00:00')");
    for (String column : new String[] {"code", "c", "note"}) {
      for (String mode : new String[] {"append", "lastmodified"}) {
        CliRun r = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "inc_types", "-m", "1",
            "--incremental", mode, "--check-column", column, "--target-dir", tmp.resolve("inc-" + column + mode).toString());
        assertEquals(1, r.exit, r.toString());
        assertTrue(r.err.contains("Character column (" + column + ") can not be used to determine which rows to "
            + "incrementally import"), r.err);
        assertFalse(Files.exists(tmp.resolve("inc-" + column + mode)));
      }
    }
    CliRun numericLastModified = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "inc_types", "-m", "1",
        "--incremental", "lastmodified", "--check-column", "id", "--target-dir", tmp.resolve("inc-id").toString());
    assertEquals(1, numericLastModified.exit, numericLastModified.toString());
    assertTrue(numericLastModified.err.contains("--incremental lastmodified needs a date/time --check-column"),
        numericLastModified.err);
    CliRun ok = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "inc_types", "-m", "1",
        "--incremental", "lastmodified", "--check-column", "changed", "--target-dir", tmp.resolve("inc-ok").toString());
    assertEquals(0, ok.exit, ok.toString());
  }

  /* --split-limit on a skewed key would plan one local map task per limit-wide range: capped, and said so. */
  @Test
  void splitLimitSplitsAreCappedWithAMessage() throws Exception {
    exec("CREATE TABLE skewed (id BIGINT PRIMARY KEY, v VARCHAR(5))");
    exec("INSERT INTO skewed VALUES (1, 'a'), (2, 'b'), (10000000, 'z')");
    Path target = tmp.resolve("skewed");
    CliRun r = sqoop("import", "-D", "hadoopkit.ingest.import.max.splits=6", "--connect", DB.url(), "--username", "root",
        "--table", "skewed", "-m", "2", "--split-limit", "1000", "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    assertTrue(r.err.contains("--split-limit 1000 would plan 10000 splits on id; capped at 6 (-D "
        + "hadoopkit.ingest.import.max.splits): each split covers up to 1666667 values"), r.err);
    assertTrue(r.err.contains("with 6 mapper(s)"), r.err);
    List<String> rows = readParts(target);
    java.util.Collections.sort(rows);
    assertEquals(List.of("1,a", "10000000,z", "2,b"), rows);
  }


  @Test
  void importWithFourMappersWritesSqoopTextForEveryRow() throws IOException {
    Path target = tmp.resolve("items");
    CliRun r = sqoop("import", "--connect", DB.url(), "--driver", "com.mysql.jdbc.Driver", "--username", "root", "--table", "items",
        "--columns", "id,price,born,seen,flag,score,grp", "-m", "4", "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    assertTrue(Files.exists(target.resolve("_SUCCESS")), "Sqoop-style _SUCCESS marker");
    assertTrue(Files.exists(target.resolve("part-m-00003")), "four part files");
    List<String> expected = ItemsTable.items().stream().map(ItemsTable.Item::sqoopTextWithoutName).sorted().collect(Collectors.toList());
    List<String> actual = readParts(target);
    Collections.sort(actual);
    assertEquals(expected, actual);
    assertTrue(r.err.contains("Retrieved " + ItemsTable.ROWS + " records."), r.err);
    assertTrue(r.err.matches("(?s).*Transferred .* in .* seconds \\(.*rows/s\\).*"), r.err);
  }

  /*
   * The server's text of dates and integers, as the CAST(col AS CHAR) import wrote it: java.sql.Timestamp's fraction,
   * zero dates as NULL, ZEROFILL integers without their zeros; the same with escaping and another delimiter; dates
   * mapped to String as the server's text.
   */
  @Test
  void temporalAndZeroFilledColumnsAreWrittenAsSqoopText() throws Exception {
    exec("CREATE TABLE temporals (id INT PRIMARY KEY, z INT(6) ZEROFILL, y YEAR, d DATE, dt DATETIME, dt6 DATETIME(6),"
        + " ts TIMESTAMP NULL)");
    exec("SET STATEMENT sql_mode='' FOR INSERT INTO temporals VALUES"
        + " (1, 42, 2001, '2001-02-03', '2001-02-03 04:05:06', '2001-02-03 04:05:06.120000', '2001-02-03 04:05:06'),"
        + " (2, 0, 0, '0000-00-00', '0000-00-00 00:00:00', '1999-12-31 23:59:59.000000', NULL),"
        + " (3, NULL, NULL, NULL, NULL, NULL, NULL), (4, -0, 1999, '1970-01-01', '2038-01-19 03:14:07',"
        + " '2001-02-03 04:05:06.000001', '1999-12-31 23:59:59')");
    List<String> expected = List.of("1,42,2001,2001-02-03,2001-02-03 04:05:06.0,2001-02-03 04:05:06.12,2001-02-03 04:05:06.0",
        "2,0,0000,null,null,1999-12-31 23:59:59.0,null", "3,null,null,null,null,null,null",
        "4,0,1999,1970-01-01,2038-01-19 03:14:07.0,2001-02-03 04:05:06.000001,1999-12-31 23:59:59.0");
    for (String[] layout : new String[][] {{}, {"--escaped-by", "\\", "--fields-terminated-by", "|"},
        {"--map-column-java", "d=String,dt=String"}}) {
      Path target = tmp.resolve("temporals" + layout.length);
      List<String> args = new ArrayList<>(List.of("import", "--connect", DB.url(), "--username", "root", "--table",
          "temporals", "-m", "1", "--target-dir", target.toString()));
      args.addAll(List.of(layout));
      CliRun r = sqoop(args.toArray(new String[0]));
      assertEquals(0, r.exit, r.toString());
      List<String> want = layout.length == 0 ? expected
          : layout.length == 4 ? expected.stream().map(l -> l.replace(',', '|')).collect(Collectors.toList())
          : List.of("1,42,2001,2001-02-03,2001-02-03 04:05:06,2001-02-03 04:05:06.12,2001-02-03 04:05:06.0",
              "2,0,0000,0000-00-00,0000-00-00 00:00:00,1999-12-31 23:59:59.0,null", "3,null,null,null,null,null,null",
              "4,0,1999,1970-01-01,2038-01-19 03:14:07,2001-02-03 04:05:06.000001,1999-12-31 23:59:59.0");
      assertEquals(want, readParts(target), String.join(" ", layout));
    }
  }

  /*
   * When the server's SYSTEM zone is UTC the tasks name it (time_zone='+00:00', cheaper TIMESTAMP conversion on the
   * server) and read the same values; a URL that sets its own session variables keeps them.
   */
  @Test
  void tasksNameUtcOnlyWhenTheServersSystemZoneIsUtc() throws Exception {
    exec("CREATE TABLE zoned (id INT PRIMARY KEY, ts TIMESTAMP NULL, dt DATETIME)");
    exec("INSERT INTO zoned VALUES (1, '2001-03-25 01:30:00', '2001-03-25 01:30:00'),"
        + " (2, '1999-12-31 23:59:59', '1999-12-31 23:59:59'), (3, NULL, NULL)");
    // A view cannot read a variable; a function it calls can, in the session that reads the view.
    exec("CREATE OR REPLACE FUNCTION session_zone() RETURNS VARCHAR(64) NOT DETERMINISTIC RETURN @@session.time_zone");
    exec("CREATE OR REPLACE VIEW zoned_view AS SELECT id, ts, dt, session_zone() AS tz FROM zoned");
    boolean systemUtc;
    try (Connection c = DB.connect(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT @@session.time_zone = 'SYSTEM' AND @@system_time_zone = 'UTC'")) {
      rs.next();
      systemUtc = rs.getBoolean(1);
    }
    List<String> byDefault = null;
    for (String[] setting : new String[][] {{"-D", "hadoopkit.ingest.utc.session=true"},
        {"-D", "hadoopkit.ingest.utc.session=false"}}) {
      Path target = tmp.resolve("zoned-" + setting[1].hashCode());
      CliRun r = sqoop("import", setting[0], setting[1], "--connect", DB.url(), "--username", "root", "--table",
          "zoned_view", "-m", "1", "--target-dir", target.toString());
      assertEquals(0, r.exit, r.toString());
      List<String> lines = readParts(target);
      String zone = setting[1].endsWith("true") && systemUtc ? "+00:00" : "SYSTEM";
      assertEquals(List.of("1,2001-03-25 01:30:00.0,2001-03-25 01:30:00.0," + zone,
          "2,1999-12-31 23:59:59.0,1999-12-31 23:59:59.0," + zone, "3,null,null," + zone), lines, setting[1]);
      byDefault = byDefault == null ? lines : byDefault;
    }
    Path target = tmp.resolve("zoned-own");
    CliRun r = sqoop("import", "--connect", DB.url() + (DB.url().contains("?") ? "&" : "?")
        + "sessionVariables=time_zone='+02:00'", "--username", "root", "--table", "zoned_view", "-m", "1",
        "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    assertTrue(readParts(target).get(0).endsWith(",+02:00"), readParts(target).toString());
  }

  /* Exports load TIMESTAMP values the same whether the tasks name UTC or keep the server's SYSTEM zone. */
  @Test
  void exportsLoadTheSameTimestampsInTheUtcSession() throws Exception {
    exec("CREATE TABLE stamped (id INT PRIMARY KEY, ts TIMESTAMP NULL, dt DATETIME(3))");
    Path input = tmp.resolve("stamped-in");
    Files.createDirectories(input);
    Files.writeString(input.resolve("part-m-00000"), "1,2001-03-25 01:30:00.0,2001-03-25 01:30:00.123\n"
        + "2,1999-12-31 23:59:59,1969-12-31 23:59:59.999\n3,null,null\n4,2038-01-19 03:14:07,0001-01-01 00:00:00\n");
    List<String> loaded = new ArrayList<>();
    for (String[] mode : new String[][] {{"--direct"}, {}}) {
      for (boolean utc : new boolean[] {true, false}) {
        exec("TRUNCATE stamped");
        List<String> args = new ArrayList<>(List.of("export", "-D", "hadoopkit.ingest.utc.session=" + utc, "--connect",
            DB.url(), "--username", "root", "--table", "stamped", "--export-dir", input.toString(), "-m", "1"));
        args.addAll(List.of(mode));
        CliRun r = sqoop(args.toArray(new String[0]));
        assertEquals(0, r.exit, r.toString());
        try (Connection c = DB.connect(); Statement st = c.createStatement();
            java.sql.ResultSet rs = st.executeQuery("SELECT id, UNIX_TIMESTAMP(ts), dt FROM stamped ORDER BY id")) {
          StringBuilder rows = new StringBuilder();
          while (rs.next()) {
            rows.append(rs.getInt(1)).append('|').append(rs.getString(2)).append('|').append(rs.getString(3)).append(';');
          }
          loaded.add(rows.toString());
        }
      }
    }
    assertEquals(4, loaded.size());
    assertEquals(1, loaded.stream().distinct().count(), "direct and insert, UTC and SYSTEM session: " + loaded);
    assertTrue(loaded.get(0).startsWith("1|985483800|2001-03-25 01:30:00.123000;"), loaded.toString());
  }

  /*
   * Avro and Parquet imports read rows over the binary protocol (server-side prepared statements, fewer server CPU
   * seconds per row); every type gives the records the text protocol gave, extremes and NULLs included.
   */
  @Test
  void binaryProtocolImportsGiveTheRecordsOfTheTextProtocol() throws Exception {
    exec("CREATE TABLE every_type (id INT PRIMARY KEY, ti TINYINT, si SMALLINT, mi MEDIUMINT, bi BIGINT,"
        + " ub BIGINT UNSIGNED, ui INT UNSIGNED, dec2 DECIMAL(12,2), f FLOAT, d DOUBLE, vc VARCHAR(20), tx TEXT,"
        + " vb VARBINARY(8), b1 BIT(1), bo BOOLEAN, dt DATE, dtm DATETIME(3), dt6 DATETIME(6), ts TIMESTAMP(2) NULL,"
        + " tm TIME, ch CHAR(3))");
    exec("INSERT INTO every_type VALUES"
        + " (1, -128, -32768, -8388608, -9223372036854775808, 18446744073709551615, 4294967295, -9999999999.99,"
        + " -3.4e38, -1.7976931348623157e308, 'ünïcödé 한국어', 'line\\nbreak', x'00ff10', b'1', TRUE, '0001-01-01',"
        + " '1969-12-31 23:59:59.999', '0001-01-01 00:00:00.000001', '1970-01-01 00:00:01.5', '00:00:00', 'abc'),"
        + " (2, 127, 32767, 8388607, 9223372036854775807, 0, 0, 0.01, 0.1, 0.1, '', '', x'', b'0', FALSE, '9999-12-31',"
        + " '9999-12-31 23:59:59.999', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.99', '23:59:59', ''),"
        + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
        + " NULL, NULL, NULL)");
    exec("SET STATEMENT sql_mode='' FOR INSERT INTO every_type (id, dt, dtm, dt6, ts) VALUES"
        + " (4, '0000-00-00', '0000-00-00 00:00:00', '2001-02-03 00:00:00', '2001-02-03 04:05:06')");
    for (String format : new String[] {"textfile", "avrodatafile", "parquetfile"}) {
      List<String> byProtocol = new ArrayList<>();
      for (boolean binary : new boolean[] {true, false}) {
        long prepared = serverStatus("Com_stmt_prepare");
        Path target = tmp.resolve("every-type-" + format + binary);
        CliRun r = sqoop("import", "-D", "hadoopkit.ingest.import.binary.protocol=" + binary, "--connect", DB.url(),
            "--username", "root", "--table", "every_type", "-m", "2", "--target-dir", target.toString(), "--as-" + format);
        assertEquals(0, r.exit, r.toString());
        // Two splits, one statement each: prepared on the server only over the binary protocol.
        assertEquals(binary ? 2 : 0, serverStatus("Com_stmt_prepare") - prepared, format + " binary=" + binary);
        List<String> rows = format.equals("textfile") ? new ArrayList<>(readParts(target)) : new ArrayList<>();
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        for (org.apache.hadoop.fs.Path file : format.equals("textfile") ? List.<org.apache.hadoop.fs.Path>of()
            : dev.hadoopkit.formats.io.Formats.dataFiles(conf, new org.apache.hadoop.fs.Path(target.toString()))) {
          try (dev.hadoopkit.formats.io.RecordReader reader = dev.hadoopkit.formats.io.Formats.read(file).conf(conf).build()) {
            for (org.apache.avro.generic.GenericRecord g = reader.next(); g != null; g = reader.next()) {
              rows.add(g.toString());
            }
          }
        }
        Collections.sort(rows);
        assertEquals(format.equals("textfile") ? 5 : 4, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.startsWith(format.equals("textfile") ? "4,null,null," : "{\"id\": 4,")), rows.toString());
        byProtocol.add(String.join("\n", rows));
      }
      assertEquals(byProtocol.get(1), byProtocol.get(0), format + ": binary protocol against text protocol");
    }
  }

  /*
   * Binary imports read dates from the server's bytes (no CAST): zero dates are NULL, fractions are kept to the
   * millisecond, and a date mapped to String is the server's text as it is, zero dates included.
   */
  @Test
  void binaryImportsReadTemporalColumnsAsTheServersText() throws Exception {
    exec("CREATE TABLE temporals_bin (id INT PRIMARY KEY, d DATE, dt DATETIME, dt6 DATETIME(6), ts TIMESTAMP NULL)");
    exec("SET STATEMENT sql_mode='' FOR INSERT INTO temporals_bin VALUES"
        + " (1, '2001-02-03', '2001-02-03 04:05:06', '2001-02-03 04:05:06.120999', '2001-02-03 04:05:06'),"
        + " (2, '0000-00-00', '0000-00-00 00:00:00', '1969-12-31 23:59:59.999000', NULL), (3, NULL, NULL, NULL, NULL),"
        + " (4, '0001-01-01', '9999-12-31 23:59:59', '1970-01-01 00:00:00.000001', '1999-12-31 23:59:59')");
    for (String format : new String[] {"avrodatafile", "parquetfile"}) {
      for (boolean asString : new boolean[] {false, true}) {
        Path target = tmp.resolve("temporals-" + format + asString);
        List<String> args = new ArrayList<>(List.of("import", "--connect", DB.url(), "--username", "root", "--table",
            "temporals_bin", "-m", "1", "--target-dir", target.toString(), "--as-" + format));
        if (asString) {
          args.addAll(List.of("--map-column-java", "d=String,dt=String"));
        }
        CliRun r = sqoop(args.toArray(new String[0]));
        assertEquals(0, r.exit, r.toString());
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        List<String> rows = new ArrayList<>();
        for (org.apache.hadoop.fs.Path file : dev.hadoopkit.formats.io.Formats.dataFiles(conf,
            new org.apache.hadoop.fs.Path(target.toString()))) {
          try (dev.hadoopkit.formats.io.RecordReader reader = dev.hadoopkit.formats.io.Formats.read(file).conf(conf).build()) {
            for (org.apache.avro.generic.GenericRecord g = reader.next(); g != null; g = reader.next()) {
              rows.add(g.get("id") + "|" + g.get("d") + "|" + g.get("dt") + "|" + g.get("dt6") + "|" + g.get("ts"));
            }
          }
        }
        java.util.Collections.sort(rows);
        List<String> expected = asString
            ? List.of("1|2001-02-03|2001-02-03 04:05:06|981173106120|981173106000",
                "2|0000-00-00|0000-00-00 00:00:00|-1|null", "3|null|null|null|null",
                "4|0001-01-01|9999-12-31 23:59:59|0|946684799000")
            : List.of("1|11356|981173106000|981173106120|981173106000", "2|null|null|-1|null", "3|null|null|null|null",
                "4|-719162|253402300799000|0|946684799000");
        assertEquals(expected, rows, format + (asString ? " with d, dt as String" : ""));
      }
    }
  }

  /*
   * bin/sqoop's class-sharing archive is made by mvn package without a database (ClassArchiveTraining) and serves a
   * real import: the tool, the driver and Hadoop's local job runner come from it; with HK_CDS=off none do.
   */
  @Test
  void binSqoopImportLoadsItsClassesFromTheBuildsArchive() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    Path archive = root.resolve("ingest-sqoopish/target/cds/sqoop.jsa");
    assertTrue(Files.isRegularFile(archive), archive + " is made by mvn package (unless -Dhk.cds.skip=true)");
    for (String cds : new String[] {"on", "off"}) {
      Path log = tmp.resolve("class-load-" + cds + ".txt");
      ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/sqoop").toString(), "import", "--connect", DB.url(),
          "--username", "root", "--table", "items", "-m", "1", "--target-dir", tmp.resolve("cds-" + cds).toString());
      pb.environment().remove("HADOOP_CONF_DIR");
      pb.environment().put("HK_CDS", cds);
      pb.environment().put("HADOOP_CLIENT_OPTS", "-Xlog:class+load:file=" + log);
      pb.redirectErrorStream(true).redirectOutput(tmp.resolve("cds-" + cds + ".out").toFile());
      Process process = pb.start();
      assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "bin/sqoop import did not end");
      assertEquals(0, process.exitValue(), Files.readString(tmp.resolve("cds-" + cds + ".out")));
      String loaded = Files.readString(log);
      for (String name : new String[] {"dev.hadoopkit.ingest.IngestMain", "org.mariadb.jdbc.Driver",
          "org.apache.hadoop.mapred.LocalJobRunner"}) {
        assertEquals(cds.equals("on"), loaded.contains(name + " source: shared objects file (top)"), cds + ": " + name);
      }
    }
  }

  @Test
  void nullSplitColumnRowsAreNotLost() throws IOException {
    Path target = tmp.resolve("bygrp");
    CliRun r = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "items", "--columns", "id,grp",
        "--split-by", "grp", "-m", "3", "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    List<String> ids = readParts(target).stream().map(l -> l.substring(0, l.indexOf(','))).sorted().collect(Collectors.toList());
    List<String> expected = ItemsTable.items().stream().map(i -> String.valueOf(i.id)).sorted().collect(Collectors.toList());
    assertEquals(expected, ids, "every id exactly once, including the rows whose grp is NULL");
  }

  @Test
  void decimalDateTimestampAndBooleanSplitsKeepEveryRowOnce() throws IOException {
    List<String> expected = ItemsTable.items().stream().map(i -> String.valueOf(i.id)).sorted().collect(Collectors.toList());
    String[][] variants = {{"--split-by", "price"}, {"--split-by", "score"}, {"--split-by", "born"}, {"--split-by", "seen"},
        {"--split-by", "flag"}};
    for (String[] variant : variants) {
      Path target = tmp.resolve("split-" + variant[1]);
      List<String> args = new ArrayList<>(List.of("import", "--connect", DB.url(), "--username", "root", "--table", "items",
          "--columns", "id", "-m", "3", "--target-dir", target.toString()));
      args.addAll(List.of(variant));
      CliRun r = sqoop(args.toArray(new String[0]));
      assertEquals(0, r.exit, r.toString());
      List<String> ids = readParts(target);
      Collections.sort(ids);
      assertEquals(expected, ids, "split on " + String.join(" ", variant));
      long nonEmpty;
      try (Stream<Path> parts = Files.list(target)) {
        nonEmpty = parts.filter(p -> p.getFileName().toString().startsWith("part-m-") && p.toFile().length() > 0).count();
      }
      assertTrue(nonEmpty >= 2, "work was shared between mappers for " + String.join(" ", variant));
    }
  }

  /* Hive reads one row per line and \001 as its field separator: the options drop or replace them in string fields. */
  @Test
  void hiveDelimiterOptionsDropOrReplaceNewlinesAndCtrlAInStrings() throws Exception {
    exec("CREATE TABLE hive_delims (id INT PRIMARY KEY, name VARCHAR(50), note TEXT, n INT)");
    exec("INSERT INTO hive_delims VALUES (1, 'a\\nb\\rc', CONCAT('x', CHAR(1), 'y\\r\\n'), 5), (2, 'plain', NULL, NULL)");
    String[][] variants = {{"--hive-drop-import-delims"}, {"--hive-delims-replacement", ""}, {"--hive-delims-replacement", " "},
        {"--hive-drop-import-delims", "--escaped-by", "\\\\"}};
    String[][] expected = {{"1,abc,xy,5", "2,plain,null,null"}, {"1,abc,xy,5", "2,plain,null,null"},
        {"1,a b c,x y  ,5", "2,plain,null,null"}, {"1,abc,xy,5", "2,plain,null,null"}};
    for (int v = 0; v < variants.length; v++) {
      Path target = tmp.resolve("hive-delims-" + v);
      List<String> args = new ArrayList<>(List.of("import", "--connect", DB.url(), "--username", "root", "--table", "hive_delims",
          "-m", "1", "--target-dir", target.toString()));
      args.addAll(List.of(variants[v]));
      CliRun r = sqoop(args.toArray(new String[0]));
      assertEquals(0, r.exit, r.toString());
      assertEquals(List.of(expected[v]), readParts(target), String.join(" ", variants[v]));
    }
  }

  /* As in Sqoop, a --boundary-query narrows the import to the rows within its bounds (both included), no NULL keys. */
  @Test
  void boundaryQueryImportsOnlyTheRowsWithinItsBounds() throws IOException {
    Object[][] variants = {
        {new String[] {"--split-by", "id", "--boundary-query", "SELECT 100, 199"}, 100, 199, false},
        {new String[] {"--split-by", "id", "--boundary-query", "SELECT 150, 150"}, 150, 150, false},
        {new String[] {"--split-by", "grp", "--boundary-query", "SELECT 2, 5 FROM DUAL"}, 1, ItemsTable.ROWS, true},
        {new String[] {"--split-by", "name", "--boundary-query", "SELECT 'plain 1', 'plain 3'"}, 1, ItemsTable.ROWS, true}};
    for (Object[] variant : variants) {
      String[] options = (String[]) variant[0];
      int from = (Integer) variant[1];
      int to = (Integer) variant[2];
      Path target = tmp.resolve("bounded-" + options[1] + "-" + from + "-" + to);
      List<String> args = new ArrayList<>(List.of("import", "--connect", DB.url(), "--username", "root", "--table", "items",
          "--columns", "id", "-m", "3", "--target-dir", target.toString()));
      args.addAll(List.of(options));
      CliRun r = sqoop(args.toArray(new String[0]));
      assertEquals(0, r.exit, r.toString());
      List<String> expected = ItemsTable.items().stream().filter(i -> i.id >= from && i.id <= to)
          .filter(i -> !options[1].equals("grp") || (i.grp != null && i.grp >= 2 && i.grp <= 5))
          .filter(i -> !options[1].equals("name") || (i.name != null && i.name.compareTo("plain 1") >= 0
              && i.name.compareTo("plain 3") <= 0))
          .map(i -> String.valueOf(i.id)).sorted().collect(Collectors.toList());
      List<String> ids = readParts(target);
      Collections.sort(ids);
      assertFalse(expected.isEmpty());
      assertEquals(expected, ids, String.join(" ", options));
    }
  }

  @Test
  void textSplitWarnsAboutCollationAndKeepsEveryRow() throws IOException {
    Path target = tmp.resolve("byname");
    CliRun r = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "items", "--columns", "id",
        "--split-by", "name", "-m", "4", "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    assertTrue(r.err.contains("collation"), r.err);
    List<String> ids = readParts(target);
    Collections.sort(ids);
    List<String> expected = ItemsTable.items().stream().map(i -> String.valueOf(i.id)).sorted().collect(Collectors.toList());
    assertEquals(expected, ids);
  }

  @Test
  void escapedRoundTripThroughExportPreservesEveryValue() throws Exception {
    exec(ItemsTable.mariaDbDdl("items_copy"));
    Path target = tmp.resolve("escaped");
    CliRun imp = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "items", "-m", "2",
        "--target-dir", target.toString(), "--fields-terminated-by", ",", "--escaped-by", "\\\\",
        "--optionally-enclosed-by", "\\\"", "--null-string", "\\\\N", "--null-non-string", "\\\\N");
    assertEquals(0, imp.exit, imp.toString());
    assertTrue(Files.readString(target.resolve("part-m-00000")).contains("\\N"), "NULL written as \\N");
    CliRun exp = sqoop("export", "--connect", DB.url(), "--username", "root", "--table", "items_copy", "-m", "3",
        "--export-dir", target.toString(), "--input-fields-terminated-by", ",", "--input-escaped-by", "\\\\",
        "--input-optionally-enclosed-by", "\\\"", "--input-null-string", "\\\\N", "--input-null-non-string", "\\\\N");
    assertEquals(0, exp.exit, exp.toString());
    assertTrue(exp.err.contains("Exported " + ItemsTable.ROWS + " records."), exp.err);
    try (Connection c = DB.connect()) {
      assertEquals(ItemsTable.dump(c, "items"), ItemsTable.dump(c, "items_copy"));
    }
  }

  @Test
  void directExportUsesLoadDataAndMatchesInsertExport() throws Exception {
    exec(ItemsTable.mariaDbDdl("items_direct"));
    Path target = tmp.resolve("tabbed");
    CliRun imp = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "items", "-m", "1",
        "--target-dir", target.toString(), "--fields-terminated-by", "\\0001", "--escaped-by", "\\\\", "--null-string", "\\\\N",
        "--null-non-string", "\\\\N");
    assertEquals(0, imp.exit, imp.toString());
    CliRun exp = sqoop("export", "--connect", DB.url(), "--username", "root", "--table", "items_direct", "--direct",
        "--export-dir", target.toString(), "--input-fields-terminated-by", "\\0001", "--input-escaped-by", "\\\\",
        "--input-null-string", "\\\\N", "--input-null-non-string", "\\\\N", "-m", "2");
    assertEquals(0, exp.exit, exp.toString());
    try (Connection c = DB.connect()) {
      assertEquals(ItemsTable.dump(c, "items"), ItemsTable.dump(c, "items_direct"));
    }
  }

  @Test
  void directExportOfPlainTextPassesLinesThroughWithSqoopNullRules() throws Exception {
    exec("CREATE TABLE plain_direct (id INT PRIMARY KEY, name VARCHAR(50), price DECIMAL(10,2), born DATE)");
    Path in = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(in.resolve("part-m-00000"), "1,abc \\ ü,1.50,2020-01-01\n2,null,null,\n3,,2.00,null\n4,NULL,3.25,2021-02-03\n");
    CliRun r = sqoop("export", "--connect", DB.url(), "--username", "root", "--table", "plain_direct", "--direct",
        "--export-dir", in.toString(), "-m", "1");
    assertEquals(0, r.exit, r.toString());
    assertEquals(List.of("1|abc \\ ü|1.50|2020-01-01", "2|null|null|null", "3||2.00|null", "4|NULL|3.25|2021-02-03"), rows("SELECT id, name, price, born FROM plain_direct ORDER BY id"));

    Files.writeString(in.resolve("part-m-00000"), "5,x,1.00,2020-01-01\n6,y,2.00\n");
    CliRun bad = sqoop("export", "--connect", DB.url(), "--username", "root", "--table", "plain_direct", "--direct",
        "--export-dir", in.toString(), "-m", "1");
    assertEquals(1, bad.exit, bad.toString());
    assertTrue(bad.err.contains("part-m-00000 line 2: expected 4 fields"), bad.err);
    assertEquals(4, DB.count("plain_direct"));

    Files.writeString(in.resolve("part-m-00000"), "7,new,1.00,2020-01-01\n1,duplicate,9.99,2020-01-01\n");
    CliRun duplicate = sqoop("export", "--connect", DB.url(), "--username", "root", "--table", "plain_direct", "--direct",
        "--export-dir", in.toString(), "-m", "1");
    assertEquals(1, duplicate.exit, duplicate.toString());
    assertTrue(duplicate.err.contains("LOAD DATA stored 1 of 2 rows"), duplicate.err);
    assertEquals(4, DB.count("plain_direct"), "the chunk was rolled back");

    // No NULL marker in the chunk: loaded without the SET clause, with the same values
    Files.writeString(in.resolve("part-m-00000"), "8,plain ü,4.50,2022-05-06\n9,,0.00,1999-12-31\n");
    CliRun plain = sqoop("export", "--connect", DB.url(), "--username", "root", "--table", "plain_direct", "--direct",
        "--export-dir", in.toString(), "-m", "1");
    assertEquals(0, plain.exit, plain.toString());
    assertEquals(List.of("8|plain ü|4.50|2022-05-06", "9||0.00|1999-12-31"), rows("SELECT id, name, price, born FROM plain_direct WHERE id >= 8 ORDER BY id"));
  }

  /*
   * LOAD DATA LOCAL stores 12x as 12.00 and cuts long strings with only a warning: --direct fails as INSERT does, on
   * both the pass-through and the parsing path, naming file, line and column; a staged export leaves the target as it was.
   */
  @Test
  void directExportFailsOnValuesTheServerWouldChange() throws Exception {
    exec("CREATE TABLE coerce_direct (id INT PRIMARY KEY, price DECIMAL(10,2), name VARCHAR(20))");
    exec("CREATE TABLE coerce_stage (id INT PRIMARY KEY, price DECIMAL(10,2), name VARCHAR(20))");
    exec("INSERT INTO coerce_direct VALUES (100, 1.00, 'before')");
    Path in = Files.createDirectories(tmp.resolve("coerce"));
    String[][] inputs = {{"1,1.50,ok\n2,12x,fine\n3,2.00,ok\n", "part-m-00000 line 2, column price"},
        {"1,1.50,ok\n2,2.00,ok\n3,3.00,abcdefghijabcdefghijabcdefghij\n", "part-m-00000 line 3, column name"}};
    String[][] variants = {{}, {"-D", "hadoopkit.ingest.export.direct.parse=true"}, {"--staging-table", "coerce_stage"}};
    for (String[] input : inputs) {
      Files.writeString(in.resolve("part-m-00000"), input[0]);
      for (String[] variant : variants) {
        List<String> args = new ArrayList<>(List.of("export"));
        List<String> options = new ArrayList<>(List.of(variant));
        if (options.size() > 0 && options.get(0).equals("-D")) {
          args.addAll(options);
          options.clear();
        }
        args.addAll(List.of("--connect", DB.url(), "--username", "root", "--table", "coerce_direct", "--direct",
            "--export-dir", in.toString(), "-m", "1"));
        args.addAll(options);
        CliRun r = sqoop(args.toArray(new String[0]));
        assertEquals(1, r.exit, String.join(" ", variant) + ": " + r);
        assertTrue(r.err.contains(input[1]), String.join(" ", variant) + ": " + r.err);
        assertEquals(1, DB.count("coerce_direct"), "target unchanged with " + String.join(" ", variant));
      }
    }
    // A decimal rounded to the column's scale is a note, as for INSERT: loaded.
    Files.writeString(in.resolve("part-m-00000"), "1,3.456,ok\n");
    CliRun rounded = sqoop("export", "--connect", DB.url(), "--username", "root", "--table", "coerce_direct", "--direct",
        "--export-dir", in.toString(), "-m", "1");
    assertEquals(0, rounded.exit, rounded.toString());
    assertEquals(2, DB.count("coerce_direct"));
  }

  /*
   * --direct loads one chunk while reading the next: a chunk that fails after others were committed says exactly how
   * many rows the database holds.
   */
  @Test
  void directExportCountsOnlyChunksTheDatabaseCommitted() throws Exception {
    exec("CREATE TABLE chunks_direct (id INT PRIMARY KEY, name VARCHAR(50))");
    Path in = Files.createDirectories(tmp.resolve("chunks"));
    StringBuilder lines = numberedLines("name-", 20_000);
    lines.append("1,duplicate of the first row\n"); // the last chunk stores one row less: rolled back
    Files.writeString(in.resolve("part-m-00000"), lines.toString());
    CliRun r = sqoop("export", "-D", "hadoopkit.ingest.export.direct.chunk.bytes=65536", "--connect", DB.url(),
        "--username", "root", "--table", "chunks_direct", "--direct", "--export-dir", in.toString(), "-m", "1");

    assertEquals(1, r.exit, r.toString());
    long stored = DB.count("chunks_direct");
    assertTrue(stored > 0 && stored < 20_000, "earlier chunks stay committed: " + stored);
    assertTrue(r.err.contains("this task had committed " + stored + " rows"), r.err);
  }

  @Test
  void updateOnlyAndAllowInsertFollowSqoopSemantics() throws Exception {
    exec("CREATE TABLE kv (k INT PRIMARY KEY, v VARCHAR(20))");
    Path in = updateOnlyExportToKv();
    exportToKv(in, "--update-key", "k", "--update-mode", "allowinsert");
    assertEquals(List.of("1=uno", "2=two", "3=tres"), kv());
  }

  @Test
  void failedImportLeavesTargetDirectoryAsItWas() throws IOException {
    Path target = Files.createDirectories(tmp.resolve("keep"));
    Files.writeString(target.resolve("part-m-00000"), "old data\n");
    // The subquery returns several rows only from id 52 on: the statement fails while rows are already streaming.
    CliRun r = sqoop("import", "--connect", DB.url(), "--username", "root", "--query",
        "SELECT id, name FROM items WHERE $CONDITIONS AND (SELECT i2.id FROM items i2 WHERE i2.id <= items.id - 50) IS NOT NULL OR id < 50",
        "-m", "1", "--target-dir", target.toString(), "--delete-target-dir");
    assertEquals(1, r.exit, r.toString());
    assertTrue(r.err.contains("was left unchanged"), r.err);
    try (Stream<Path> files = Files.list(target)) {
      assertEquals(List.of("part-m-00000"), files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
    assertEquals("old data\n", Files.readString(target.resolve("part-m-00000")));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains("hk-import")), "work directory removed");
    }
  }

  @Test
  void appendAddsRenumberedPartFiles() throws IOException {
    Path target = tmp.resolve("app");
    assertEquals(0, sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "nokey", "-m", "1",
        "--target-dir", target.toString()).exit);
    CliRun again = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "nokey", "-m", "1",
        "--target-dir", target.toString(), "--append");
    assertEquals(0, again.exit, again.toString());
    assertEquals("1,x\n2,y\n", Files.readString(target.resolve("part-m-00001")));
    CliRun exists = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "nokey", "-m", "1",
        "--target-dir", target.toString());
    assertEquals(1, exists.exit);
    assertTrue(exists.err.contains("already exists"), exists.err);
  }

  @Test
  void failedExportWithStagingLeavesTableUnchanged() throws Exception {
    exec("CREATE TABLE st_target (k INT PRIMARY KEY, v VARCHAR(20))");
    exec("CREATE TABLE st_stage (k INT PRIMARY KEY, v VARCHAR(20))");
    exec("INSERT INTO st_target VALUES (1000, 'before')");
    Path in = keyValueLines("bad", "part-m-00000", 60, 45, "45,too,many");
    CliRun r = sqoop("export", "-D", "sqoop.export.records.per.statement=10", "-D", "sqoop.export.statements.per.transaction=1",
        "--connect", DB.url(), "--username", "root", "--table", "st_target", "--staging-table", "st_stage", "--export-dir", in.toString(), "-m", "1");
    assertEquals(1, r.exit, r.toString());
    assertTrue(r.err.contains("part-m-00000 line 45"), r.err);
    assertTrue(r.err.contains("st_target was not changed"), r.err);
    assertEquals(1, DB.count("st_target"));

    CliRun plain = sqoop("export", "-D", "sqoop.export.records.per.statement=10", "-D", "sqoop.export.statements.per.transaction=1",
        "--connect", DB.url(), "--username", "root", "--table", "st_target", "--export-dir", in.toString(), "-m", "1");
    assertEquals(1, plain.exit, plain.toString());
    assertTrue(plain.err.contains("Exactly 40 rows were committed"), plain.err);
    assertEquals(41, DB.count("st_target"));
  }

  @Test
  void passwordStaysOutOfJobXmlLogsAndErrors() throws Exception {
    String password = "Pw-" + TestDatabases.uniqueName("s3cret");
    String user = TestDatabases.uniqueName("hkuser").substring(0, 16);
    exec("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
    exec("CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + password + "'");
    exec("GRANT ALL ON " + DB.name() + ".* TO '" + user + "'@'%'");
    exec("GRANT ALL ON " + DB.name() + ".* TO '" + user + "'@'localhost'");
    try {
      Path hadoopTmp = tmp.resolve("hadoop-tmp");
      JobFileWatcher watcher = new JobFileWatcher(hadoopTmp);
      watcher.start();
      Path target = tmp.resolve("pw");
      CliRun r = sqoop("import", "--connect", DB.url(), "--username", user, "--password", password, "--table", "nokey", "-m", "1",
          "--target-dir", target.toString());
      watcher.stop();
      assertEquals(0, r.exit, r.toString());
      assertTrue(r.err.contains("Setting your password on the command-line is insecure"), r.err);
      assertTrue(watcher.seenJobXml(), "the watcher saw the job.xml of the local job: " + watcher.names());
      assertFalse(watcher.anyContains(password), "password found in a job file");
      assertFalse(r.out.contains(password) || r.err.contains(password));
      assertEquals(List.of("1,x", "2,y"), readParts(target));

      Path pwFile = tmp.resolve("pw.txt");
      Files.writeString(pwFile, "wrong-" + password + "\n");
      CliRun bad = sqoop("list-tables", "--connect", DB.url(), "--username", user, "--password-file", pwFile.toString());
      assertEquals(1, bad.exit, bad.toString());
      assertFalse(bad.err.contains(password), bad.err);
      Files.writeString(pwFile, password + "\n");
      CliRun good = sqoop("list-tables", "--connect", DB.url(), "--username", user, "--password-file", pwFile.toString());
      assertEquals(0, good.exit, good.toString());
      assertTrue(good.out.contains("items"), good.out);
    } finally {
      exec("DROP USER '" + user + "'@'%'");
      exec("DROP USER '" + user + "'@'localhost'");
    }
  }

  @Test
  void badInputGivesOneClearLineAndWritesNothing() {
    Path target = tmp.resolve("never");
    CliRun table = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "no_such_table", "--target-dir", target.toString());
    assertEquals(1, table.exit);
    assertTrue(table.err.contains("Table no_such_table does not exist"), table.err);
    CliRun column = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "items", "--columns", "id,nope",
        "--target-dir", target.toString());
    assertEquals(1, column.exit);
    assertTrue(column.err.contains("Column nope (from --columns) does not exist in table items"), column.err);
    CliRun conditions = sqoop("import", "--connect", DB.url(), "--username", "root", "--query", "SELECT * FROM items",
        "--target-dir", target.toString());
    assertEquals(2, conditions.exit);
    assertTrue(conditions.err.contains("must contain '$CONDITIONS'"), conditions.err);
    CliRun escape = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "items", "--fields-terminated-by", "\\q",
        "--target-dir", target.toString());
    assertEquals(2, escape.exit);
    assertTrue(escape.err.contains("Invalid escape '\\q' for --fields-terminated-by"), escape.err);
    CliRun noKey = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "nokey", "--target-dir", target.toString());
    assertEquals(2, noKey.exit);
    assertTrue(noKey.err.contains("No primary key could be found for table nokey"), noKey.err);
    for (CliRun r : List.of(table, column, conditions, escape, noKey)) {
      assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    }
    assertFalse(Files.exists(target), "nothing written");
  }

  @Test
  void evalAndListTablesPrintResults() {
    CliRun eval = sqoop("eval", "--connect", DB.url(), "--username", "root", "--query", "SELECT COUNT(*) AS n FROM items");
    assertEquals(0, eval.exit, eval.toString());
    assertTrue(eval.out.contains("| " + ItemsTable.ROWS + " "), eval.out);
    CliRun list = sqoop("list-tables", "--connect", DB.url(), "--username", "root");
    assertEquals(0, list.exit);
    assertTrue(list.out.lines().collect(Collectors.toList()).containsAll(List.of("items", "nokey")), list.out);
  }
}
