package dev.hadoopkit.workflow.scheduler.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** A tiny run of {@code bench --coord}: every scenario runs and is reported. Never asserts on time. */
class CoordBenchTest {
  @Test
  void aTinyRunReportsEveryScenario() throws Exception {
    Configuration hadoop = new Configuration();
    hadoop.set("fs.defaultFS", "file:///");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    CoordBench bench = new CoordBench(new CoordBench.Sizes(4, 2, 30, 3, 20, 200, 20, 3, 4, 1500, 1000, 1, false),
        hadoop, out);
    List<BenchRow> rows = bench.run();

    List<String> scenarios = rows.stream().map(r -> r.scenario().substring(0, r.scenario().indexOf('.'))).toList();
    assertEquals(List.of("1", "2", "3a", "3b", "4", "5"), scenarios, rows.toString());
    String table = BenchRow.table(rows);
    for (BenchRow row : rows) {
      assertTrue(table.contains(row.scenario()), table);
      assertTrue(!row.measured().isBlank() && !row.reference().isBlank(), row.toString());
    }
    assertTrue(rows.get(0).measured().startsWith("p50 "), rows.get(0).measured());
    assertTrue(rows.get(3).scenario().startsWith("3b. 60 actions over 3 coordinators"), rows.get(3).scenario());
  }
}
