package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Incremental imports, saved jobs, import-all-tables and the Hive message, against the real local MariaDB. */
class SavedJobsIT {
  @RegisterExtension
  static final ScratchDatabase DB = ScratchDatabase.mariaDb("hk_it_jobs", (c, s) -> {
    s.execute("CREATE TABLE events (id INT PRIMARY KEY, v VARCHAR(20), updated DATETIME)");
    insertEvents(s, 1, 10, "2020-01-01 00:00:00");
    s.execute("CREATE TABLE small (id INT PRIMARY KEY, name VARCHAR(20))");
    s.execute("INSERT INTO small VALUES (1,'a'),(2,'b'),(3,'c')");
    s.execute("CREATE TABLE skipme (x INT)");
    s.execute("CREATE TABLE changes (id INT PRIMARY KEY, v VARCHAR(20), updated DATETIME)");
    for (int i = 1; i <= 15; i++) {
      s.execute("INSERT INTO changes VALUES (" + i + ", 'c" + i + "', '" + (i <= 10 ? "2020-01-01" : "2020-01-02") + " 00:00:00')");
    }
  });

  @TempDir
  Path tmp;

  static void insertEvents(Statement s, int from, int to, String updated) throws SQLException {
    for (int i = from; i <= to; i++) {
      s.execute("INSERT INTO events VALUES (" + i + ", 'e" + i + "', '" + updated + "')");
    }
  }

  private CliRun sqoop(String... args) {
    return CliRun.run(tmp.resolve("hadoop-tmp"), args);
  }

  private CliRun job(String... args) {
    return CliRun.job(tmp, args);
  }

  private static List<Integer> ids(Path dir) throws Exception {
    return MariaDbIngestIT.readParts(dir).stream().map(l -> Integer.parseInt(l.substring(0, l.indexOf(','))))
        .sorted().collect(Collectors.toList());
  }

  @Test
  void savedIncrementalJobAdvancesLastValueOnlyAfterSuccess() throws Exception {
    Path target = tmp.resolve("events");
    CliRun create = job("--create", "inc", "--", "import", "--connect", DB.url(), "--username", "root", "--password", "notsaved-xyz",
        "--table", "events", "--columns", "id,v", "--incremental", "append", "--check-column", "id", "-m", "2",
        "--target-dir", target.toString());
    assertEquals(0, create.exit, create.toString());
    try (Stream<Path> files = Files.list(tmp.resolve("meta"))) {
      for (Path f : files.collect(Collectors.toList())) {
        assertFalse(Files.readString(f).contains("notsaved-xyz"), "password saved in " + f);
      }
    }
    assertEquals(0, job("--exec", "inc").exit);
    assertEquals(IntStream.rangeClosed(1, 10).boxed().collect(Collectors.toList()), ids(target));
    assertTrue(job("--show", "inc").out.contains("incremental.last.value = 10\n"));

    try (Connection c = DB.connect(); Statement s = c.createStatement()) {
      insertEvents(s, 11, 15, "2020-01-02 00:00:00");
    }
    CliRun second = job("--exec", "inc");
    assertEquals(0, second.exit, second.toString());
    assertTrue(second.err.contains("--last-value 15"), second.err);
    assertEquals(IntStream.rangeClosed(1, 15).boxed().collect(Collectors.toList()), ids(target));

    try (Connection c = DB.connect(); Statement s = c.createStatement()) {
      insertEvents(s, 16, 20, "2020-01-03 00:00:00");
    }
    // Fails inside the map task (the subquery returns several rows from id 18 on): nothing lands, nothing is saved.
    CliRun failed = job("--exec", "inc", "--", "-m", "1", "--where",
        "(SELECT e2.id FROM events e2 WHERE e2.id <= events.id - 17) IS NOT NULL OR id < 17");
    assertEquals(1, failed.exit, failed.toString());
    assertTrue(job("--show", "inc").out.contains("incremental.last.value = 15\n"));
    assertEquals(IntStream.rangeClosed(1, 15).boxed().collect(Collectors.toList()), ids(target));

    assertEquals(0, job("--exec", "inc").exit);
    assertEquals(IntStream.rangeClosed(1, 20).boxed().collect(Collectors.toList()), ids(target));
    assertTrue(job("--list").out.contains("  inc"));
    assertEquals(0, job("--delete", "inc").exit);
    assertFalse(job("--list").out.contains("  inc"));
  }

  /* Sqoop refuses --delete-target-dir with --incremental: it would delete every row imported before. */
  @Test
  void incrementalWithDeleteTargetDirIsRefusedAndKeepsEarlierImports() throws Exception {
    Path target = tmp.resolve("kept");
    CliRun first = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "small", "-m", "1",
        "--target-dir", target.toString());
    assertEquals(0, first.exit, first.toString());
    for (String mode : new String[] {"append", "lastmodified"}) {
      String checkColumn = mode.equals("append") ? "id" : "updated";
      CliRun r = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "events", "-m", "1",
          "--incremental", mode, "--check-column", checkColumn, "--delete-target-dir", "--target-dir", target.toString());
      assertEquals(2, r.exit, r.toString());
      assertTrue(r.err.contains("--delete-target-dir can not be used with --incremental " + mode), r.err);
      assertEquals(List.of("1,a", "2,b", "3,c"), sorted(MariaDbIngestIT.readParts(target)), "earlier import kept");

      CliRun create = job("--create", "inc-delete-" + mode, "--", "import", "--connect", DB.url(), "--username", "root",
          "--table", "events", "--incremental", mode, "--check-column", checkColumn, "--delete-target-dir",
          "--target-dir", target.toString());
      assertEquals(2, create.exit, create.toString());
      assertTrue(create.err.contains("--delete-target-dir can not be used with --incremental " + mode), create.err);
      assertFalse(job("--list").out.contains("inc-delete-" + mode), "job not saved");
    }
    // A job saved before this check existed: its --exec is refused the same way.
    CliRun create = job("--create", "inc-old", "--", "import", "--connect", DB.url(), "--username", "root", "--table", "events",
        "--incremental", "append", "--check-column", "id", "--target-dir", target.toString());
    assertEquals(0, create.exit, create.toString());
    CliRun exec = job("--exec", "inc-old", "--", "--delete-target-dir");
    assertEquals(2, exec.exit, exec.toString());
    assertTrue(exec.err.contains("--delete-target-dir can not be used with --incremental append"), exec.err);
    assertEquals(List.of("1,a", "2,b", "3,c"), sorted(MariaDbIngestIT.readParts(target)), "earlier import kept");
  }

  @Test
  void lastModifiedImportsChangedRowsAndPrintsNextValue() throws Exception {
    Path target = tmp.resolve("changed");
    CliRun r = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "changes", "--columns", "id,v", "-m", "1",
        "--incremental", "lastmodified", "--check-column", "updated", "--last-value", "2020-01-02 00:00:00",
        "--target-dir", target.toString());
    assertEquals(0, r.exit, r.toString());
    List<Integer> got = ids(target);
    assertEquals(IntStream.rangeClosed(11, 15).boxed().collect(Collectors.toList()), got);
    assertTrue(r.err.contains("--incremental lastmodified") && r.err.contains("--last-value 20"), r.err);
  }

  @Test
  void importAllTablesWritesOneDirectoryPerTable() throws Exception {
    Path warehouse = tmp.resolve("warehouse");
    CliRun r = sqoop("import-all-tables", "--connect", DB.url(), "--username", "root", "--warehouse-dir", warehouse.toString(),
        "--exclude-tables", "skipme", "--autoreset-to-one-mapper", "-m", "2");
    assertEquals(0, r.exit, r.toString());
    assertEquals(List.of("1,a", "2,b", "3,c"), sorted(MariaDbIngestIT.readParts(warehouse.resolve("small"))));
    assertTrue(Files.exists(warehouse.resolve("changes").resolve("_SUCCESS")));
    assertFalse(Files.exists(warehouse.resolve("skipme")));
  }

  private static List<String> sorted(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    Collections.sort(out);
    return out;
  }

  @Test
  void hiveImportPrintsTheExternalTableInsteadOfPretending() {
    Path target = tmp.resolve("hive");
    CliRun r = sqoop("import", "--connect", DB.url(), "--username", "root", "--table", "small", "--hive-import", "-m", "1",
        "--fields-terminated-by", "\\t", "--target-dir", target.toString());
    assertEquals(2, r.exit, r.toString());
    assertTrue(r.out.contains("CREATE EXTERNAL TABLE `small` (\n  `id` INT,\n  `name` STRING\n)"), r.out);
    assertTrue(r.out.contains("FIELDS TERMINATED BY '\\t'"), r.out);
    assertTrue(r.out.contains("LOCATION 'file:" + target), r.out);
    assertTrue(r.err.contains("--hive-import is not supported in this build"), r.err);
    assertFalse(Files.exists(target));
  }
}
