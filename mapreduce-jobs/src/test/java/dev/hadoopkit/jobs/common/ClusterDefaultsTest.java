package dev.hadoopkit.jobs.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;

/** Issue 13, small jobs on YARN: uber mode by default on a cluster, never over a user's choice, never locally. */
class ClusterDefaultsTest {

  private static Configuration cluster() {
    // What a job client holds before JobConf loads mapred-*.xml: only the framework says it is a cluster.
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "yarn", "mapred-site.xml");
    return conf;
  }

  @Test
  void aClusterJobMayRunInUberMode() {
    Configuration conf = cluster();
    assertFalse(new JobConf(conf).getBoolean(ClusterDefaults.UBER_KEY, true), "Hadoop's default");
    ClusterDefaults.tune(conf);
    assertEquals("true", new JobConf(conf).get(ClusterDefaults.UBER_KEY));
  }

  @Test
  void aUsersOrClustersChoiceWins() {
    Configuration conf = cluster();
    conf.set(ClusterDefaults.UBER_KEY, "false", "from command line");
    ClusterDefaults.tune(conf);
    assertEquals("false", new JobConf(conf).get(ClusterDefaults.UBER_KEY));
  }

  @Test
  void localJobsAreLeftAlone() {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    ClusterDefaults.tune(conf);
    assertEquals("false", new JobConf(conf).get(ClusterDefaults.UBER_KEY));
  }
}
