package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.assertNode;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static dev.hadoopkit.workflow.engine.TestApps.xmlEscape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** map-reduce {@code <streaming>} through the LocalJobRunner: shell-script mapper and awk reducer. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StreamingActionIT {
  @TempDir
  Path root;

  private static final Map<String, String> LOCAL = Map.of("jobTracker", "local", "nameNode", "file:///");
  private static final String TAIL = "  <kill name=\"fail\"><message>failed at ${wf:lastErrorNode()}:"
      + " ${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n";

  /** One word per output line (tr), the input line count as a counter named by an env entry, a log line. */
  private static final String WORDS_SH = """
      #!/bin/sh
      echo "words.sh starting in $(basename "$PWD")" >&2
      tee lines.txt | tr -s ' ' '\\n' | grep -v '^$'
      echo "reporter:counter:wordcount,$COUNTER_NAME,$(wc -l < lines.txt | tr -d ' ')" >&2
      echo "reporter:status:counted" >&2
      """;

  private static String streaming(String name, Path input, Path output, String mapper, String reducer,
      List<String> extra, String ok, String error) {
    StringBuilder xml = new StringBuilder("  <action name=\"" + name + "\">\n    <map-reduce>\n"
        + "      <job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node>\n"
        + "      <prepare><delete path=\"" + output.toUri() + "\"/></prepare>\n      <streaming>\n");
    if (mapper != null) {
      xml.append("        <mapper>").append(xmlEscape(mapper)).append("</mapper>\n");
    }
    if (reducer != null) {
      xml.append("        <reducer>").append(xmlEscape(reducer)).append("</reducer>\n");
    }
    xml.append("        <env>COUNTER_NAME=LINES</env>\n      </streaming>\n      <configuration>\n"
        + "        <property><name>mapreduce.input.fileinputformat.inputdir</name><value>" + input.toUri()
        + "</value></property>\n"
        + "        <property><name>mapreduce.output.fileoutputformat.outputdir</name><value>" + output.toUri()
        + "</value></property>\n      </configuration>\n");
    extra.forEach(line -> xml.append("      ").append(line).append('\n'));
    xml.append("    </map-reduce>\n    <ok to=\"").append(ok).append("\"/><error to=\"").append(error)
        .append("\"/>\n  </action>\n");
    return xml.toString();
  }

  /*
   *  start -> wc(streaming: words.sh | awk count) -> enough(decision on hadoop:counters wordcount/LINES)
   *                                                      |--LINES eq 20000--> end
   *                                                      \--default--> fail
   */
  @Test
  void wordCountWithShippedScriptAwkReducerAndStderrCounters() throws Exception {
    Path input = Files.createDirectories(root.resolve("in"));
    Random random = new Random(42);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < 1 + random.nextInt(12); w++) {
        line.append(w == 0 ? "" : random.nextInt(4) == 0 ? "  " : " ").append("w").append(random.nextInt(300));
      }
      lines.add(line.toString());
    }
    Files.write(input.resolve("part-0"), lines.subList(0, 12_000));
    Files.write(input.resolve("part-1"), lines.subList(12_000, lines.size()));
    Path output = root.resolve("out");
    Path app = app(root, "streaming", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"streaming-wc\">\n"
        + "  <start to=\"wc\"/>\n"
        + streaming("wc", input, output, "words.sh", "awk -F '\\t' '{ n[$1]++ } END { for (w in n) print w \"\\t\" n[w] }'",
            List.of("<file>scripts/words.sh#words.sh</file>"), "enough", "fail")
        + "  <decision name=\"enough\"><switch>\n"
        + "    <case to=\"end\">${hadoop:counters('wc')['wordcount']['LINES'] eq 20000}</case>\n"
        + "    <default to=\"fail\"/>\n  </switch></decision>\n" + TAIL);
    Files.createDirectories(app.resolve("scripts"));
    Files.writeString(app.resolve("scripts/words.sh"), WORDS_SH, StandardCharsets.UTF_8);

    RunState state = run(engine(root, 2), app, LOCAL);

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertNode(state, "wc", NodeStatus.OK);
    assertEquals(List.of("end"), state.nodeRun("enough").transitions());
    Map<String, Long> expected = new TreeMap<>();
    lines.forEach(l -> Stream.of(l.trim().split(" +")).forEach(w -> expected.merge(w, 1L, Long::sum)));
    Map<String, Long> actual = new TreeMap<>();
    for (String line : Files.readAllLines(output.resolve("part-r-00000"), StandardCharsets.UTF_8)) {
      String[] kv = line.split("\t");
      assertEquals(2, kv.length, "output line [" + line + "]");
      actual.put(kv[0], Long.parseLong(kv[1]));
    }
    assertEquals(expected, actual);
    long words = expected.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(words, state.nodeRun("wc").counters().get("org.apache.hadoop.mapred.Task$Counter")
        .get("MAP_OUTPUT_RECORDS"));
    assertEquals(20_000L, state.nodeRun("wc").counters().get("wordcount").get("LINES"));
    String stderr = Files.readString(actionDir(root, state, "wc").resolve("stderr"));
    assertTrue(stderr.contains("words.sh starting in attempt_local"), stderr);
  }

  /*
   *  start -> bad(streaming: fail.sh exits 3) --error--> reader(streaming with <record-reader>) --error-->
   *           handled(streaming map-only cat, reducer NONE) -> end
   */
  @Test
  void failingMapperCommandEndsInErrorNamingCommandAndExitCode() throws Exception {
    Path input = Files.createDirectories(root.resolve("in"));
    List<String> lines = List.of("alpha\tone", "beta two", "gamma");
    Files.write(input.resolve("part-0"), lines);
    Path app = app(root, "failing", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"streaming-fail\">\n"
        + "  <start to=\"bad\"/>\n"
        + streaming("bad", input, root.resolve("bad-out"), "fail.sh 3", "cat", List.of("<file>fail.sh</file>"),
            "fail", "reader")
        + streaming("reader", input, root.resolve("reader-out"), "cat", "cat", List.of(), "fail", "handled")
            .replace("<env>", "<record-reader>StreamXmlRecordReader</record-reader><env>")
        + streaming("handled", input, root.resolve("copy"), "cat", "NONE", List.of(), "end", "fail")
        + TAIL);
    Files.writeString(app.resolve("fail.sh"), "#!/bin/sh\nread -r first\necho \"cannot parse [$first]\" >&2\n"
        + "exit \"$1\"\n", StandardCharsets.UTF_8);

    RunState state = run(engine(root, 2), app, LOCAL);

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertNode(state, "bad", NodeStatus.ERROR);
    String message = state.nodeRun("bad").errorMessage();
    assertTrue(message.contains("streaming mapper command [fail.sh 3] exited with code 3"), message);
    assertTrue(message.contains("cannot parse [alpha"), message);
    assertNode(state, "reader", NodeStatus.ERROR);
    assertTrue(state.nodeRun("reader").errorMessage().contains("<record-reader>/<record-reader-mapping> are not"
        + " supported"), state.nodeRun("reader").errorMessage());
    assertNode(state, "handled", NodeStatus.OK);
    assertEquals(List.of("alpha\tone", "beta two\t", "gamma\t"),
        Files.readAllLines(root.resolve("copy").resolve("part-m-00000"), StandardCharsets.UTF_8));
  }

  private static Path actionDir(Path root, RunState state, String node) throws Exception {
    Path base = root.resolve("state").resolve(state.info().id()).resolve("actions").resolve(node);
    try (Stream<Path> attempts = Files.list(base)) {
      return attempts.sorted().reduce((a, b) -> b).orElseThrow();
    }
  }
}
