package dev.hadoopkit.workflow.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * This engine's one addition to Oozie's property rules: a {@code ${name}} in job.properties (or a {@code -D} value)
 * that no job property defines resolves from the client's cluster configuration — the core-site, hdfs-site,
 * yarn-site and mapred-site of {@code $HADOOP_CONF_DIR}, with Hadoop's defaults behind them. So
 * {@code nameNode=${fs.defaultFS}} and {@code jobTracker=${yarn.resourcemanager.address}} make one job.properties fit
 * every cluster. A job property of the same name (job.properties or {@code -D}) still wins, and the cluster's values
 * are used for expansion only: they do not become job properties of the run.
 */
public final class ClusterProperties {
  /** The variables Hadoop's own expansion knows: {@code ${name}} with a property-like name (no EL functions). */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");
  private static final List<String> SITE_FILES = List.of("hdfs-site.xml", "yarn-site.xml", "mapred-site.xml");

  private ClusterProperties() {
  }

  /**
   * For every {@code ${name}} the properties use but do not define (and that is no system property), the cluster
   * configuration's value of {@code name}, when it has one.
   */
  public static Map<String, String> referenced(Map<String, String> properties,
      java.util.function.Supplier<Configuration> cluster) {
    Map<String, String> out = new TreeMap<>();
    List<String> wanted = new java.util.ArrayList<>();
    for (String value : properties.values()) {
      if (value == null) {
        continue;
      }
      Matcher m = VARIABLE.matcher(value);
      while (m.find()) {
        String name = m.group(1);
        if (!properties.containsKey(name) && System.getProperty(name) == null && !wanted.contains(name)) {
          wanted.add(name);
        }
      }
    }
    if (wanted.isEmpty()) {
      return out; // the common case: no copy of the configuration, no site files read
    }
    Configuration sites = new Configuration(cluster.get());
    // new Configuration() reads core-site.xml only; the other site files are read by HDFS, YARN and MapReduce classes
    // when they load, so a client that has not touched them yet would not know yarn.resourcemanager.address.
    SITE_FILES.forEach(sites::addResource);
    for (String name : wanted) {
      String value = sites.get(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }

  /** The properties expanded among themselves, with the cluster's values for the Hadoop keys they name. */
  public static Map<String, String> resolve(Map<String, String> properties,
      java.util.function.Supplier<Configuration> cluster) {
    return Submission.expand(properties, referenced(properties, cluster));
  }
}
