package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 "Done when", locally: Apache Oozie's own example apps (map-reduce, hadoop-el, subwf; their workflow.xml
 * and job.properties unchanged, see src/test/resources/oozie-examples/README.md) run from their own job.properties
 * with only nameNode and resourceManager changed — nameNode a MiniDFSCluster, resourceManager {@code local} — with the
 * real {@code oozie-examples-5.2.1.jar} (SampleMapper, SampleReducer) in each app's {@code lib/}, as Oozie's
 * examples tarball lays them out under {@code /user/<user>/examples}. The classes are not on this test's classpath:
 * only the apps' lib/ can provide them.
 */
class OozieExampleAppsIT {
  private static final String RESOURCES = "/oozie-examples/";

  @TempDir
  Path root;

  private static String resource(String path) throws Exception {
    try (InputStream in = OozieExampleAppsIT.class.getResourceAsStream(RESOURCES + path)) {
      assertTrue(in != null, "missing test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path examplesJar() {
    Path jar = Path.of(System.getProperty("hk.oozie.examples.jar", "target/oozie-examples/oozie-examples-5.2.1.jar"));
    assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " is missing: run `mvn -pl workflows verify` (it"
        + " copies org.apache.oozie:oozie-examples:5.2.1 at pre-integration-test)");
    return jar;
  }

  /** job.properties as the user has it, with only the cluster lines changed (and -D user.name as Oozie's CLI sets). */
  private static Map<String, String> jobProperties(String app, String nameNode) throws Exception {
    Properties properties = new Properties();
    properties.load(new StringReader(resource("apps/" + app + "/job.properties")));
    Map<String, String> out = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
    out.put("nameNode", nameNode);
    out.put("resourceManager", "local");
    return out;
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

  /*
   *  map-reduce:  start -> mr-node(SampleMapper/SampleReducer from lib/) -> end
   *  hadoop-el:   start -> mr-node -> verify-node(decision on hadoop:counters RECORDS MAP_IN/OUT, REDUCE_IN/OUT,
   *               GROUPS) -> end
   *  subwf:       start -> subworkflow-node(sub-workflow: apps/map-reduce with outputDir=subwf) -> end
   */
  @Test
  void oozieExamplesRunFromTheirOwnJobProperties() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
      Path jar = examplesJar();
      Configuration conf = new Configuration();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, root.resolve("dfs").toString());
      MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
      try {
        cluster.waitActive();
        FileSystem fs = cluster.getFileSystem();
        String nn = fs.getUri().toString();
        String user = System.getProperty("user.name");
        String examples = "/user/" + user + "/examples/";
        String input = resource("input-data/text/data.txt");
        write(fs, examples + "input-data/text/data.txt", input);
        for (String app : List.of("map-reduce", "hadoop-el", "subwf")) {
          write(fs, examples + "apps/" + app + "/workflow.xml", resource("apps/" + app + "/workflow.xml"));
          fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()),
              new org.apache.hadoop.fs.Path(examples + "apps/" + app + "/lib/" + jar.getFileName()));
        }
        Configuration client = new Configuration(cluster.getConfiguration(0));
        client.set("mapreduce.framework.name", "local");
        client.set("hadoop.tmp.dir", root.resolve("hadoop-tmp").toString());
        WorkflowEngine engine = new WorkflowEngine(new EngineSettings(root.resolve("state"), 2, 65536, true,
            Clock.systemUTC()), ActionRegistry.standard(), client, System.err);
        List<String> expected = offsetsAndLines(input);

        for (String app : List.of("map-reduce", "hadoop-el", "subwf")) {
          Submission submission = engine.prepare(jobProperties(app, nn), Map.of(), null);
          String id = engine.submit(submission, null, RunListener.NONE);
          RunState state = engine.run(id, RunListener.NONE);
          assertEquals(WorkflowStatus.SUCCEEDED, state.status(), app + ": " + state.statusMessage());
          String outputDir = switch (app) {
            case "map-reduce" -> "map-reduce";
            case "hadoop-el" -> "hadoop-el";
            default -> "subwf";
          };
          String output = new String(fs.open(new org.apache.hadoop.fs.Path(examples + "output-data/" + outputDir
              + "/part-00000")).readAllBytes(), StandardCharsets.UTF_8);
          assertEquals(expected, List.of(output.split("\n")), app + ": every line keyed by its offset");
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
      } finally {
        cluster.shutdown();
      }
    });
  }

  private static void write(FileSystem fs, String path, String text) throws Exception {
    try (var out = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
