package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.launcher.LauncherAM;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.mapred.JobClient;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RunningJob;

/**
 * A map-reduce action's driver inside its launcher container (as Oozie's MapReduceMain): submits the job the engine
 * built ({@code action.xml}: the action's JobConf with its tag in {@code mapreduce.job.tags}, so a kill of the
 * workflow finds it), with the app's lib/ jars of the container's directory as {@code tmpjars}, waits for it and
 * writes its id, counters and failure to {@link LauncherAM#ACTION_RESULT_FILE}. Exit 0 when the job succeeded.
 */
public final class MapReduceLauncherMain {
  private MapReduceLauncherMain() {
  }

  public static void main(String[] args) throws Exception {
    JobConf job = new JobConf();
    job.addResource(new File("action.xml").toURI().toURL());
    List<String> jars = new ArrayList<>();
    for (String name : job.getTrimmedStrings(LaunchedAction.LIB_JARS)) {
      jars.add(new File(name).getAbsoluteFile().toURI().toString());
    }
    String existing = job.get("tmpjars");
    if (!jars.isEmpty()) {
      job.set("tmpjars", (existing == null || existing.isEmpty() ? "" : existing + ",") + String.join(",", jars));
    }
    Path result = Path.of(LauncherAM.ACTION_RESULT_FILE);
    int exit = LauncherUser.run(() -> submitAndWait(job, result));
    System.exit(exit);
  }

  private static int submitAndWait(JobConf job, Path result) throws Exception {
    try (JobClient client = new JobClient(job)) {
      RunningJob running = client.submitJob(job);
      System.err.println("map-reduce: submitted " + running.getID() + " " + running.getTrackingURL());
      while (!running.isComplete()) {
        Thread.sleep(200);
      }
      boolean ok = running.isSuccessful();
      String reason = ok ? null : MapReduceJobResults.failureInfo(running, false);
      String error = ok ? null : "MapReduce job " + running.getID() + " ended "
          + org.apache.hadoop.mapred.JobStatus.getJobRunState(running.getJobState())
          + (reason == null || reason.isEmpty() ? "" : ": " + reason);
      new ActionResultFile(ok ? 0 : 1, running.getID().toString(), error,
          MapReduceJobResults.counters(running.getCounters())).write(result);
      return ok ? 0 : 1;
    }
  }
}
