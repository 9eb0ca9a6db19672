package dev.hadoopkit.ingest.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.OptionSets;
import dev.hadoopkit.ingest.imports.OutputKind;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** An import's options are read once, with Sqoop's defaults and every check that needs no database. */
class ImportOptionsTest {
  private static ImportOptions parse(String... args) {
    return ImportOptions.from(Args.parse("import", OptionSets.forImport(), args), new Configuration(false), null);
  }

  @Test
  void defaultsAreSqoops() {
    ImportOptions o = parse("--table", "items");
    assertEquals(OutputKind.TEXT, o.kind());
    assertEquals(4, o.mappers());
    assertEquals("null", o.nullString());
    assertEquals("null", o.nullNonString());
    assertEquals(List.of(), o.columns());
    assertNull(o.incremental());
    assertNull(o.textCodec());
    assertNull(o.binaryCodec());
    assertNull(o.hiveDelimsReplacement());
    assertFalse(o.hiveRequested());
    assertEquals("items", o.sourceName());
  }

  @Test
  void everyOptionLandsInItsField() {
    ImportOptions o = parse("--table", "t", "--columns", "a, b", "--where", "a > 1", "-m", "8", "--split-by", "a",
        "--split-limit", "100", "--warehouse-dir", "/w", "--append", "--incremental", "append", "--check-column", "a",
        "--last-value", "7", "--as-parquetfile", "--compression-codec", "zstd", "--hive-drop-import-delims",
        "--mapreduce-job-name", "nightly", "--map-column-java", "a=Long");
    assertEquals(List.of("a", "b"), o.columns());
    assertEquals("a > 1", o.where());
    assertEquals(8, o.mappers());
    assertEquals("a", o.splitBy());
    assertEquals(100L, o.splitLimit());
    assertEquals("/w", o.warehouseDir());
    assertTrue(o.append());
    assertEquals(ImportOptions.Incremental.APPEND, o.incremental());
    assertEquals("7", o.lastValue());
    assertEquals(OutputKind.PARQUET, o.kind());
    assertEquals(Codec.ZSTD, o.binaryCodec());
    assertEquals("", o.hiveDelimsReplacement());
    assertEquals("nightly", o.jobName());
    assertEquals(List.of("a=Long"), o.mapColumnJava());
  }

  @Test
  void tableOverrideDropsTheQueryAndWhereOfImportAllTables() {
    ImportOptions o = ImportOptions.from(Args.parse("import-all-tables", OptionSets.forImportAll(),
        new String[] {"--warehouse-dir", "/w"}), new Configuration(false), "movies");
    assertEquals("movies", o.table());
    assertNull(o.query());
  }

  @Test
  void databaseFreeMistakesAreUsageErrors() {
    String[][] cases = {
        {"Missing --table or --query"},
        {"Cannot specify --query and --table together", "--table", "t", "--query", "SELECT 1 WHERE $CONDITIONS"},
        {"must contain '$CONDITIONS'", "--query", "SELECT 1", "--target-dir", "/d"},
        {"Invalid -m 0", "--table", "t", "-m", "0"},
        {"Invalid --incremental sideways", "--table", "t", "--incremental", "sideways"},
        {"--incremental append needs --check-column", "--table", "t", "--incremental", "append"},
        {"Invalid --compression-codec lzma", "--table", "t", "--as-avrodatafile", "--compression-codec", "lzma"}};
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      UsageException e = assertThrows(UsageException.class, () -> parse(args), c[0]);
      assertTrue(e.getMessage().contains(c[0]), e.getMessage());
    }
  }
}
