package dev.hadoopkit.workflow.el;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** What the {@code wf:} and {@code hadoop:} EL functions can see of a run. Implemented by the engine. */
public interface WorkflowElContext {
  String id();

  String name();

  String appPath();

  String conf(String property);

  String user();

  String group();

  int run();

  String lastErrorNode();

  String errorCode(String node);

  String errorMessage(String node);

  String transition(String node);

  Map<String, String> actionData(String node);

  String actionExternalId(String node);

  /**
   * Oozie's external status of an action: its job's state ({@code SUCCEEDED}, {@code FAILED}, {@code KILLED},
   * {@code RUNNING}), empty before it started.
   */
  default String actionExternalStatus(String node) {
    return "";
  }

  /** Counters of a map-reduce action: group → counter → value, including Oozie's RECORDS group. */
  Map<String, Map<String, Long>> counters(String node);

  /** The Hadoop configuration for {@code fs:} functions. */
  Configuration hadoopConf();
}
