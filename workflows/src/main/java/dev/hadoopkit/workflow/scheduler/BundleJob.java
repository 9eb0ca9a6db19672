package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.BundleDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bundle as the scheduler thread holds it: its definition and the coordinator id of each of its entries. */
final class BundleJob {
  final String id;
  final String name;
  final String user;
  final String appPath;
  final long createdTime;
  final Map<String, String> conf;
  final BundleDefinition definition;
  final String brokenReason;
  JobStatus status;
  String statusMessage;
  long lastModified;
  long startedTime;
  /** -run, or -start after -submit: the coordinators are created at the kick-off time. */
  boolean startRequested;
  /** Bundle coordinator name → coordinator job id, for those created so far. */
  final Map<String, String> coordinators = new LinkedHashMap<>();

  BundleJob(String id, String name, String user, String appPath, long createdTime, Map<String, String> conf,
      BundleDefinition definition, String brokenReason) {
    this.id = id;
    this.name = name;
    this.user = user;
    this.appPath = appPath;
    this.createdTime = createdTime;
    this.conf = conf;
    this.definition = definition;
    this.brokenReason = brokenReason;
    this.lastModified = createdTime;
  }
}
