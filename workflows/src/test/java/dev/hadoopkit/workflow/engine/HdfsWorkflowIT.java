package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An app, its config-default.xml and its data on HDFS (MiniDFSCluster); map-reduce through the LocalJobRunner. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HdfsWorkflowIT {
  @TempDir
  Path root;

  /*
   *  start -> prep(fs on hdfs://) -> wc(map-reduce hdfs in -> hdfs out) -> check(fs:fileSize, fs:dirSize, counters)
   *        -> end                                                          \--default--> fail
   */
  @Test
  void appAndDataOnHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, root.resolve("dfs").toString());
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      cluster.waitActive();
      FileSystem fs = cluster.getFileSystem();
      String nn = fs.getUri().toString();
      write(fs, "/data/in/part-0", "x y x\nz x\n");
      write(fs, "/apps/wc/config-default.xml", "<configuration><property><name>outDir</name>"
          + "<value>/data/out</value></property></configuration>");
      write(fs, "/apps/wc/workflow.xml", "<workflow-app xmlns=\"uri:oozie:workflow:0.4\" name=\"hdfs-wc\">\n"
          + "  <global><job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node></global>\n"
          + "  <start to=\"prep\"/>\n"
          + "  <action name=\"prep\"><fs><delete path=\"${nameNode}${outDir}\"/>"
          + "<mkdir path=\"${nameNode}/data/marks\"/><touchz path=\"${nameNode}/data/marks/started\"/></fs>"
          + "<ok to=\"wc\"/><error to=\"fail\"/></action>\n"
          + "  <action name=\"wc\"><map-reduce><configuration>\n"
          + "    <property><name>mapreduce.job.map.class</name><value>" + WordCountMapper.class.getName()
          + "</value></property>\n"
          + "    <property><name>mapreduce.job.reduce.class</name><value>" + WordCountReducer.class.getName()
          + "</value></property>\n"
          + "    <property><name>mapreduce.job.output.key.class</name><value>org.apache.hadoop.io.Text</value>"
          + "</property>\n"
          + "    <property><name>mapreduce.job.output.value.class</name><value>org.apache.hadoop.io.IntWritable"
          + "</value></property>\n"
          + "    <property><name>mapreduce.input.fileinputformat.inputdir</name><value>${nameNode}/data/in</value>"
          + "</property>\n"
          + "    <property><name>mapreduce.output.fileoutputformat.outputdir</name><value>${nameNode}${outDir}"
          + "</value></property>\n"
          + "  </configuration></map-reduce><ok to=\"check\"/><error to=\"fail\"/></action>\n"
          + "  <decision name=\"check\"><switch>\n"
          + "    <case to=\"end\">${fs:fileSize(concat(nameNode, '/data/marks/started')) eq 0 and"
          + " fs:dirSize(concat(nameNode, outDir)) gt 0 and fs:isDir(concat(nameNode, '/data/in')) and"
          + " hadoop:counters('wc')[RECORDS][REDUCE_OUT] eq 3}</case>\n"
          + "    <default to=\"fail\"/>\n  </switch></decision>\n"
          + "  <kill name=\"fail\"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n"
          + "  <end name=\"end\"/>\n</workflow-app>\n");

      Configuration client = new Configuration(cluster.getConfiguration(0));
      client.set("mapreduce.framework.name", "local");
      client.set("hadoop.tmp.dir", root.resolve("hadoop-tmp").toString());
      WorkflowEngine engine = new WorkflowEngine(new EngineSettings(root.resolve("state"), 2, 65536, true,
          Clock.systemUTC()), ActionRegistry.standard(), client, System.err);
      Submission submission = engine.prepare(Map.of("nameNode", nn, "jobTracker", "local",
          "oozie.wf.application.path", "${nameNode}/apps/wc"), Map.of(), null);
      assertEquals(nn + "/apps/wc", submission.app().dir());
      assertEquals("/data/out", submission.conf().get("outDir"), "config-default.xml read from HDFS");
      String id = engine.submit(submission, null, RunListener.NONE);
      RunState state = engine.run(id, RunListener.NONE);

      assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
      for (String node : List.of("prep", "wc", "check", "end")) {
        assertEquals(NodeStatus.OK, state.nodeRun(node).status(), node);
      }
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/data/marks/started")));
      String counts = new String(fs.open(new org.apache.hadoop.fs.Path("/data/out/part-r-00000")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertEquals("x\t3\ny\t1\nz\t1\n", counts);
      assertFalse(fs.exists(new org.apache.hadoop.fs.Path("/data/out/_temporary")));
    } finally {
      cluster.shutdown();
    }
  }

  private static void write(FileSystem fs, String path, String text) throws Exception {
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
