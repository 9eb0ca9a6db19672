package dev.hadoopkit.workflow.scheduler;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * The ResourceManager web page of an action's YARN application ({@code job_1796162006092_0001} →
 * {@code http://rm:8088/cluster/app/application_1796162006092_0001}), for the console and Oozie's {@code consoleUrl}.
 * The host is the run's {@code resourceManager}/{@code jobTracker}, else the daemon's cluster configuration; the port
 * that of {@code yarn.resourcemanager.webapp.address} (8088). Local jobs have no page.
 */
final class ResourceManagerLinks {
  private static final Pattern JOB_ID = Pattern.compile("job_(\\d+_\\d+)");

  private ResourceManagerLinks() {
  }

  static String url(String externalId, Map<String, String> runConf, Configuration daemon) {
    if (externalId == null) {
      return null;
    }
    Matcher job = JOB_ID.matcher(externalId);
    if (!job.find()) {
      return null; // a local job (job_local…), a process, a sub-workflow
    }
    String host = host(runConf.getOrDefault("resourceManager", runConf.get("jobTracker")));
    if (host == null && "yarn".equals(daemon.get("mapreduce.framework.name"))) {
      host = host(daemon.get("yarn.resourcemanager.address"));
    }
    if (host == null) {
      return null;
    }
    String web = daemon.get("yarn.resourcemanager.webapp.address", "0.0.0.0:8088");
    String port = web.contains(":") ? web.substring(web.lastIndexOf(':') + 1) : "8088";
    return "http://" + host + ":" + port + "/cluster/app/application_" + job.group(1);
  }

  private static String host(String address) {
    if (address == null || address.isBlank() || address.trim().equals("local") || address.contains("${")) {
      return null;
    }
    String value = address.trim().replaceFirst("^[a-z]+://", "");
    String host = value.contains(":") ? value.substring(0, value.indexOf(':')) : value;
    return host.isEmpty() || host.equals("0.0.0.0") ? null : host;
  }
}
