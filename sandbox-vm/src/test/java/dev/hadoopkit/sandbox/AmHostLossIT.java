package dev.hadoopkit.sandbox;

import static dev.hadoopkit.sandbox.Launchers.ok;
import static dev.hadoopkit.sandbox.Launchers.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hadoopkit.sandbox.cluster.HealthProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 4 on a real sandbox (1 DataNode, 2 NodeManagers, no database): the host of a job's MRAppMaster
 * is lost mid-job (its NodeManager and every container on it killed with SIGKILL, as when a machine dies). YARN
 * starts a second attempt on the other NodeManager, which recovers the finished maps from the first attempt's
 * history; the client exits 0 with the right output, and {@code bin/mapred job -status} reads the finished job
 * from the JobHistoryServer. Both need Hadoop's history event classes trusted by Avro.
 */
class AmHostLossIT {

  static final Path JOB_JAR = Launchers.REPO.resolve("mapreduce-jobs/target/movielens-jobs.jar");

  @TempDir
  static Path temp;
  static Path home;
  static Launchers bin;
  static int offset;

  @BeforeAll
  static void up() throws Exception {
    home = temp.resolve("sandbox-home");
    bin = new Launchers(home);
    offset = Launchers.freePortOffset(1, 2);
    bin.up(offset, "--datanodes", "1", "--nodemanagers", "2", "--no-db");
  }

  @AfterAll
  static void down() throws Exception {
    if (bin == null) {
      return;
    }
    bin.downLeavingNothing();
  }

  @Test
  void aJobWhoseApplicationMasterHostDiesSucceedsAndItsHistoryIsReadable() throws Exception {
    // 1 MB blocks: three maps, so some are done (and must be recovered) when the ApplicationMaster dies.
    Path uData = bin.putRatings(temp.resolve("u.data"), "/am-loss-u.data");

    Path jobLog = temp.resolve("job.log");
    Process job = bin.start("hadoop", jobLog, "jar", JOB_JAR.toString(), "lowest-rated", "--min-ratings", "30",
        "/am-loss-u.data", "/results/am-loss");
    try {
      String app = awaitFinishedMaps(job, jobLog, 1);
      String host = killApplicationMasterHost();
      assertTrue(job.waitFor(300, TimeUnit.SECONDS), "job still running 300 s after its AM host was lost");
      assertEquals(0, job.exitValue(), () -> "job failed after losing " + host + ":\n" + read(jobLog));

      List<String[]> rows = LowestRatedOracle.parseJobOutput(
          ok(bin.client("hadoop", "fs", "-cat", "/results/am-loss/part-*")).output());
      List<LowestRatedOracle.Row> expected = LowestRatedOracle.compute(uData, 30, 10);
      assertEquals(expected.size(), rows.size());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(expected.get(i).movieId(), Integer.parseInt(rows.get(i)[0]), "movie id of row " + i);
        assertEquals(expected.get(i).count(), Long.parseLong(rows.get(i)[3]), "count of row " + i);
        assertEquals(expected.get(i).avg(), Double.parseDouble(rows.get(i)[2]), 1e-4, "average of row " + i);
      }
      JsonNode attempts = new HealthProbe().get(8088 + offset, "/ws/v1/cluster/apps/" + app + "/appattempts")
          .orElseThrow().path("appAttempts").path("appAttempt");
      assertEquals(2, attempts.size(), "a second ApplicationMaster attempt: " + attempts);

      Matcher id = Pattern.compile("job_\\d+_\\d+").matcher(read(jobLog));
      assertTrue(id.find(), read(jobLog));
      // The job is over: the client asks the JobHistoryServer, which reads the job's Avro history file.
      Launchers.Result status = bin.client("mapred", "job", "-status", id.group());
      assertEquals(0, status.exitCode(), status.output());
      assertTrue(status.output().contains("Job state: SUCCEEDED"), status.output());
      assertTrue(!status.output().contains("Forbidden"), status.output());
    } finally {
      job.destroyForcibly();
    }
  }

  /** Waits until the running application has {@code maps} finished maps; returns its id. */
  private String awaitFinishedMaps(Process job, Path jobLog, int maps) throws Exception {
    HealthProbe probe = new HealthProbe();
    int rmHttp = 8088 + offset;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (true) {
      assertTrue(job.isAlive(), () -> "the job ended before its AM host could be lost:\n" + read(jobLog));
      assertTrue(System.nanoTime() < deadline, () -> "no map finished within 180 s:\n" + read(jobLog));
      JsonNode apps = probe.get(rmHttp, "/ws/v1/cluster/apps?states=RUNNING").orElseThrow().path("apps").path("app");
      if (apps.size() == 1) {
        String app = apps.get(0).path("id").asText();
        // The ApplicationMaster's own REST API, through the ResourceManager's proxy.
        JsonNode jobs = probe.get(rmHttp, "/proxy/" + app + "/ws/v1/mapreduce/jobs").orElse(null);
        if (jobs != null && jobs.path("jobs").path("job").path(0).path("mapsCompleted").asInt() >= maps) {
          return app;
        }
      }
      Thread.sleep(500);
    }
  }

  /** SIGKILL to the NodeManager that runs the MRAppMaster and to every container process of it; its name. */
  private String killApplicationMasterHost() throws Exception {
    String daemons = home.resolve("daemons") + "/";
    String host = null;
    for (long pid : Launchers.processesMentioning(daemons)) {
      String cmdline;
      try {
        cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1);
      } catch (java.nio.file.NoSuchFileException e) {
        continue; // a short-lived process (a container's shell) ended since it was listed
      }
      if (cmdline.contains("org.apache.hadoop.mapreduce.v2.app.MRAppMaster")) {
        Matcher nm = Pattern.compile(Pattern.quote(daemons) + "(nodemanager-\\d+)/").matcher(cmdline);
        assertTrue(nm.find(), cmdline);
        host = nm.group(1);
      }
    }
    assertTrue(host != null, "no MRAppMaster process of this sandbox");
    List<ProcessHandle> victims = new ArrayList<>();
    long nodeManager = Long.parseLong(Files.readString(home.resolve("pids/" + host + ".pid")).trim());
    victims.add(ProcessHandle.of(nodeManager).orElseThrow());
    for (long pid : Launchers.processesMentioning(daemons + host + "/")) {
      ProcessHandle.of(pid).ifPresent(victims::add);
    }
    victims.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle victim : victims) {
      victim.onExit().get(30, TimeUnit.SECONDS);
    }
    return host;
  }
}
