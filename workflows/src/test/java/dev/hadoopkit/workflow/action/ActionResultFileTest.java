package dev.hadoopkit.workflow.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionResultFileTest {
  @TempDir
  Path dir;

  @Test
  void countersJobsAndErrorSurviveTheFileWithDottedGroupNames() throws Exception {
    Map<String, Map<String, Long>> counters = Map.of("org.apache.hadoop.mapreduce.TaskCounter",
        Map.of("MAP_INPUT_RECORDS", 33L, "REDUCE_OUTPUT_RECORDS", 33L), "dev.hadoopkit.ingest.IngestCounters",
        Map.of("ROWS_IMPORTED", 3L));
    Path file = dir.resolve("action-result.properties");
    new ActionResultFile(1, "job_1_0001,job_1_0002", "sqoop import failed: no table t", counters).write(file);
    ActionResultFile read = ActionResultFile.read(file);
    assertEquals(1, read.exit());
    assertEquals("job_1_0001,job_1_0002", read.jobs());
    assertEquals("sqoop import failed: no table t", read.error());
    assertEquals(counters, read.counters());
    assertNull(ActionResultFile.read(dir.resolve("missing")), "no file: the driver died before its end");
  }
}
