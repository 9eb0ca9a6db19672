package dev.hadoopkit.ingest.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.cli.SqoopTool;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One table of tools, listed by name. */
class ToolRegistryTest {
  @Test
  void listsEveryToolOnceByName() {
    List<String> names = ToolRegistry.standard().all().stream().map(SqoopTool::name).collect(Collectors.toList());
    assertEquals(List.of("codegen", "create-hive-table", "eval", "export", "import", "import-all-tables", "job",
        "list-databases", "list-tables", "merge"), names);
  }

  @Test
  void jobSavesOnlyTheDatabaseToolsOfTheRegistry(@TempDir Path tmp) {
    CliRun r = CliRun.job(tmp, "--create", "m", "--", "merge", "--new-data", "a");
    assertEquals(2, r.exit, r.toString());
    assertTrue(r.err.contains("Cannot save tool 'merge' as a job: use one of eval, export, import, import-all-tables, "
        + "list-databases, list-tables"), r.err);
  }

  @Test
  void unknownToolIsNull() {
    assertNull(ToolRegistry.standard().get("imprt"));
  }
}
