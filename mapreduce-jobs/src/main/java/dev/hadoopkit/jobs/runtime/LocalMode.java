package dev.hadoopkit.jobs.runtime;

import dev.hadoopkit.formats.localfs.LocalSettings;
import dev.hadoopkit.formats.localfs.NioLocalFileSystem;
import org.apache.hadoop.conf.Configuration;

/**
 * Settings that make Hadoop's local mode (LocalJobRunner) quick on a laptop. Applied only when the job
 * runs locally and only to keys nobody set: a cluster's and a user's own settings always win.
 */
public final class LocalMode {

  private LocalMode() {
  }

  public static boolean isLocal(Configuration conf) {
    return "local".equals(conf.get("mapreduce.framework.name", "local"));
  }

  /**
   * Whether the job needs its jar shipped: on a cluster, yes; LocalJobRunner runs the tasks in this JVM with the
   * classes already loaded, and uploading the 30 MB job jar to the staging directory (with its checksum) only cost
   * time. A jar the user names ({@code mapreduce.job.jar}) is shipped either way.
   */
  public static boolean needsJobJar(Configuration conf) {
    return !isLocal(conf);
  }

  public static void tune(Configuration conf) {
    if (!isLocal(conf)) {
      return;
    }
    // The client polls for completion every 5 s by default: every job would look at least 5 s long.
    setIfDefault(conf, "mapreduce.client.completion.pollinterval", "50");
    // --verbose polls with this one instead: at 200 ms the job looked done up to 0.2 s after its last task.
    setIfDefault(conf, "mapreduce.client.progressmonitor.pollinterval", "50");
    // LocalJobRunner runs one map at a time unless told otherwise.
    setIfDefault(conf, "mapreduce.local.map.tasks.maximum", String.valueOf(Runtime.getRuntime().availableProcessors()));
    // Mappers combine in memory, so their output is small: a 100 MB sort buffer per map is wasted allocation.
    setIfDefault(conf, "mapreduce.task.io.sort.mb", "32");
    // Without Hadoop's native library every chmod and permission lookup forks a process (about 90 per job).
    NioLocalFileSystem.useUnlessChosen(conf, "hadoopkit local mode");
  }

  private static void setIfDefault(Configuration conf, String key, String value) {
    LocalSettings.setUnlessChosen(conf, key, value, "hadoopkit local mode");
  }

}
