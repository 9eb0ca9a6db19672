package dev.hadoopkit.workflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.server.api.ActionSelection;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator whose app, workflow, input dataset and output dataset all live on HDFS (MiniDFSCluster): the done
 * flag is looked for on HDFS, the workflow writes there, and a rerun cleans the action's output directory there.
 */
class SchedulerHdfsIT {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @TempDir
  Path root;

  private static void write(FileSystem fs, String path, String text) throws Exception {
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void inputsOutputsAndAppsOnHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, root.resolve("dfs").toString());
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    try {
      cluster.waitActive();
      FileSystem fs = cluster.getFileSystem();
      String nn = fs.getUri().toString();
      write(fs, "/apps/wf/workflow.xml", """
          <workflow-app xmlns="uri:oozie:workflow:0.5" name="hdfs-wf">
            <start to="make"/>
            <action name="make"><fs><mkdir path="${output}"/><touchz path="${output}/_SUCCESS"/></fs>
              <ok to="end"/><error to="fail"/></action>
            <kill name="fail"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>
            <end name="end"/>
          </workflow-app>""");
      write(fs, "/apps/coord/coordinator.xml", """
          <coordinator-app name="hdfs-coord" frequency="${coord:hours(1)}" start="2026-06-01T11:00Z"
              end="2026-06-01T12:30Z" timezone="UTC" xmlns="uri:oozie:coordinator:0.4">
            <datasets>
              <dataset name="logs" frequency="${coord:hours(1)}" initial-instance="2026-01-01T00:00Z" timezone="UTC">
                <uri-template>${nameNode}/data/logs/${YEAR}${MONTH}${DAY}${HOUR}</uri-template>
              </dataset>
              <dataset name="reports" frequency="${coord:hours(1)}" initial-instance="2026-01-01T00:00Z"
                  timezone="UTC">
                <uri-template>${nameNode}/data/reports/${YEAR}${MONTH}${DAY}${HOUR}</uri-template>
              </dataset>
            </datasets>
            <input-events>
              <data-in name="in" dataset="logs"><instance>${coord:current(0)}</instance></data-in>
            </input-events>
            <output-events>
              <data-out name="out" dataset="reports"><instance>${coord:current(0)}</instance></data-out>
            </output-events>
            <action><workflow><app-path>${nameNode}/apps/wf</app-path>
              <configuration><property><name>output</name><value>${coord:dataOut('out')}</value></property>
              </configuration>
            </workflow></action>
          </coordinator-app>""");
      write(fs, "/data/logs/2026060111/_SUCCESS", "");

      Configuration client = new Configuration(cluster.getConfiguration(0));
      client.set("mapreduce.framework.name", "local");
      try (SchedulerHarness h = new SchedulerHarness(root, NOW, client)) {
        String id = h.backend.submit(Map.of("oozie.coord.application.path", nn + "/apps/coord", "nameNode", nn,
            "user.name", "tester"), true);
        h.await("action 1 to run and action 2 to wait", () -> h.statuses(id).equals(List.of("SUCCEEDED",
            "WAITING")));
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/data/reports/2026060111/_SUCCESS")));
        assertTrue(h.info(id).actions().get(1).waitReason().contains(nn + "/data/logs/2026060112"),
            h.info(id).actions().get(1).waitReason());

        write(fs, "/data/logs/2026060112/_SUCCESS", "");
        h.advance(Duration.ofSeconds(4));
        h.await("action 2", () -> h.statuses(id).equals(List.of("SUCCEEDED", "SUCCEEDED")));
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/data/reports/2026060112/_SUCCESS")));
        h.await("the end", () -> h.info(id).status().equals("SUCCEEDED"));

        // a rerun deletes the action's output-event directory first (Oozie's cleanup), then the workflow runs again
        write(fs, "/data/reports/2026060111/stale-marker", "old");
        h.backend.coordRerun(id, new ActionSelection("action", "1"), false, false, false);
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path("/data/reports/2026060111/stale-marker")));
        h.await("the rerun", () -> h.statuses(id).equals(List.of("SUCCEEDED", "SUCCEEDED"))
            && existsQuietly(fs, "/data/reports/2026060111/_SUCCESS"));
        assertEquals("SUCCEEDED", h.info(id).status());
      }
    } finally {
      cluster.shutdown();
    }
  }

  private static boolean existsQuietly(FileSystem fs, String path) {
    try {
      return fs.exists(new org.apache.hadoop.fs.Path(path));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
