package dev.hadoopkit.jobs.common;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;

/**
 * Defaults for jobs on a cluster (YARN), applied only to keys nobody set: a cluster's and a user's settings win.
 *
 * <p>Uber mode is on: a small job then runs its tasks inside its ApplicationMaster's container instead of asking
 * for one container per task. Hadoop itself decides which jobs are small enough (at most
 * {@code mapreduce.job.ubertask.maxmaps} = 9 maps, one reducer, input of at most one block, and task memory that
 * fits the AM's), so larger jobs run as before. On the sandbox a 1,000-rating job took 26 s instead of 43 s
 * (median of 3, docs/benchmarks.md "Small jobs on YARN").
 */
public final class ClusterDefaults {

  static final String UBER_KEY = "mapreduce.job.ubertask.enable";

  private ClusterDefaults() {
  }

  public static void tune(Configuration conf) {
    // The client's Configuration has not loaded mapred-site.xml yet (JobConf does, later): look through a JobConf,
    // so that the cluster's framework and its own ubertask setting are seen.
    JobConf view = new JobConf(conf);
    if (LocalMode.isLocal(view)) {
      return;
    }
    String[] sources = view.getPropertySources(UBER_KEY);
    boolean onlyDefaults = true;
    if (sources != null) {
      for (String source : sources) {
        onlyDefaults &= source.endsWith("-default.xml");
      }
    }
    if (onlyDefaults) {
      conf.set(UBER_KEY, "true", "hadoopkit cluster defaults");
    }
  }
}
