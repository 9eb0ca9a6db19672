package dev.hadoopkit.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code sqoop import} and staged {@code sqoop export} (IngestMain, what bin/sqoop runs) against the real MariaDB,
 * killed with SIGKILL or SIGTERM at a seed-chosen moment: from the start, or after the run's temporary directory
 * appears. Invariants, checked with plain SQL and java.nio: no row lost or duplicated, no partial output visible
 * (an import's target is absent or complete; a staged export's table is empty or complete), the rerun succeeds and
 * removes the killed run's leftovers (issue 15 defect 9), no process left. The import rounds log in with a
 * --password-file and look for the password in the process table while they run and in every file they leave.
 *
 * <p>Kill tests that are not seeded live beside the code: ingest's LeftoversIT (defect 9) and JobLockIT (defect 7).
 */
@Tag("faults")
class ImportExportFaultsIT {
  private static final int ROWS = 150_000;
  private static final String MAIN = "dev.hadoopkit.ingest.IngestMain";
  private static final String USER = "hk_faults";
  private static MariaDb db;
  /** The import rounds log in with this, from a --password-file, and look for it everywhere afterwards. */
  private static String secret;

  @TempDir
  Path root;

  @BeforeAll
  static void createTables() throws Exception {
    db = MariaDb.fresh("hk_faults_ingest");
    db.execute("CREATE TABLE src (id INT PRIMARY KEY, v VARCHAR(40))",
        "INSERT INTO src SELECT seq, CONCAT('value-', seq) FROM seq_1_to_" + ROWS,
        // No key on the export target: a duplicated row is counted, not refused.
        "CREATE TABLE dst (id INT, v VARCHAR(40))", "CREATE TABLE dst_stage (id INT, v VARCHAR(40))");
    secret = "Fault-" + Long.toHexString(new java.security.SecureRandom().nextLong());
    for (String host : List.of("%", "localhost", "127.0.0.1")) {
      db.execute("DROP USER IF EXISTS '" + USER + "'@'" + host + "'",
          "CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + secret + "'",
          "GRANT ALL ON hk_faults_ingest.* TO '" + USER + "'@'" + host + "'");
    }
  }

  @AfterAll
  static void dropTables() throws Exception {
    for (String host : List.of("%", "localhost", "127.0.0.1")) {
      db.execute("DROP USER IF EXISTS '" + USER + "'@'" + host + "'");
    }
    db.drop();
  }

  private List<String> importArgs(Path dir, Path target, boolean delete) {
    List<String> args = new ArrayList<>(List.of("import", "-D", "hadoop.tmp.dir=" + dir.resolve("hadoop-tmp"),
        "--connect", db.url(), "--username", USER, "--password-file", dir.resolve("password").toString(),
        "--table", "src", "--split-by", "id", "-m", "2", "--target-dir", target.toString()));
    if (delete) {
      args.add("--delete-target-dir");
    }
    return args;
  }

  /** Every id 1..ROWS exactly once, read from the part files. */
  private static void assertCompleteImport(Path target, String when) throws Exception {
    assertTrue(Files.exists(target.resolve("_SUCCESS")), when + ": a visible target must be complete, has no _SUCCESS: "
        + target);
    List<String> lines = OutputDirs.partLines(target);
    BitSet seen = new BitSet(ROWS + 1);
    for (String line : lines) {
      int id = Integer.parseInt(line.substring(0, line.indexOf(',')));
      assertEquals("value-" + id, line.substring(line.indexOf(',') + 1), when + ": row " + line);
      assertTrue(id >= 1 && id <= ROWS && !seen.get(id), when + ": row " + id + " duplicated or unknown");
      seen.set(id);
    }
    assertEquals(ROWS, lines.size(), when + ": rows in " + target);
  }

  @Test
  void importKilledAtASeededMomentLeavesNoPartialTargetAndReruns() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(60L * FaultPlan.fromSystemProperties().rounds() + 30), () ->
        FaultRounds.run("sqoop-import", (round, random) -> {
          Path dir = Files.createDirectories(root.resolve("import-" + round));
          Path target = dir.resolve("out");
          Path password = Files.writeString(dir.resolve("password"), secret, StandardCharsets.UTF_8);
          KillPoint point = KillPoint.choose(random, 3_200, 1_500);
          SecretWatch watch = new SecretWatch(secret, dir.toString());
          ChildJvm run = ChildJvm.start(dir, dir.resolve("killed.log"), dir.toString(), Map.of(), MAIN,
              importArgs(dir, target, false));
          ChildJvm.Kill kill = run.kill(point, () -> OutputDirs.hasHiddenSibling(target), 20_000);
          String when = "after " + point + " (exit " + kill.exitCode() + ")";
          if (!kill.sent()) {
            assertEquals(0, kill.exitCode(), "the import ended before the signal, and failed: " + run.output());
          }
          if (Files.exists(target)) {
            assertCompleteImport(target, when);
          }
          assertEquals(List.of(), ChildJvm.leftovers(dir.toString(), kill.descendants(), 5_000),
              when + ": processes left");

          ChildJvm rerun = ChildJvm.start(dir, dir.resolve("rerun.log"), dir.toString(), Map.of(), MAIN,
              importArgs(dir, target, true));
          assertEquals(0, rerun.await(60), "the rerun " + when + " failed: " + rerun.output());
          watch.close();
          assertCompleteImport(target, "the rerun " + when);
          assertEquals(List.of(), watch.places(dir, password), when + ": the password from --password-file must "
              + "stay out of process lists, logs, job files, output and leftovers");
          assertEquals(List.of(), OutputDirs.hiddenSiblings(target),
              "the rerun " + when + " must remove the killed run's leftovers (issue 15 defect 9)");
          return new FaultRounds.Outcome(point, kill.sent());
        }));
  }

  private List<String> exportArgs(Path exportDir) {
    return List.of("export", "--connect", db.url(), "--username", "root", "--table", "dst", "--staging-table",
        "dst_stage", "--clear-staging-table", "--export-dir", exportDir.toString(), "-m", "2");
  }

  private void assertTargetEmptyOrComplete(String when) throws Exception {
    long rows = db.single("SELECT COUNT(*) FROM dst");
    assertTrue(rows == 0 || rows == ROWS, when + ": the staged export's table must be untouched or complete, has "
        + rows + " of " + ROWS + " rows");
    if (rows == ROWS) {
      assertEquals(ROWS, db.single("SELECT COUNT(DISTINCT id) FROM dst"), when + ": distinct ids");
      assertEquals(ROWS, db.single("SELECT COUNT(*) FROM dst WHERE v = CONCAT('value-', id)"), when + ": values");
    }
  }

  @Test
  void stagedExportKilledAtASeededMomentLeavesTheTableUntouchedAndReruns() throws Exception {
    Path exportDir = Files.createDirectories(root.resolve("export-input"));
    StringBuilder lines = new StringBuilder(ROWS * 16);
    for (int id = 1; id <= ROWS; id++) {
      lines.append(id).append(",value-").append(id).append('\n');
    }
    Files.writeString(exportDir.resolve("part-m-00000"), lines, StandardCharsets.UTF_8);
    assertTimeoutPreemptively(Duration.ofSeconds(70L * FaultPlan.fromSystemProperties().rounds() + 30), () ->
        FaultRounds.run("sqoop-export-staged", (round, random) -> {
          db.execute("TRUNCATE TABLE dst", "TRUNCATE TABLE dst_stage");
          Path dir = Files.createDirectories(root.resolve("export-" + round));
          KillPoint point = KillPoint.choose(random, 6_000, 2_500);
          ChildJvm run = ChildJvm.start(dir, dir.resolve("killed.log"), dir.toString(), Map.of(), MAIN,
              exportArgs(exportDir));
          ChildJvm.Kill kill = run.kill(point, () -> stagedRows() > 0, 20_000);
          String when = "after " + point + " (exit " + kill.exitCode() + ")";
          if (!kill.sent()) {
            assertEquals(0, kill.exitCode(), "the export ended before the signal, and failed: " + run.output());
          }
          assertTargetEmptyOrComplete(when);
          assertEquals(List.of(), ChildJvm.leftovers(dir.toString(), kill.descendants(), 5_000),
              when + ": processes left");
          if (db.single("SELECT COUNT(*) FROM dst") == 0) {
            ChildJvm rerun = ChildJvm.start(dir, dir.resolve("rerun.log"), dir.toString(), Map.of(), MAIN,
                exportArgs(exportDir));
            assertEquals(0, rerun.await(90), "the rerun " + when + " failed: " + rerun.output());
            assertEquals(ROWS, db.single("SELECT COUNT(*) FROM dst"), "the rerun " + when + ": rows");
            assertTargetEmptyOrComplete("the rerun " + when);
            assertEquals(List.of(), OutputDirs.hiddenSiblings(exportDir),
                "the rerun " + when + " must remove the killed run's leftovers (issue 15 defect 9)");
          }
          return new FaultRounds.Outcome(point, kill.sent());
        }));
  }

  private List<String> job(Path meta, String... args) {
    List<String> all = new ArrayList<>(List.of("job", "-D", "hadoopkit.ingest.metastore.dir=" + meta));
    all.addAll(List.of(args));
    return all;
  }

  /** The ids in the target's part files, each checked once: 1..expected exactly. */
  private static void assertIdsExactly(Path target, int expected, String when) throws Exception {
    BitSet seen = new BitSet();
    List<String> lines = OutputDirs.partLines(target);
    for (String line : lines) {
      int id = Integer.parseInt(line.substring(0, line.indexOf(',')));
      assertTrue(!seen.get(id), when + ": row " + id + " imported twice");
      seen.set(id);
    }
    assertEquals(expected, lines.size(), when + ": rows in " + target);
    assertEquals(expected, seen.cardinality(), when + ": distinct ids");
    assertEquals(expected, seen.length() - 1, when + ": highest id");
  }

  private static String lastValue(ChildJvm show) throws Exception {
    assertEquals(0, show.await(60), "job --show failed: " + show.output());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("last[-.]value\\D*(\\d+)").matcher(show.output());
    assertTrue(m.find(), "job --show prints no last-value: " + show.output());
    return m.group(1);
  }

  @Test
  void incrementalExecKilledAtASeededMomentKeepsTheLastValueAndReruns() throws Exception {
    int first = 40_000;
    db.execute("CREATE TABLE inc (id INT PRIMARY KEY, v VARCHAR(40))",
        "INSERT INTO inc SELECT seq, CONCAT('value-', seq) FROM seq_1_to_" + first);
    assertTimeoutPreemptively(Duration.ofSeconds(80L * FaultPlan.fromSystemProperties().rounds() + 30), () ->
        FaultRounds.run("sqoop-incremental", (round, random) -> {
          Path dir = Files.createDirectories(root.resolve("incremental-" + round));
          Path meta = dir.resolve("meta");
          Path target = dir.resolve("events");
          db.execute("DELETE FROM inc WHERE id > " + first);
          String marker = dir.toString();
          ChildJvm create = ChildJvm.start(dir, dir.resolve("create.log"), marker, Map.of(), MAIN, job(meta,
              "--create", "inc", "--", "import", "--connect", db.url(), "--username", "root", "--table", "inc",
              "--incremental", "append", "--check-column", "id", "-m", "2", "--target-dir", target.toString()));
          assertEquals(0, create.await(60), create.output());
          ChildJvm exec = ChildJvm.start(dir, dir.resolve("exec1.log"), marker, Map.of(), MAIN, job(meta, "--exec",
              "inc"));
          assertEquals(0, exec.await(60), exec.output());
          assertEquals(Integer.toString(first), lastValue(ChildJvm.start(dir, dir.resolve("show1.log"), marker,
              Map.of(), MAIN, job(meta, "--show", "inc"))));
          int total = first + ROWS;
          db.execute("INSERT INTO inc SELECT seq, CONCAT('value-', seq) FROM seq_" + (first + 1) + "_to_" + total);

          KillPoint point = KillPoint.choose(random, 3_200, 1_500);
          ChildJvm run = ChildJvm.start(dir, dir.resolve("killed.log"), marker, Map.of(), MAIN, job(meta, "--exec",
              "inc"));
          ChildJvm.Kill kill = run.kill(point, () -> OutputDirs.hasHiddenSibling(target), 20_000);
          String when = "after " + point + " (exit " + kill.exitCode() + ")";
          if (!kill.sent()) {
            assertEquals(0, kill.exitCode(), "the exec ended before the signal, and failed: " + run.output());
          }
          assertEquals(List.of(), ChildJvm.leftovers(marker, kill.descendants(), 5_000), when + ": processes left");
          String saved = lastValue(ChildJvm.start(dir, dir.resolve("show2.log"), marker, Map.of(), MAIN,
              job(meta, "--show", "inc")));
          assertTrue(saved.equals(Integer.toString(first)) || saved.equals(Integer.toString(total)),
              when + ": last-value " + saved);
          // The saved value and the rows agree: the rows after the kill are 1..last-value, none twice.
          assertIdsExactly(target, Integer.parseInt(saved), when);

          ChildJvm rerun = ChildJvm.start(dir, dir.resolve("rerun.log"), marker, Map.of(), MAIN, job(meta, "--exec",
              "inc"));
          assertEquals(0, rerun.await(60), "the rerun " + when + " failed: " + rerun.output());
          assertIdsExactly(target, total, "the rerun " + when);
          assertEquals(Integer.toString(total), lastValue(ChildJvm.start(dir, dir.resolve("show3.log"), marker,
              Map.of(), MAIN, job(meta, "--show", "inc"))), "the rerun " + when + ": last-value");
          return new FaultRounds.Outcome(point, kill.sent());
        }));
  }

  private static long stagedRows() {
    try {
      return db.single("SELECT COUNT(*) FROM dst_stage");
    } catch (java.sql.SQLException e) {
      return 0;
    }
  }
}
