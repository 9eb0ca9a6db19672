package dev.hadoopkit.workflow.engine;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** Where Hadoop work goes: {@code nameNode} → fs.defaultFS, {@code jobTracker}/{@code resourceManager} → local or YARN. */
public final class HadoopConfs {
  private HadoopConfs() {
  }

  /** The run's Hadoop configuration: the client's ($HADOOP_CONF_DIR) with the job's nameNode/jobTracker applied. */
  public static Configuration forRun(Configuration base, Map<String, String> jobProperties) {
    Configuration conf = new Configuration(base);
    apply(conf, jobProperties.get("nameNode"), firstNonEmpty(jobProperties.get("resourceManager"),
        jobProperties.get("jobTracker")));
    if (conf.get("mapreduce.client.completion.pollinterval") == null
        || "5000".equals(conf.get("mapreduce.client.completion.pollinterval"))) {
      conf.set("mapreduce.client.completion.pollinterval", "100");
    }
    return conf;
  }

  /** Applies a name-node and a job-tracker/resource-manager value (either may be null). */
  public static void apply(Configuration conf, String nameNode, String jobTracker) {
    if (nameNode != null && !nameNode.isBlank()) {
      String value = nameNode.trim();
      conf.set("fs.defaultFS", value.equals("file://") || value.equals("file:") ? "file:///" : value);
    }
    if (jobTracker != null && !jobTracker.isBlank()) {
      String value = jobTracker.trim();
      if ("local".equals(value)) {
        conf.set("mapreduce.framework.name", "local");
      } else {
        conf.set("mapreduce.framework.name", "yarn");
        conf.set("yarn.resourcemanager.address", value);
      }
    }
  }

  static String firstNonEmpty(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  /** Oozie apps often write {@code ${nameNode}/path} with nameNode=file:///; collapse the extra slash. */
  public static String normalizePath(String path) {
    if (path == null) {
      return null;
    }
    String p = path.trim();
    while (p.startsWith("file:////")) {
      p = "file:///" + p.substring("file:////".length());
    }
    return p;
  }
}
