package dev.hadoopkit.ingest.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.imports.ImportManifest;
import dev.hadoopkit.ingest.text.Delimiters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sqoop merge} on text directories with the local job runner (no database needed). */
class MergeCommandIT {
  private static final List<String> COLUMNS = List.of("id", "name", "v");

  @TempDir
  Path tmp;

  private CliRun sqoop(String... args) {
    return CliRun.run(tmp.resolve("hadoop-tmp"), args);
  }

  private static void importDir(Path dir, ImportManifest schema, String... parts) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < parts.length; i++) {
      Files.writeString(dir.resolve(String.format("part-m-%05d", i)), parts[i], StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("_SUCCESS"), "");
    if (schema != null) {
      schema.write(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(dir.toString()));
    }
  }

  private static ImportManifest text(Delimiters delimiters) {
    return new ImportManifest("TEXT", COLUMNS, delimiters, "null", "null", null);
  }

  static List<String> lines(Path dir, String prefix) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().collect(Collectors.toList())) {
        out.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** The oracle: every old line by key, then every new line by key on top. */
  private static List<String> expected(List<String> old, List<String> fresh) {
    Map<String, String> byKey = new TreeMap<>();
    for (List<String> side : List.of(old, fresh)) {
      for (String line : side) {
        byKey.put(line.substring(0, line.indexOf(',')), line);
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().collect(Collectors.toList());
  }

  @Test
  void newRowsReplaceOldOnesWithTheSameKeyAndTheRestIsKept() throws Exception {
    Path onto = tmp.resolve("old");
    Path fresh = tmp.resolve("new");
    Path target = tmp.resolve("merged");
    importDir(onto, text(Delimiters.MYSQL), "1,'a',old\n2,'b,c',old\n3,c,old\n", "4,d,old\n10,'x\ny',old\n");
    importDir(fresh, text(Delimiters.MYSQL), "2,'b,c',new\n5,e,new\n", "10,'x\nz',new\n");

    CliRun r = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir", target.toString(),
        "--merge-key", "id", "--class-name", "Items", "--jar-file", "/tmp/Items.jar");

    assertEquals(0, r.exit, r.toString());
    assertTrue(r.err.contains("--class-name and --jar-file are ignored"), r.err);
    assertTrue(r.err.contains("Merged 3 new and 5 older records into 6 records"), r.err);
    // Records with an enclosed line terminator span two lines; compare whole records.
    String merged = String.join("\n", lines(target, "part-r-")) + "\n";
    List<String> records = List.of(merged.split("\n(?=\\d+,)"));
    assertEquals(List.of("1,'a',old", "10,'x\nz',new", "2,'b,c',new", "3,c,old", "4,d,old", "5,e,new\n"),
        sorted(records));
    assertTrue(Files.exists(target.resolve(ImportManifest.FILE_NAME)));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".merged"))
          .collect(Collectors.toList()), "no work directory left behind");
    }
  }

  @Test
  void mergeOfManyRowsMatchesAMapOracle() throws Exception {
    Path onto = tmp.resolve("old");
    Path fresh = tmp.resolve("new");
    Path target = tmp.resolve("merged");
    List<String> old = new ArrayList<>();
    List<String> updates = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      old.add(i + ",n" + i + "," + (i * 7 % 13));
      if (i % 3 == 0) {
        updates.add(i + ",n" + i + ",updated" + i);
      }
    }
    for (int i = 3000; i < 3100; i++) {
      updates.add(i + ",n" + i + ",inserted");
    }
    importDir(onto, text(Delimiters.DEFAULT), String.join("\n", old.subList(0, 1500)) + "\n",
        String.join("\n", old.subList(1500, 3000)) + "\n");
    importDir(fresh, text(Delimiters.DEFAULT), String.join("\n", updates) + "\n");

    CliRun r = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir", target.toString(),
        "--merge-key", "ID");

    assertEquals(0, r.exit, r.toString());
    assertEquals(sorted(expected(old, updates)), sorted(lines(target, "part-r-")));
  }

  @Test
  void anExistingTargetIsRefusedAndLeftAlone() throws Exception {
    Path onto = tmp.resolve("old");
    Path fresh = tmp.resolve("new");
    importDir(onto, text(Delimiters.DEFAULT), "1,a,old\n");
    importDir(fresh, text(Delimiters.DEFAULT), "1,a,new\n");

    CliRun r = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir", onto.toString(),
        "--merge-key", "id");

    assertEquals(1, r.exit, r.toString());
    assertTrue(r.err.contains("already exists: sqoop merge writes a new directory"), r.err);
    assertEquals(List.of("1,a,old"), lines(onto, "part-"));
  }

  @Test
  void directoriesWithoutSchemaNeedColumnsAndDelimiters() throws Exception {
    Path onto = tmp.resolve("old");
    Path fresh = tmp.resolve("new");
    Path target = tmp.resolve("merged");
    importDir(onto, null, "1\ta\told\n2\tb\told\n");
    importDir(fresh, null, "2\tb\tnew\n");

    CliRun missing = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir",
        target.toString(), "--merge-key", "id");
    assertEquals(2, missing.exit, missing.toString());
    assertTrue(missing.err.contains("neither has " + ImportManifest.FILE_NAME) && missing.err.contains("--columns"),
        missing.err);

    CliRun wrongDelimiter = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir",
        target.toString(), "--merge-key", "id", "--columns", "id,name,v");
    assertEquals(1, wrongDelimiter.exit, wrongDelimiter.toString());
    assertTrue(wrongDelimiter.err.contains("line 1: expected 3 fields separated by ','"), wrongDelimiter.err);
    assertFalse(Files.exists(target));

    CliRun r = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir", target.toString(),
        "--merge-key", "id", "--columns", "id,name,v", "--fields-terminated-by", "\\t");
    assertEquals(0, r.exit, r.toString());
    assertEquals(List.of("1\ta\told", "2\tb\tnew"), sorted(lines(target, "part-r-")));
  }

  @Test
  void aNullKeyFailsWithFileAndLineAndWritesNothing() throws Exception {
    Path onto = tmp.resolve("old");
    Path fresh = tmp.resolve("new");
    Path target = tmp.resolve("merged");
    importDir(onto, text(Delimiters.DEFAULT), "1,a,old\n");
    importDir(fresh, text(Delimiters.DEFAULT), "1,a,new\nnull,b,new\n");

    CliRun r = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir", target.toString(),
        "--merge-key", "id");

    assertEquals(1, r.exit, r.toString());
    assertTrue(r.err.contains("part-m-00000 line 2: the merge key id is NULL"), r.err);
    assertFalse(Files.exists(target));
  }

  @Test
  void binaryImportsAndUnknownKeysAreRefusedWithTheReason() throws Exception {
    Path onto = tmp.resolve("old");
    Path fresh = tmp.resolve("new");
    importDir(onto, new ImportManifest("PARQUET", COLUMNS, Delimiters.DEFAULT, "null", "null", null));
    importDir(fresh, new ImportManifest("PARQUET", COLUMNS, Delimiters.DEFAULT, "null", "null", null));
    CliRun binary = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir",
        tmp.resolve("m1").toString(), "--merge-key", "id");
    assertEquals(1, binary.exit, binary.toString());
    assertTrue(binary.err.contains("Cannot merge parquet data") && binary.err.contains("text imports only"), binary.err);

    importDir(onto, text(Delimiters.DEFAULT), "1,a,old\n");
    importDir(fresh, text(Delimiters.DEFAULT), "1,a,new\n");
    CliRun unknown = sqoop("merge", "--new-data", fresh.toString(), "--onto", onto.toString(), "--target-dir",
        tmp.resolve("m2").toString(), "--merge-key", "key");
    assertEquals(1, unknown.exit, unknown.toString());
    assertTrue(unknown.err.contains("Column key (from --merge-key) is not among the imported columns"), unknown.err);
  }
}
