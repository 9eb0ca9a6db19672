package dev.hadoopkit.workflow.action;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.mapred.RunningJob;

/**
 * What a finished MapReduce job tells the workflow: its counters, as {@code hadoop:counters} shows them, and why it
 * failed. Shared by every place that follows a job to its end: the map-reduce action in the engine, its launchers
 * ({@link MapReduceLauncherMain}, {@link CustomMainLauncher}), and the distcp and sqoop actions.
 */
final class MapReduceJobResults {
  /** Oozie's name for the group of record counters ({@code ${RECORDS}}). */
  static final String RECORDS_GROUP = "org.apache.hadoop.mapred.Task$Counter";
  private static final String TASK_COUNTER_GROUP = "org.apache.hadoop.mapreduce.TaskCounter";

  private MapReduceJobResults() {
  }

  /**
   * Why the job failed: the failed task's own error first (the LocalJobRunner's logged exception, a cluster task
   * attempt's diagnostics), else the job's failure info.
   */
  static String failureInfo(RunningJob running, boolean local) throws java.io.IOException,
      InterruptedException {
    String jobId = running.getID().toString();
    if (local) {
      Throwable failure = LocalJobFailures.take(jobId, 2000);
      if (failure != null) {
        return "task failed: " + LocalJobFailures.describe(failure);
      }
    }
    for (org.apache.hadoop.mapred.TaskCompletionEvent event : running.getTaskCompletionEvents(0)) {
      if (event.getTaskStatus() == org.apache.hadoop.mapred.TaskCompletionEvent.Status.FAILED) {
        String[] diagnostics = running.getTaskDiagnostics(event.getTaskAttemptId());
        if (diagnostics != null && diagnostics.length > 0 && !diagnostics[0].isBlank()) {
          return "task " + event.getTaskAttemptId() + " failed: "
              + diagnostics[0].strip().lines().findFirst().orElse("");
        }
      }
    }
    String info = running.getFailureInfo();
    if (info != null && !info.isBlank() && !"NA".equals(info.trim())) {
      return info;
    }
    return local ? "the task's error is in the engine's log (LocalJobRunner, job " + jobId + ")" : null;
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
