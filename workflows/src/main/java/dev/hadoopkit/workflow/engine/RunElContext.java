package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.el.WorkflowElContext;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunState;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * What a run's wf: and hadoop: EL functions see: read live from the run's state, which the driver changes as the run
 * moves (so {@code wf:errorCode('a')} in a decision after a sees a's end).
 */
final class RunElContext implements WorkflowElContext {
  private final RunState state;
  private final Configuration hadoop;

  RunElContext(RunState state, Configuration hadoop) {
    this.state = state;
    this.hadoop = hadoop;
  }

  @Override
  public String id() {
    return state.info().id();
  }

  @Override
  public String name() {
    return state.info().name();
  }

  @Override
  public String appPath() {
    return state.info().appPath();
  }

  @Override
  public String conf(String property) {
    return state.info().conf().getOrDefault(property, "");
  }

  @Override
  public String user() {
    return state.info().user();
  }

  @Override
  public String group() {
    try {
      String[] groups = UserGroupInformation.getCurrentUser().getGroupNames();
      return groups.length == 0 ? "" : groups[0];
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public int run() {
    return state.info().run();
  }

  @Override
  public String lastErrorNode() {
    String node = state.info().lastErrorNode();
    return node == null ? "" : node;
  }

  @Override
  public String errorCode(String node) {
    return text(node, NodeRun::errorCode);
  }

  @Override
  public String errorMessage(String node) {
    return text(node, NodeRun::errorMessage);
  }

  @Override
  public String transition(String node) {
    return text(node, run -> run.transitions().isEmpty() ? null : run.transitions().get(0));
  }

  @Override
  public Map<String, String> actionData(String node) {
    NodeRun run = state.nodeRun(node);
    return run == null ? Map.of() : new LinkedHashMap<>(run.data());
  }

  @Override
  public String actionExternalId(String node) {
    return text(node, NodeRun::externalId);
  }

  @Override
  public String actionExternalStatus(String node) {
    NodeRun run = state.nodeRun(node);
    if (run == null) {
      return "";
    }
    return switch (run.status()) {
      case OK -> "SUCCEEDED";
      case ERROR, FAILED -> "FAILED";
      case KILLED -> "KILLED";
      case RUNNING -> "RUNNING";
      default -> "";
    };
  }

  @Override
  public Map<String, Map<String, Long>> counters(String node) {
    NodeRun run = state.nodeRun(node);
    return run == null ? Map.of() : run.counters();
  }

  @Override
  public Configuration hadoopConf() {
    return hadoop;
  }

  /** A text of the node's run; "" (as Oozie's EL functions give) when the node has not run or the text is unset. */
  private String text(String node, Function<NodeRun, String> field) {
    NodeRun run = state.nodeRun(node);
    String value = run == null ? null : field.apply(run);
    return value == null ? "" : value;
  }
}
