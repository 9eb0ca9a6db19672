package dev.hadoopkit.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import org.junit.jupiter.api.Test;

/** Commands that need no database: help, version, usage errors, not-supported messages. */
class HelpAndUsageTest {
  @Test
  void helpListsEveryTool() {
    CliRun r = CliRun.run(null, "help");
    assertEquals(0, r.exit);
    for (String tool : new String[] {"import", "export", "eval", "list-databases", "list-tables", "import-all-tables", "job", "merge", "version"}) {
      assertTrue(r.out.contains("  " + tool + " "), tool + " missing from:\n" + r.out);
    }
  }

  @Test
  void toolHelpShowsOptionsAndExamples() {
    CliRun r = CliRun.run(null, "import", "--help");
    assertEquals(0, r.exit);
    assertTrue(r.out.contains("--split-by <column>"), r.out);
    assertTrue(r.out.contains("Examples:"), r.out);
  }

  @Test
  void mergeHelpExplainsWhereColumnsComeFromAndMissingOptionsAreUsageErrors() {
    CliRun help = CliRun.run(null, "merge", "--help");
    assertEquals(0, help.exit);
    assertTrue(help.out.contains("--merge-key <column>"), help.out);
    assertTrue(help.out.contains("_hk_schema.properties"), help.out);
    CliRun missing = CliRun.run(null, "merge", "--onto", "/a", "--target-dir", "/b", "--merge-key", "id");
    assertEquals(2, missing.exit);
    assertTrue(missing.err.contains("Missing --new-data"), missing.err);
  }

  @Test
  void versionNamesSqoopCompatibility() {
    CliRun r = CliRun.run(null, "version");
    assertEquals(0, r.exit);
    assertTrue(r.out.startsWith("Sqoop 1.4.7-compatible"), r.out);
  }

  @Test
  void unknownToolAndOptionAreUsageErrors() {
    CliRun tool = CliRun.run(null, "imprt");
    assertEquals(2, tool.exit);
    assertTrue(tool.err.contains("No such sqoop tool: imprt"), tool.err);
    CliRun option = CliRun.run(null, "import", "--connect", "jdbc:mysql://x/y", "--tabel", "t");
    assertEquals(2, option.exit);
    assertTrue(option.err.contains("--tabel"), option.err);
  }

  @Test
  void sequenceFilesAndUnknownBinaryCodecsAreUsageErrorsBeforeConnecting() {
    CliRun sequence = CliRun.run(null, "import", "--connect", "jdbc:mysql://127.0.0.1:1/none", "--table", "t", "--as-sequencefile");
    assertEquals(2, sequence.exit);
    assertTrue(sequence.err.contains("--as-sequencefile is not supported in this build: use --as-parquetfile"), sequence.err);
    for (String format : new String[] {"--as-parquetfile", "--as-avrodatafile", "--as-orcfile"}) {
      CliRun r = CliRun.run(null, "import", "--connect", "jdbc:mysql://127.0.0.1:1/none", "--table", "t", format,
          "--compression-codec", "bzip2");
      assertEquals(2, r.exit, r.toString());
      assertTrue(r.err.contains("Invalid --compression-codec bzip2 for ") && r.err.contains("use snappy, zstd, gzip (deflate) or none"),
          r.err);
    }
    CliRun two = CliRun.run(null, "import", "--connect", "jdbc:mysql://127.0.0.1:1/none", "--table", "t", "--as-orcfile",
        "--as-parquetfile");
    assertEquals(2, two.exit);
    assertTrue(two.err.contains("Choose one output format, not --as-parquetfile and --as-orcfile"), two.err);
  }

  @Test
  void importHelpDescribesTheBinaryFormats() {
    CliRun r = CliRun.run(null, "help", "import");
    assertEquals(0, r.exit, r.toString());
    String text = r.out.replaceAll("\\s+", " ");
    assertTrue(text.contains("--as-parquetfile Parquet files part-m-NNNNN.parquet (snappy)"), r.out);
    assertTrue(text.contains("--as-orcfile ORC files part-m-NNNNN.orc (zstd)"), r.out);
    assertTrue(text.contains("--as-avrodatafile Avro data files part-m-NNNNN.avro (snappy); decimal, date, timestamp-millis"), r.out);
    assertTrue(text.contains("Avro/Parquet/ORC: snappy, zstd, gzip (deflate/zlib) or none"), r.out);
  }

  @Test
  void optionsFileMayHoldTheToolNameAsInSqoopsDocs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path file = tmp.resolve("import.txt");
    java.nio.file.Files.writeString(file, "#\n# Options file for Sqoop import\n#\n\n# Specifies the tool being invoked\n"
        + "list-tables\n\n# Connect parameter and value\n--connect\njdbc:oracle:thin:@x:1521/db\n");
    CliRun r = CliRun.run(null, "--options-file", file.toString());
    assertEquals(2, r.exit, r.toString());
    assertTrue(r.err.contains("supports jdbc:mysql:, jdbc:mariadb: and jdbc:postgresql:"), r.toString());
    java.nio.file.Files.writeString(file, "# the tool\nversion\n");
    CliRun version = CliRun.run(null, "--options-file", file.toString());
    assertEquals(0, version.exit, version.toString());
    assertTrue(version.out.startsWith("Sqoop 1.4.7-compatible"), version.out);
    CliRun empty = CliRun.run(null, "--options-file", tmp.resolve("none").toString());
    assertEquals(2, empty.exit, empty.toString());
    assertTrue(empty.err.contains("Cannot read options file"), empty.err);
  }

  @Test
  void schemaAfterDoubleDashIsForPostgresOnly() {
    CliRun r = CliRun.run(null, "list-tables", "--connect", "jdbc:mysql://127.0.0.1:1/db", "--", "--schema", "x");
    assertEquals(2, r.exit, r.toString());
    assertTrue(r.err.contains("-- --schema x applies to PostgreSQL connections only"), r.err);
  }

  @Test
  void sqoopOptionsThisToolDoesNotSupportSaySoAndWhatToUse() {
    String[][] cases = {
        {"import", "--hbase-table", "t", "HBase"},
        {"import", "--column-family", "cf", "HBase"},
        {"import", "--hbase-row-key", "id", "HBase"},
        {"import", "--hbase-create-table", null, "HBase"},
        {"import", "--accumulo-table", "t", "Accumulo"},
        {"import", "--accumulo-zookeepers", "zk:2181", "Accumulo"},
        {"import", "--validate", null, "Retrieved"},
        {"export", "--validator", "org.apache.sqoop.validation.RowCountValidator", "Exported"},
        {"import", "--temporary-rootdir", "/tmp/x", "hidden sibling"},
        {"import", "--schema", "s", "-- --schema"},
        {"import", "--hcatalog-home", "/x", "HCatalog"},
    };
    for (String[] c : cases) {
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(c[0], "--connect",
          "jdbc:mysql://127.0.0.1:1/db", "--table", "t", c[1]));
      if (c[2] != null) {
        args.add(c[2]);
      }
      CliRun r = CliRun.run(null, args.toArray(new String[0]));
      assertEquals(2, r.exit, r.toString());
      assertTrue(r.err.contains(c[1] + " is a Sqoop 1.4.7 option this tool does not support: "), r.err);
      assertTrue(r.err.contains(c[3]), c[1] + ": " + r.err);
      assertEquals(1, r.err.strip().split("\n").length, r.err);
    }
  }

  @Test
  void unknownOptionNamesTheClosestOption() {
    CliRun r = CliRun.run(null, "import", "--connect", "jdbc:mysql://x/y", "--tabel", "t");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("Unrecognized option: --tabel (did you mean --table?)"), r.err);
    CliRun far = CliRun.run(null, "export", "--connect", "jdbc:mysql://x/y", "--zzzzqqq");
    assertEquals(2, far.exit);
    assertTrue(far.err.contains("Unrecognized option: --zzzzqqq. Run 'sqoop help export'"), far.err);
  }

  /* Sqoop refuses these combinations; each is refused before connecting (port 1 would fail with exit 1). */
  @Test
  void combinationsSqoopRefusesAreUsageErrors() {
    CliRun dirs = CliRun.run(null, "import", "--connect", "jdbc:mysql://127.0.0.1:1/db", "--table", "t", "--target-dir",
        "/a", "--warehouse-dir", "/b");
    assertEquals(2, dirs.exit, dirs.toString());
    assertTrue(dirs.err.contains("Can't combine --target-dir and --warehouse-dir"), dirs.err);
    CliRun reset = CliRun.run(null, "import", "--connect", "jdbc:mysql://127.0.0.1:1/db", "--table", "t",
        "--autoreset-to-one-mapper", "--split-by", "id");
    assertEquals(2, reset.exit, reset.toString());
    assertTrue(reset.err.contains("--autoreset-to-one-mapper and --split-by cannot be used together"), reset.err);
    CliRun driver = CliRun.run(null, "list-tables", "--connect", "jdbc:mysql://127.0.0.1:1/db", "--driver",
        "com.example.NoSuchDriver");
    assertEquals(2, driver.exit, driver.toString());
    assertTrue(driver.err.contains("Cannot use --driver com.example.NoSuchDriver: this build bundles"), driver.err);
    CliRun limit = CliRun.run(null, "import", "--connect", "jdbc:mysql://127.0.0.1:1/db", "--table", "t",
        "--split-limit", "0");
    assertEquals(2, limit.exit, limit.toString());
    assertTrue(limit.err.contains("Invalid --split-limit 0"), limit.err);
  }

  @Test
  void unsupportedUrlIsRejected() {
    CliRun r = CliRun.run(null, "list-tables", "--connect", "jdbc:oracle:thin:@x:1521/db");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("supports jdbc:mysql:, jdbc:mariadb: and jdbc:postgresql:"), r.err);
  }

  @Test
  void wrongDriverForUrlIsRejected() {
    CliRun r = CliRun.run(null, "list-tables", "--connect", "jdbc:postgresql://x/db", "--driver", "com.mysql.jdbc.Driver");
    assertEquals(2, r.exit);
    assertTrue(r.err.contains("Invalid --driver com.mysql.jdbc.Driver"), r.err);
  }
}
