package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.ActionExecutor;
import dev.hadoopkit.workflow.definition.ActionBodies;
import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.el.ElScope;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/** What a driver started on a journal left by a stopped engine checks and says before it moves the run again. */
final class ResumeCheck {
  private final WorkflowEngine engine;
  private final WorkflowDefinition definition;
  private final RunState state;
  private final ActionBodyResolver bodies;
  private final Supplier<ElScope> scope;

  ResumeCheck(WorkflowEngine engine, WorkflowDefinition definition, RunState state, ActionBodyResolver bodies,
      Supplier<ElScope> scope) {
    this.engine = engine;
    this.definition = definition;
    this.state = state;
    this.bodies = bodies;
    this.scope = scope;
  }

  /** Says in the run's log which actions run again because they were running when the engine stopped. */
  void announce() {
    for (String node : state.tokens().keySet()) {
      NodeRun run = state.nodeRun(node);
      if (run != null && run.status() == NodeStatus.RUNNING) {
        String external = run.externalId();
        engine.log(state.info().id(), node + ": was RUNNING when the previous engine stopped"
            + (external == null ? "" : " (external id " + external + ")") + "; starting it again"
            + (external != null && external.startsWith("job_") && !external.startsWith("job_local")
                ? " (re-attaching to the Hadoop job if it is still known to the cluster)" : ""));
      }
    }
  }

  /**
   * An action that was running when the previous engine died and that is not safe to run twice (a plain sqoop
   * export: its rows would be inserted again) is not started blindly: the resume stops before it journals anything,
   * the run stays RUNNING, and the message says how to decide.
   */
  void refuseInterruptedNotIdempotent() {
    List<String> unsafe = new ArrayList<>();
    for (String node : state.tokens().keySet()) {
      NodeRun run = state.nodeRun(node);
      if (run == null || run.status() != NodeStatus.RUNNING || !(definition.node(node) instanceof Node.Action action)
          || state.info().skipNodes().contains(node)) {
        continue;
      }
      ActionExecutor executor = engine.registry().get(action.spec().type());
      if (executor == null) {
        continue;
      }
      Element body;
      try {
        body = bodies.resolve(action.spec().xml(), scope.get());
      } catch (Exception e) {
        continue; // its EL fails at once when it runs again: nothing is repeated
      }
      executor.notIdempotent(ActionBodies.of(body)).ifPresent(why -> unsafe.add("action [" + node + "] (" + why + ")"));
    }
    if (!unsafe.isEmpty()) {
      String id = state.info().id();
      throw new NotIdempotentResumeException("Cannot resume " + id + ": " + String.join(", ", unsafe)
          + " was running when the previous engine stopped and may have written part of its data; running it"
          + " again would write that part twice. Check its target, then either remove what it wrote and run"
          + " 'bin/workflow run --resume " + id + " --rerun-nonidempotent', or end the run with 'bin/workflow kill "
          + id + "' (then 'bin/workflow rerun " + id + " -D oozie.wf.rerun.failnodes=true' runs what did not end"
          + " OK). Staged exports (--staging-table) resume without asking");
    }
  }

  /** A resume refused because an interrupted action must not be repeated blindly; the run is left as it was. */
  static final class NotIdempotentResumeException extends IllegalStateException {
    NotIdempotentResumeException(String message) {
      super(message);
    }
  }
}
