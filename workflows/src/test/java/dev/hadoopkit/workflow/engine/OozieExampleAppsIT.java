package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hadoopkit.workflow.action.ActionRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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
 * examples tarball lays them out under {@code /user/<user>/examples} ({@link OozieExamples}). The classes are not
 * on this test's classpath: only the apps' lib/ can provide them.
 */
class OozieExampleAppsIT {
  @TempDir
  Path root;

  /*
   *  map-reduce:  start -> mr-node(SampleMapper/SampleReducer from lib/) -> end
   *  hadoop-el:   start -> mr-node -> verify-node(decision on hadoop:counters RECORDS MAP_IN/OUT, REDUCE_IN/OUT,
   *               GROUPS) -> end
   *  subwf:       start -> subworkflow-node(sub-workflow: apps/map-reduce with outputDir=subwf) -> end
   */
  @Test
  void oozieExamplesRunFromTheirOwnJobProperties() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
      Configuration conf = new Configuration();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, root.resolve("dfs").toString());
      MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
      try {
        cluster.waitActive();
        FileSystem fs = cluster.getFileSystem();
        OozieExamples.deploy(fs);
        Configuration client = new Configuration(cluster.getConfiguration(0));
        client.set("mapreduce.framework.name", "local");
        client.set("hadoop.tmp.dir", root.resolve("hadoop-tmp").toString());
        WorkflowEngine engine = new WorkflowEngine(new EngineSettings(root.resolve("state"), 2, 65536, true,
            Clock.systemUTC()), ActionRegistry.standard(), client, System.err);
        for (String app : OozieExamples.APPS) {
          Submission submission = engine.prepare(OozieExamples.jobProperties(app, fs.getUri().toString(), "local"),
              Map.of(), null);
          String id = engine.submit(submission, null, RunListener.NONE);
          OozieExamples.assertAsOozie(app, engine.run(id, RunListener.NONE), fs, engine);
        }
      } finally {
        cluster.shutdown();
      }
    });
  }
}
