package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code codegen} and {@code create-hive-table} against the real MariaDB (issue 14 item 10). */
class HiveTableAndCodegenIT {
  @RegisterExtension
  static final ScratchDatabase DB = ScratchDatabase.mariaDb("hk_it_hive", (c, s) -> {
    s.execute("CREATE TABLE typed (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(12,3), born DATE, "
        + "seen DATETIME, n BIGINT, t TINYINT)");
  });

  @TempDir
  Path tmp;

  @Test
  void createHiveTablePrintsSqoopsTextDefinitionWithItsTypeMappingAndWarnings() {
    CliRun r = CliRun.run(null, "create-hive-table", "--connect", DB.url(), "--username", "root", "--table", "typed",
        "--hive-database", "ml", "--hive-table", "typed_h", "--fields-terminated-by", "\\t");
    assertEquals(0, r.exit, r.toString());
    assertEquals("CREATE TABLE IF NOT EXISTS `ml`.`typed_h` ( `id` INT, `name` STRING, `price` DOUBLE, `born` STRING, "
        + "`seen` STRING, `n` BIGINT, `t` TINYINT) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\011' LINES TERMINATED "
        + "BY '\\012' STORED AS TEXTFILE TBLPROPERTIES ('serialization.null.format'='null');\n", r.out);
    assertTrue(r.err.contains("WARN  Column price had to be cast to a less precise type in Hive "
        + "(--map-column-hive 'price=DECIMAL(12,3)' keeps it exact)"), r.err);
    assertTrue(r.err.contains("Hive is not run by this build"), r.err);

    CliRun mapped = CliRun.run(null, "create-hive-table", "--connect", DB.url(), "--username", "root", "--table", "typed",
        "--columns", "id,price", "--map-column-hive", "price=DECIMAL(12%2C3)", "--null-string", "\\\\N");
    assertEquals(0, mapped.exit, mapped.toString());
    assertEquals("CREATE TABLE IF NOT EXISTS `typed` ( `id` INT, `price` DECIMAL(12,3)) ROW FORMAT DELIMITED FIELDS "
        + "TERMINATED BY '\\054' LINES TERMINATED BY '\\012' STORED AS TEXTFILE;\n", mapped.out);
  }

  @Test
  void createHiveTableForBinaryFilesDeclaresTheTypesTheFilesHold() {
    String[][] formats = {{"--as-parquetfile", "PARQUET"}, {"--as-orcfile", "ORC"}, {"--as-avrodatafile", "AVRO"}};
    for (String[] f : formats) {
      CliRun r = CliRun.run(null, "create-hive-table", "--connect", DB.url(), "--username", "root", "--table", "typed", f[0],
          "--external-table-dir", "/data/typed");
      assertEquals(0, r.exit, r.toString());
      assertEquals("CREATE EXTERNAL TABLE IF NOT EXISTS `typed` ( `id` INT, `name` STRING, `price` DECIMAL(12,3), "
          + "`born` DATE, `seen` TIMESTAMP, `n` BIGINT, `t` INT) STORED AS " + f[1] + " LOCATION '/data/typed';\n", r.out);
    }
    CliRun unknown = CliRun.run(null, "create-hive-table", "--connect", DB.url(), "--username", "root", "--table", "typed",
        "--map-column-hive", "nope=INT");
    assertEquals(2, unknown.exit, unknown.toString());
    assertTrue(unknown.err.contains("No column by the name nope (from --map-column-hive)"), unknown.err);
  }

  @Test
  void codegenSaysNoCodeIsNeededAndWritesTheAvroSchema() throws Exception {
    Path out = tmp.resolve("gen");
    CliRun r = CliRun.run(null, "codegen", "--connect", DB.url(), "--username", "root", "--table", "typed", "--outdir",
        out.toString(), "--class-name", "com.example.Typed");
    assertEquals(0, r.exit, r.toString());
    assertTrue(r.err.contains("No Java code is generated"), r.err);
    Path avsc = out.resolve("Typed.avsc");
    assertEquals(avsc.toString() + "\n", r.out);
    Schema schema = new Schema.Parser().parse(Files.readString(avsc));
    assertEquals("Typed", schema.getName());
    assertEquals(7, schema.getFields().size());
    assertEquals("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":3}",
        schema.getField("price").schema().getTypes().get(1).toString());
    CliRun bindir = CliRun.run(null, "codegen", "--connect", DB.url(), "--username", "root", "--table", "typed", "--bindir",
        tmp.resolve("bin").toString());
    assertEquals(0, bindir.exit, bindir.toString());
    assertTrue(Files.exists(tmp.resolve("bin/typed.avsc")), bindir.toString());
  }
}
