package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.Views;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunInfo;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.Secrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots of workflow runs for Oozie's API, from the engine's store alone: the daemon's REST layer and the embedded
 * {@code bin/oozie} (no daemon) show the same thing.
 */
public final class WorkflowViews {
  private WorkflowViews() {
  }

  /** A workflow run as the REST layer and {@code bin/oozie} show it, secrets masked; NotFoundException when absent. */
  public static Views.WorkflowJob workflow(WorkflowEngine engine, String id,
      org.apache.hadoop.conf.Configuration hadoop) {
    RunState run;
    WorkflowDefinition definition;
    try {
      run = engine.store().load(id);
      definition = engine.definitionOf(id);
    } catch (Exception e) {
      throw new NotFoundException("no workflow job " + id);
    }
    RunInfo info = run.info();
    Secrets secrets = Secrets.of(info.conf());
    List<Views.WorkflowAction> actions = new ArrayList<>();
    for (NodeRun node : run.nodeRuns()) {
      Node spec = definition.nodes().get(node.name());
      String type = spec instanceof Node.Action action ? action.spec().type() : spec == null ? "unknown"
          : ":" + spec.kind().name() + ":";
      actions.add(new Views.WorkflowAction(id + "@" + node.name(), node.name(), type, node.status().name(),
          Math.max(0, node.attempt() - 1), spec instanceof Node.Action a ? number(a.retry().max()) : 0,
          spec instanceof Node.Action a ? number(a.retry().intervalMinutes()) : 0, instant(node.startTime()),
          instant(node.endTime()), String.join(",", node.transitions()),
          node.data().isEmpty() ? null : secrets.mask(node.data().toString()), node.externalId(),
          node.status().name(), ResourceManagerLinks.url(node.externalId(), info.conf(), hadoop),
          node.errorCode(), node.errorMessage() == null ? null
          : secrets.mask(node.errorMessage()), null));
    }
    long lastModified = Math.max(info.createdTime(), info.endTime());
    for (NodeRun node : run.nodeRuns()) {
      lastModified = Math.max(lastModified, Math.max(node.startTime(), node.endTime()));
    }
    Instant start = run.nodeRuns().isEmpty() ? null : instant(info.createdTime());
    return new Views.WorkflowJob(id, info.name(), info.appPath(), info.user(), "users", info.status().name(),
        info.parent(), secrets.maskConf(info.conf()), instant(info.createdTime()), start, instant(info.endTime()),
        instant(lastModified), info.run(), actions);
  }

  private static int number(String text) {
    if (text == null) {
      return 0;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Instant instant(long millis) {
    return millis <= 0 ? null : Instant.ofEpochMilli(millis);
  }
}
