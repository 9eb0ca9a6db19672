package dev.hadoopkit.workflow.action;

import static dev.hadoopkit.workflow.definition.LocatedXml.child;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.mapred.JobClient;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RunningJob;

/**
 * The map-reduce action: a job built from the action's configuration (old API {@code mapred.mapper.class}, or the new
 * API with {@code mapred.mapper.new-api=true} / {@code mapreduce.job.map.class}), submitted with Hadoop's
 * {@link JobClient} to the LocalJobRunner or the cluster. The job id is the action's external id; its counters are
 * kept for {@code hadoop:counters}.
 */
final class MapReduceActionExecutor implements ActionExecutor {
  /** Oozie's name for the group of record counters ({@code ${RECORDS}}). */
  static final String RECORDS_GROUP = "org.apache.hadoop.mapred.Task$Counter";
  private static final String TASK_COUNTER_GROUP = "org.apache.hadoop.mapreduce.TaskCounter";

  @Override
  public String type() {
    return "map-reduce";
  }

  @Override
  public ActionOutcome execute(ActionContext context) throws Exception {
    if (child(context.body(), "pipes") != null) {
      return ActionOutcome.error("E0723", "map-reduce <pipes> is not supported by this engine (node ["
          + context.node() + "]); use <streaming> with the program as <mapper>/<reducer>, or a shell action");
    }
    JobConf job = new JobConf(context.conf());
    org.w3c.dom.Element streaming = child(context.body(), "streaming");
    if (streaming != null) {
      String problem = StreamingSetup.configure(job, streaming, context);
      if (problem != null) {
        return ActionOutcome.error("STREAMING", problem);
      }
    }
    if (job.getBoolean("mapred.mapper.new-api", false) || job.get("mapreduce.job.map.class") != null) {
      job.setUseNewMapper(true);
    }
    if (job.getBoolean("mapred.reducer.new-api", false) || job.get("mapreduce.job.reduce.class") != null) {
      job.setUseNewReducer(true);
    }
    if (job.getJobName() == null || job.getJobName().isEmpty()) {
      job.setJobName("oozie:action:T=map-reduce:W=" + context.runId() + ":A=" + context.node());
    }
    if (!context.libJars().isEmpty()) {
      List<String> uris = new ArrayList<>();
      List<URL> urls = new ArrayList<>();
      for (String jar : context.libJars()) {
        File file = new File(jar);
        uris.add(file.toURI().toString());
        urls.add(file.toURI().toURL());
      }
      String existing = job.get("tmpjars");
      job.set("tmpjars", (existing == null || existing.isEmpty() ? "" : existing + ",") + String.join(",", uris));
      job.setClassLoader(new URLClassLoader(urls.toArray(new URL[0]), getClass().getClassLoader()));
    }
    JobClient client = new JobClient(job);
    try {
      RunningJob running = reattach(client, context.previousExternalId());
      if (running == null) {
        if (context.cancellation().isCancelled()) {
          return ActionOutcome.error("KILLED", "the workflow ended before the job of node [" + context.node()
              + "] was submitted; nothing was submitted");
        }
        running = client.submitJob(job);
      }
      // the kill hook first: a kill that came while the job was being submitted stops it at once
      RunningJob submitted = running;
      context.cancellation().onCancel(() -> kill(submitted));
      context.externalId().accept(running.getID().toString());
      try {
        while (!running.isComplete()) {
          if (context.cancellation().isCancelled()) {
            return ActionOutcome.error("KILLED", "MapReduce job " + running.getID() + " killed with the workflow");
          }
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        kill(running);
        throw e;
      }
      Map<String, Map<String, Long>> counters = counters(running.getCounters());
      if (running.isSuccessful()) {
        return ActionOutcome.ok().withCounters(counters);
      }
      String reason = streaming != null && StreamingSetup.localFailure(job) != null
          ? StreamingSetup.localFailure(job) : failureInfo(running);
      return ActionOutcome.error("JA018", "MapReduce job " + running.getID() + " ended "
          + org.apache.hadoop.mapred.JobStatus.getJobRunState(running.getJobState())
          + (reason == null || reason.isEmpty() ? "" : ": " + reason)).withCounters(counters);
    } finally {
      client.close();
    }
  }

  private static void kill(RunningJob job) {
    try {
      if (!job.isComplete()) {
        job.killJob();
      }
    } catch (java.io.IOException ignored) {
      // the job may be gone already
    }
  }

  /**
   * After an engine crash: the cluster job this action had submitted, when the cluster still knows it and it has not
   * failed. LocalJobRunner jobs died with the engine's JVM and are submitted again.
   */
  private static RunningJob reattach(JobClient client, String previousId) {
    if (previousId == null || !previousId.startsWith("job_") || previousId.startsWith("job_local")) {
      return null;
    }
    try {
      RunningJob job = client.getJob(org.apache.hadoop.mapred.JobID.forName(previousId));
      if (job == null) {
        return null;
      }
      int state = job.getJobState();
      return state == org.apache.hadoop.mapred.JobStatus.FAILED || state == org.apache.hadoop.mapred.JobStatus.KILLED
          ? null : job;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Why the job failed: the job's failure info, else the diagnostics of its first failed task attempt (the
   * LocalJobRunner gives neither; its failed task's error is in the engine's log).
   */
  private static String failureInfo(RunningJob running) throws java.io.IOException {
    String info = running.getFailureInfo();
    if (info != null && !info.isBlank()) {
      return info;
    }
    for (org.apache.hadoop.mapred.TaskCompletionEvent event : running.getTaskCompletionEvents(0)) {
      if (event.getTaskStatus() == org.apache.hadoop.mapred.TaskCompletionEvent.Status.FAILED) {
        String[] diagnostics = running.getTaskDiagnostics(event.getTaskAttemptId());
        if (diagnostics != null && diagnostics.length > 0) {
          return diagnostics[0].strip().lines().findFirst().orElse("");
        }
      }
    }
    return null;
  }

  /** Counters by group and name, with Oozie's RECORDS group (a copy of the task counters) added. */
  static Map<String, Map<String, Long>> counters(
      org.apache.hadoop.mapreduce.counters.AbstractCounters<?, ?> counters) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    if (counters == null) {
      return out;
    }
    for (org.apache.hadoop.mapreduce.counters.CounterGroupBase<?> group : counters) {
      Map<String, Long> values = new TreeMap<>();
      for (org.apache.hadoop.mapreduce.Counter counter : group) {
        values.put(counter.getName(), counter.getValue());
      }
      out.put(group.getName(), values);
      if (TASK_COUNTER_GROUP.equals(group.getName())) {
        out.put(RECORDS_GROUP, new LinkedHashMap<>(values));
      }
    }
    return out;
  }
}
