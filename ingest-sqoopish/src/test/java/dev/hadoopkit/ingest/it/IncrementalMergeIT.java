package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.TestDatabases;
import dev.hadoopkit.ingest.imports.ImportManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --incremental lastmodified --merge-key} against MariaDB: changed rows replace their older versions in
 * the target directory, which a full import of the table then equals line for line.
 */
class IncrementalMergeIT {
  private static final Pattern LAST_VALUE = Pattern.compile("(?m)^incremental\\.last\\.value = (.*)$");

  @TempDir
  Path tmp;

  private String db;
  private String url;

  @BeforeEach
  void createTable() throws SQLException {
    db = TestDatabases.uniqueName("hk_it_merge");
    url = TestDatabases.createMariaDb(db);
    exec("CREATE TABLE stock (id INT PRIMARY KEY, name VARCHAR(20), qty INT, updated DATETIME NOT NULL)");
    for (int i = 1; i <= 5; i++) {
      exec("INSERT INTO stock VALUES (" + i + ", 'item " + i + "', " + (i * 10) + ", '2020-01-01 00:00:00')");
    }
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    TestDatabases.dropMariaDb(db);
  }

  private void exec(String sql) throws SQLException {
    try (Connection c = TestDatabases.mariaDb(db); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private CliRun sqoop(String... args) {
    return CliRun.run(tmp.resolve("hadoop-tmp"), args);
  }

  private CliRun lastModified(Path target, String lastValue, String... more) {
    List<String> args = new ArrayList<>(List.of("import", "--connect", url, "--username", "root", "--table", "stock",
        "-m", "2", "--incremental", "lastmodified", "--check-column", "updated", "--merge-key", "id",
        "--target-dir", target.toString()));
    if (lastValue != null) {
      args.addAll(List.of("--last-value", lastValue));
    }
    Collections.addAll(args, more);
    return sqoop(args.toArray(new String[0]));
  }

  /** The oracle: the whole table imported afresh, as sorted lines. */
  private List<String> fullImport() throws IOException {
    Path all = tmp.resolve("all-" + System.nanoTime());
    CliRun r = sqoop("import", "--connect", url, "--username", "root", "--table", "stock", "-m", "1", "--target-dir",
        all.toString());
    assertEquals(0, r.exit, r.toString());
    return dataLines(all);
  }

  private static List<String> dataLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).collect(Collectors.toList())) {
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    Collections.sort(lines);
    return lines;
  }

  private static List<String> ids(List<String> lines) {
    return lines.stream().map(l -> l.substring(0, l.indexOf(','))).sorted().collect(Collectors.toList());
  }

  @Test
  void secondImportReplacesTheChangedRowAndAddsTheNewOne() throws Exception {
    Path target = tmp.resolve("stock");
    CliRun first = lastModified(target, "2000-01-01 00:00:00");
    assertEquals(0, first.exit, first.toString());
    assertEquals(5, dataLines(target).size());
    assertTrue(Files.exists(target.resolve(ImportManifest.FILE_NAME)), "the import describes its files for merge");

    exec("UPDATE stock SET qty = 99, updated = '2021-06-01 00:00:00' WHERE id = 2");
    exec("INSERT INTO stock VALUES (6, 'item 6', 60, '2021-06-01 00:00:00')");
    CliRun second = lastModified(target, "2021-01-01 00:00:00");

    assertEquals(0, second.exit, second.toString());
    assertTrue(second.err.contains("Retrieved 2 records."), second.err);
    assertTrue(second.err.contains("Merged 2 new and 5 existing records on id"), second.err);
    List<String> merged = dataLines(target);
    assertEquals(List.of("1", "2", "3", "4", "5", "6"), ids(merged), "one row per key: " + merged);
    assertTrue(merged.stream().anyMatch(l -> l.startsWith("2,item 2,99,2021-06-01")), merged.toString());
    assertFalse(merged.stream().anyMatch(l -> l.startsWith("2,item 2,20,")), merged.toString());
    assertEquals(fullImport(), merged);
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".stock"))
          .collect(Collectors.toList()), "no work directory left behind");
    }
  }

  @Test
  void savedJobStoresTheNewLastValueOnlyAfterTheMergeCommitted() throws Exception {
    Path target = tmp.resolve("stock");
    Path meta = tmp.resolve("meta");
    CliRun create = sqoop("job", "-D", "hadoopkit.ingest.metastore.dir=" + meta, "--create", "stock", "--", "import",
        "--connect", url, "--username", "root", "--table", "stock", "-m", "1", "--incremental", "lastmodified",
        "--check-column", "updated", "--merge-key", "id", "--target-dir", target.toString());
    assertEquals(0, create.exit, create.toString());
    CliRun first = sqoop("job", "-D", "hadoopkit.ingest.metastore.dir=" + meta, "--exec", "stock");
    assertEquals(0, first.exit, first.toString());
    String saved = lastValue(sqoop("job", "-D", "hadoopkit.ingest.metastore.dir=" + meta, "--show", "stock").out);

    // A row changed at exactly the saved instant is picked up by the next run (>= last value, < the server's now).
    exec("UPDATE stock SET qty = 77, updated = '" + saved + "' WHERE id = 3");
    // A run whose merge fails (the target holds other columns) keeps the target and the saved value as they were.
    Path other = tmp.resolve("other");
    assertEquals(0, sqoop("import", "--connect", url, "--username", "root", "--table", "stock", "--columns", "id,name",
        "-m", "1", "--target-dir", other.toString()).exit);
    List<String> before = dataLines(target);
    Thread.sleep(1100);
    CliRun failed = sqoop("job", "-D", "hadoopkit.ingest.metastore.dir=" + meta, "--exec", "stock", "--",
        "--target-dir", other.toString());
    assertEquals(1, failed.exit, failed.toString());
    assertTrue(failed.err.contains("imported with different columns or delimiters"), failed.err);
    assertEquals(List.of("1,item 1", "2,item 2", "3,item 3", "4,item 4", "5,item 5"), dataLines(other));
    assertEquals(saved, lastValue(sqoop("job", "-D", "hadoopkit.ingest.metastore.dir=" + meta, "--show", "stock").out));

    CliRun second = sqoop("job", "-D", "hadoopkit.ingest.metastore.dir=" + meta, "--exec", "stock");
    assertEquals(0, second.exit, second.toString());
    assertTrue(second.err.contains("Retrieved 1 records."), second.err);
    List<String> merged = dataLines(target);
    assertEquals(before.size(), merged.size());
    assertTrue(merged.stream().anyMatch(l -> l.startsWith("3,item 3,77,")), merged.toString());
    assertEquals(fullImport(), merged);
    String next = lastValue(sqoop("job", "-D", "hadoopkit.ingest.metastore.dir=" + meta, "--show", "stock").out);
    assertTrue(next.compareTo(saved) > 0, next + " after " + saved);
  }

  @Test
  void mergeKeyNeedsLastModifiedAndText() {
    CliRun append = sqoop("import", "--connect", url, "--username", "root", "--table", "stock", "--incremental", "append",
        "--check-column", "id", "--merge-key", "id", "--target-dir", tmp.resolve("a").toString());
    assertEquals(2, append.exit, append.toString());
    assertTrue(append.err.contains("--merge-key applies to --incremental lastmodified imports"), append.err);
    CliRun replace = sqoop("import", "--connect", url, "--username", "root", "--table", "stock", "--incremental",
        "lastmodified", "--check-column", "updated", "--merge-key", "id", "--delete-target-dir", "--target-dir",
        tmp.resolve("r").toString());
    assertEquals(2, replace.exit, replace.toString());
    assertTrue(replace.err.contains("--merge-key and --delete-target-dir cannot be used together"), replace.err);
    CliRun existingWithoutKey = sqoop("import", "--connect", url, "--username", "root", "--table", "stock", "-m", "1",
        "--incremental", "lastmodified", "--check-column", "updated", "--target-dir", tmp.toString());
    assertEquals(1, existingWithoutKey.exit, existingWithoutKey.toString());
    assertTrue(existingWithoutKey.err.contains("--merge-key or --append is required"), existingWithoutKey.err);
  }

  private static String lastValue(String show) {
    Matcher m = LAST_VALUE.matcher(show);
    assertTrue(m.find(), show);
    return m.group(1);
  }
}
