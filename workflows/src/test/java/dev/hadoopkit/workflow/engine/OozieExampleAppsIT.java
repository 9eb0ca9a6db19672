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
 * and job.properties unchanged, see src/test/resources/oozie-examples/README.md; custom-main and demo without their
 * pig step) and oozie-to-airflow's mapreduce example ({@link OozieToAirflowMapReduce}) run from their own job.properties
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
   *  custom-main: start -> mr-node(oozie.launcher.action.main.class DemoMapReduceMain extends the sharelib's
   *               MapReduceMain; DemoMapper/DemoReducer) -> end
   *  demo:        start -> cleanup-node -> streaming-node(cat | wc) -> mr-node -> decision-node(fs:exists)
   *               -> hdfs-node(move) -> end
   *  o2a mapreduce: start -> mr-node(new API WordCount$Map/$Reduce from <file> lib/wordcount.jar, <job-xml>) -> end
   */
  @Test
  void oozieExamplesRunFromTheirOwnJobProperties() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(420), () -> {
      Configuration conf = new Configuration();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, root.resolve("dfs").toString());
      MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
      try {
        cluster.waitActive();
        FileSystem fs = cluster.getFileSystem();
        OozieExamples.deploy(fs);
        OozieToAirflowMapReduce.deploy(fs, root.resolve("o2a"));
        Configuration client = new Configuration(cluster.getConfiguration(0));
        client.set("mapreduce.framework.name", "local");
        client.set("hadoop.tmp.dir", root.resolve("hadoop-tmp").toString());
        // the engine's system libpath, as oozie-site.xml's on an Oozie server (the sharelib an admin installed)
        client.set(LibPaths.SYSTEM_LIBPATH, OozieExamples.installSharelib(fs));
        WorkflowEngine engine = new WorkflowEngine(new EngineSettings(root.resolve("state"), 2, 65536, true,
            Clock.systemUTC()), ActionRegistry.standard(), client, System.err);
        for (String app : OozieExamples.ALL_APPS) {
          Submission submission = engine.prepare(OozieExamples.jobProperties(app, fs.getUri().toString(), "local"),
              Map.of(), null);
          String id = engine.submit(submission, null, RunListener.NONE);
          OozieExamples.assertAsOozie(app, engine.run(id, RunListener.NONE), fs, engine);
        }
        Submission o2a = engine.prepare(OozieToAirflowMapReduce.jobProperties(fs.getUri().toString(), "local"),
            Map.of(), null);
        OozieToAirflowMapReduce.assertAsOozie(engine.run(engine.submit(o2a, null, RunListener.NONE),
            RunListener.NONE), fs);
      } finally {
        cluster.shutdown();
      }
    });
  }
}
