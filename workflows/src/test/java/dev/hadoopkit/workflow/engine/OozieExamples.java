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
  /**
   * With them the apps that need Oozie's launcher sharelib on the system libpath ({@link #installSharelib}):
   * custom-main (its map-reduce action's main is DemoMapReduceMain extends MapReduceMain) and demo (streaming,
   * map-reduce, a decision on fs:exists, an fs move), both without their pig step (see the resources' README).
   */
  public static final List<String> ALL_APPS = List.of("map-reduce", "hadoop-el", "subwf", "custom-main", "demo");
  /** Where {@link #installSharelib} puts Oozie's sharelib, as {@code oozie-setup.sh sharelib create} lays it out. */
  public static final String SHARELIB = "/user/oozie/share/lib";
  private static final String RESOURCES = "/oozie-examples/";

  private OozieExamples() {
  }

  public static String resource(String path) throws Exception {
    try (InputStream in = OozieExamples.class.getResourceAsStream(RESOURCES + path)) {
      assertTrue(in != null, "missing test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Path examplesJar() {
    return copiedArtifact(System.getProperty("hk.oozie.examples.jar",
        "target/oozie-examples/oozie-examples-5.2.1.jar"));
  }

  /** A jar the pom's dependency:copy puts into target/oozie-examples at pre-integration-test. */
  static Path copiedArtifact(String path) {
    Path jar = Path.of(path);
    assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " is missing: run `mvn -pl workflows verify` (it"
        + " copies it from Maven Central at pre-integration-test)");
    return jar;
  }

  /**
   * Installs the real {@code oozie-sharelib-oozie-5.2.1.jar} as an Oozie admin installs the sharelib:
   * {@value #SHARELIB}/lib_&lt;timestamp&gt;/oozie/; returns the system libpath to give the engine
   * ({@link LibPaths#SYSTEM_LIBPATH}).
   */
  public static String installSharelib(FileSystem fs) throws Exception {
    Path jar = copiedArtifact("target/oozie-examples/oozie-sharelib-oozie-5.2.1.jar");
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()),
        new org.apache.hadoop.fs.Path(SHARELIB + "/lib_20210226142100/oozie/" + jar.getFileName()));
    return fs.makeQualified(new org.apache.hadoop.fs.Path(SHARELIB)).toString();
  }

  /** Puts the input data and the apps (workflow.xml, lib/oozie-examples-5.2.1.jar) under the user's examples. */
  public static void deploy(FileSystem fs) throws Exception {
    Path jar = examplesJar();
    String examples = examplesDir();
    write(fs, examples + "input-data/text/data.txt", resource("input-data/text/data.txt"));
    for (String app : ALL_APPS) {
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
    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), app + ": " + state.info().statusMessage());
    assertOutputs(app, fs);
    if (app.equals("custom-main")) {
      assertTrue(state.nodeRun("mr-node").externalId().startsWith("job_"),
          "custom-main: the action's external id is the job DemoMapReduceMain submitted");
    }
    if (app.equals("demo")) {
      assertEquals(List.of("hdfs-node"), state.nodeRun("decision-node").transitions(), "demo: fs:exists decision");
    }
    if (app.equals("hadoop-el")) {
      assertEquals(NodeStatus.OK, state.nodeRun("verify-node").status());
      assertEquals(List.of("end"), state.nodeRun("verify-node").transitions(), "the counters decision");
    }
    if (app.equals("subwf")) {
      String child = state.nodeRun("subworkflow-node").externalId();
      assertEquals(WorkflowStatus.SUCCEEDED, engine.store().load(child).info().status());
      assertEquals("map-reduce-wf", engine.store().load(child).info().name());
    }
  }

  /** What a successful run of the app leaves on the file system, whoever ran it (the engine here, bin/workflow). */
  public static void assertOutputs(String app, FileSystem fs) throws Exception {
    if (app.equals("custom-main")) {
      assertEquals(wordCounts(resource("input-data/text/data.txt")), lines(fs, examplesDir()
          + "output-data/custom-main/mr-node/part-00000"), "custom-main: DemoMapper/DemoReducer's word counts");
      return;
    }
    if (app.equals("demo")) {
      assertDemo(fs);
      return;
    }
    String output = new String(fs.open(new org.apache.hadoop.fs.Path(examplesDir() + "output-data/" + app
        + "/part-00000")).readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(offsetsAndLines(resource("input-data/text/data.txt")), List.of(output.split("\n")),
        app + ": every line keyed by its offset");
  }

  /*
   *  demo (without pig): cleanup-node(fs delete) -> streaming-node(/bin/cat | /usr/bin/wc) -> mr-node(DemoMapper/
   *  DemoReducer word count of the streaming output) -> decision-node(fs:exists mr-node) -> hdfs-node(move to
   *  final-data) -> end
   */
  private static void assertDemo(FileSystem fs) throws Exception {
    String demo = examplesDir() + "output-data/demo/";
    String data = resource("input-data/text/data.txt");
    List<String> wc = new ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus part : fs.globStatus(new org.apache.hadoop.fs.Path(demo
        + "streaming-node/part-*"))) {
      wc.addAll(lines(fs, part.getPath().toString()));
    }
    assertEquals(1, wc.size(), "demo: one reducer, one wc line: " + wc);
    String[] numbers = wc.get(0).trim().split("\\s+");
    assertEquals(String.valueOf(data.split("\n", -1).length), numbers[0], "demo: wc counts every input line");
    assertEquals(String.valueOf(new java.util.StringTokenizer(data).countTokens()), numbers[1],
        "demo: wc counts every input word");
    assertEquals(wordCounts(String.join("\n", wc)), lines(fs, demo + "final-data/part-00000"),
        "demo: mr-node's word counts of the streaming output, moved to final-data by hdfs-node");
    assertTrue(!fs.exists(new org.apache.hadoop.fs.Path(demo + "mr-node")), "demo: hdfs-node moved mr-node away");
  }

  /** DemoMapper (StringTokenizer words) and DemoReducer (sum), one reducer: "word TAB count" in Text order. */
  static List<String> wordCounts(String text) {
    java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>((a, b) -> java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    java.util.StringTokenizer words = new java.util.StringTokenizer(text);
    while (words.hasMoreTokens()) {
      counts.merge(words.nextToken(), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    counts.forEach((word, count) -> out.add(word + "\t" + count));
    return out;
  }

  public static List<String> lines(FileSystem fs, String path) throws Exception {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
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
