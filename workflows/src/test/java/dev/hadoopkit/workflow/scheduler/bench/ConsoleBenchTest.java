package dev.hadoopkit.workflow.scheduler.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** A tiny run of {@code bench --console}: every scenario runs and is reported. Never asserts on time. */
class ConsoleBenchTest {
  @Test
  void aTinyRunReportsEveryScenario() throws Exception {
    Configuration hadoop = new Configuration();
    hadoop.set("fs.defaultFS", "file:///");
    hadoop.set("mapreduce.framework.name", "local");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ConsoleBench bench = new ConsoleBench(new ConsoleBench.Sizes(30, 40, 3, 1, 3), hadoop, out);
    List<BenchRow> rows = bench.run();

    List<String> numbers = rows.stream().map(r -> r.scenario().substring(0, r.scenario().indexOf('.'))).toList();
    assertEquals(IntStream.rangeClosed(0, 12).mapToObj(Integer::toString).toList(), numbers, rows.toString());
    String table = BenchRow.table(rows);
    for (BenchRow row : rows) {
      assertTrue(table.contains(row.scenario()), table);
      assertTrue(!row.measured().isBlank() && !row.reference().isBlank(), row.toString());
    }
    assertTrue(rows.get(0).scenario().startsWith("0. store: 30 ended workflow runs + a coordinator of 40 actions"),
        rows.get(0).scenario());
    assertTrue(rows.get(2).measured().contains("(3 samples"), rows.get(2).measured());
    assertTrue(rows.get(12).scenario().contains("3 changes") && rows.get(12).measured().startsWith("p50 "),
        rows.get(12).toString());
  }
}
