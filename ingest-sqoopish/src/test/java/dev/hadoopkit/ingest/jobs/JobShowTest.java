package dev.hadoopkit.ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sqoop job --show} prints Sqoop 1.4.7's properties form, which scripts grep (issue 14 item 12). */
class JobShowTest {
  @TempDir
  Path tmp;

  private CliRun job(String... args) {
    return CliRun.job(tmp, args);
  }

  @Test
  void showPrintsSqoopPropertiesAndNeverThePassword() {
    CliRun create = job("--create", "inc", "--", "import", "--connect", "jdbc:postgresql://127.0.0.1/shop", "--username", "etl",
        "--password", "s3cret-pw", "--table", "orders", "--columns", "id,total", "--incremental", "append",
        "--check-column", "id", "--last-value", "7", "-m", "2", "--target-dir", "/data/orders", "--as-parquetfile",
        "--fields-terminated-by", "\\t", "--", "--schema", "x");
    assertEquals(0, create.exit, create.toString());
    CliRun show = job("--show", "inc");
    assertEquals(0, show.exit, show.toString());
    List<String> lines = List.of(show.out.split("\n"));
    assertEquals(List.of("Job: inc", "Tool: import", "Options:", "----------------------------"), lines.subList(0, 4));
    for (String expected : new String[] {"incremental.last.value = 7", "incremental.mode = AppendRows",
        "incremental.col = id", "db.connect.string = jdbc:postgresql://127.0.0.1/shop", "db.table = orders",
        "db.username = etl", "db.column.list = id,total", "mapreduce.num.mappers = 2", "hdfs.target.dir = /data/orders",
        "hdfs.file.format = ParquetFile", "hdfs.append.dir = false", "codegen.output.delimiters.field = 9",
        "codegen.output.delimiters.record = 10", "db.require.password = true", "tool.arguments.0 = --schema",
        "tool.arguments.1 = x", "split.limit = null"}) {
      assertTrue(lines.contains(expected), expected + " missing from:\n" + show.out);
    }
    assertFalse(show.out.contains("s3cret-pw"), show.out);
    List<String> properties = lines.subList(4, lines.size());
    assertEquals(properties.stream().sorted().toList(), properties, "sorted, so two shows can be diffed");
  }

  @Test
  void exportJobsShowTheirExportKeys() {
    CliRun create = job("--create", "exp", "--", "export", "--connect", "jdbc:postgresql://127.0.0.1/shop", "--table",
        "orders", "--export-dir", "/data/orders", "--update-key", "id", "--update-mode", "allowinsert",
        "--password-file", "/user/etl/.pw");
    assertEquals(0, create.exit, create.toString());
    CliRun show = job("--show", "exp");
    assertEquals(0, show.exit, show.toString());
    for (String expected : new String[] {"Tool: export", "export.source.dir = /data/orders", "export.update.col = id",
        "export.new.update = AllowInsert", "db.password.file = /user/etl/.pw", "db.require.password = false",
        "mapreduce.num.mappers = 4"}) {
      assertTrue(show.out.contains(expected + "\n"), expected + " missing from:\n" + show.out);
    }
  }
}
