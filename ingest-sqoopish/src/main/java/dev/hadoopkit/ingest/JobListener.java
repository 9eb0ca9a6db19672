package dev.hadoopkit.ingest;

import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;

/**
 * Told about every MapReduce job a command submits: at submission (so an embedder can record the job id and kill the
 * job) and when it has ended (with its final counters, null when the framework has none). Called on the thread that
 * runs the command.
 */
public interface JobListener {
  /** A listener that ignores everything (the command-line launcher's). */
  JobListener NONE = new JobListener() {
  };

  default void submitted(Job job) {
  }

  default void finished(Job job, boolean successful, Counters counters) {
  }
}
