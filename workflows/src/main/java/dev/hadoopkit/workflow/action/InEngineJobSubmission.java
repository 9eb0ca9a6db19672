package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapred.JobClient;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RunningJob;

/**
 * The map-reduce action's job submitted from the engine's own JVM with Hadoop's {@link JobClient}, to the
 * LocalJobRunner (the app's classes on a class loader of their own) or to the cluster, and followed to its end: the
 * job id becomes the action's external id, a workflow kill kills the job, and after an engine crash a cluster job
 * still running is reattached instead of submitted again. Kept apart from {@link MapReduceActionExecutor}, which
 * builds the job and chooses where its driver runs.
 */
final class InEngineJobSubmission {

  private InEngineJobSubmission() {
  }

  static ActionOutcome run(JobConf job, ActionBody.Streaming streaming, boolean local, ActionContext context)
      throws Exception {
    URLClassLoader appClasses = null;
    if (local) {
      appClasses = localClassLoader(streaming == null
          ? MapReduceJobFiles.appClassPath(context) : MapReduceJobFiles.libJarPaths(context));
      job.setClassLoader(appClasses);
      LocalJobFailures.install();
    } else {
      MapReduceJobFiles.shipToCluster(job, streaming == null, context, true);
    }
    JobClient client = new JobClient(job);
    try {
      RunningJob running = reattach(client, context.previousExternalId());
      if (running == null) {
        if (context.cancellation().isCancelled()) {
          return ActionOutcome.error("KILLED", "the workflow ended before the job of node [" + context.node()
              + "] was submitted; nothing was submitted");
        }
        // The LocalJobRunner builds its task configuration in the submitting thread, and that configuration loads
        // the mapper and reducer through this thread's context class loader: the app's classes must be on it.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (appClasses != null) {
          thread.setContextClassLoader(appClasses);
        }
        try {
          running = client.submitJob(job);
        } finally {
          thread.setContextClassLoader(previous);
        }
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
      Map<String, Map<String, Long>> counters = MapReduceJobResults.counters(running.getCounters());
      if (running.isSuccessful()) {
        return ActionOutcome.ok().withCounters(counters);
      }
      String reason = streaming != null && StreamingSetup.localFailure(job) != null
          ? StreamingSetup.localFailure(job) : MapReduceJobResults.failureInfo(running, local);
      return ActionOutcome.error("JA018", "MapReduce job " + running.getID() + " ended "
          + org.apache.hadoop.mapred.JobStatus.getJobRunState(running.getJobState())
          + (reason == null || reason.isEmpty() ? "" : ": " + reason)).withCounters(counters);
    } finally {
      client.close();
      if (appClasses != null) {
        appClasses.close();
      }
    }
  }

  private static URLClassLoader localClassLoader(List<Path> entries) throws java.io.IOException {
    List<URL> urls = new ArrayList<>();
    for (Path entry : entries) {
      urls.add(entry.toUri().toURL());
    }
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    return new URLClassLoader(urls.toArray(new URL[0]),
        parent != null ? parent : InEngineJobSubmission.class.getClassLoader());
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
}
