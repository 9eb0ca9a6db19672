package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;

/**
 * Apache Oozie's map-reduce, hadoop-el and subwf example apps (test resources under {@code /oozie-examples/}, see its
 * README) laid out on a cluster file system as Oozie's examples tarball puts them under {@code /user/<user>/examples},
 * with the real {@code oozie-examples-5.2.1.jar} in each app's {@code lib/}; and what a run of each must produce. Used
 * by the local-mode test and the YARN one, so both judge the same outputs.
 */
public final class OozieExamples {
  public static final List<String> APPS = List.of("map-reduce", "hadoop-el", "subwf");
  private static final String RESOURCES = "/oozie-examples/";

  private OozieExamples() {
  }

  static String resource(String path) throws Exception {
    try (InputStream in = OozieExamples.class.getResourceAsStream(RESOURCES + path)) {
      assertTrue(in != null, "missing test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Path examplesJar() {
    Path jar = Path.of(System.getProperty("hk.oozie.examples.jar", "target/oozie-examples/oozie-examples-5.2.1.jar"));
    assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " is missing: run `mvn -pl workflows verify` (it"
        + " copies org.apache.oozie:oozie-examples:5.2.1 at pre-integration-test)");
    return jar;
  }

  /** Puts the input data and the three apps (workflow.xml, lib/oozie-examples-5.2.1.jar) under the user's examples. */
  public static void deploy(FileSystem fs) throws Exception {
    Path jar = examplesJar();
    String examples = examplesDir();
    write(fs, examples + "input-data/text/data.txt", resource("input-data/text/data.txt"));
    for (String app : APPS) {
      write(fs, examples + "apps/" + app + "/workflow.xml", resource("apps/" + app + "/workflow.xml"));
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()),
          new org.apache.hadoop.fs.Path(examples + "apps/" + app + "/lib/" + jar.getFileName()));
    }
  }

  private static String examplesDir() {
    return "/user/" + System.getProperty("user.name") + "/examples/";
  }

  /** job.properties as the user has it, with only the cluster lines (nameNode, resourceManager) changed. */
  public static Map<String, String> jobProperties(String app, String nameNode, String resourceManager)
      throws Exception {
    Properties properties = new Properties();
    properties.load(new StringReader(resource("apps/" + app + "/job.properties")));
    Map<String, String> out = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
    out.put("nameNode", nameNode);
    out.put("resourceManager", resourceManager);
    return out;
  }

  /**
   * What Oozie gives for the app: SUCCEEDED, every input line keyed by its byte offset (SampleMapper/SampleReducer)
   * in output-data/&lt;app&gt;, hadoop-el's counter decision taken to end, subwf's child run the map-reduce app.
   */
  public static void assertAsOozie(String app, RunState state, FileSystem fs, WorkflowEngine engine)
      throws Exception {
    assertEquals(WorkflowStatus.SUCCEEDED, state.status(), app + ": " + state.statusMessage());
    String output = new String(fs.open(new org.apache.hadoop.fs.Path(examplesDir() + "output-data/" + app
        + "/part-00000")).readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(offsetsAndLines(resource("input-data/text/data.txt")), List.of(output.split("\n")),
        app + ": every line keyed by its offset");
    if (app.equals("hadoop-el")) {
      assertEquals(NodeStatus.OK, state.nodeRun("verify-node").status());
      assertEquals(List.of("end"), state.nodeRun("verify-node").transitions(), "the counters decision");
    }
    if (app.equals("subwf")) {
      String child = state.nodeRun("subworkflow-node").externalId();
      assertEquals(WorkflowStatus.SUCCEEDED, engine.store().load(child).status());
      assertEquals("map-reduce-wf", engine.store().load(child).name());
    }
  }

  /** Oozie's SampleMapper and SampleReducer pass each line through keyed by its byte offset, sorted by offset. */
  private static List<String> offsetsAndLines(String text) {
    List<String> out = new ArrayList<>();
    long offset = 0;
    for (String line : text.split("\n", -1)) {
      if (offset < text.getBytes(StandardCharsets.UTF_8).length) {
        out.add(offset + "\t" + line);
      }
      offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return out;
  }

  private static void write(FileSystem fs, String path, String text) throws Exception {
    try (var out = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
