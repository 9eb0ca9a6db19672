package dev.hadoopkit.workflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class ResourceManagerLinksTest {
  @Test
  void aYarnJobLinksToItsApplicationPage() {
    Configuration daemon = new Configuration(false);
    assertEquals("http://127.0.0.1:8088/cluster/app/application_1796162006092_0001", ResourceManagerLinks.url(
        "job_1796162006092_0001", Map.of("jobTracker", "127.0.0.1:8032"), daemon));
    daemon.set("yarn.resourcemanager.webapp.address", "0.0.0.0:18088");
    assertEquals("http://rm.example:18088/cluster/app/application_1_0002", ResourceManagerLinks.url(
        "job_1_0002,job_1_0003", Map.of("resourceManager", "rm.example:8032"), daemon));
    daemon.set("mapreduce.framework.name", "yarn");
    daemon.set("yarn.resourcemanager.address", "cluster-rm:8032");
    assertEquals("http://cluster-rm:18088/cluster/app/application_1_0002", ResourceManagerLinks.url(
        "job_1_0002", Map.of("jobTracker", "${jobTracker}"), daemon));
  }

  @Test
  void localJobsAndOtherIdsHaveNone() {
    Configuration daemon = new Configuration(false);
    assertNull(ResourceManagerLinks.url("job_local927893915_0001", Map.of("jobTracker", "local"), daemon));
    assertNull(ResourceManagerLinks.url("job_1_0002", Map.of("jobTracker", "local"), daemon));
    assertNull(ResourceManagerLinks.url("pid:17498", Map.of(), daemon));
    assertNull(ResourceManagerLinks.url(null, Map.of(), daemon));
  }
}
