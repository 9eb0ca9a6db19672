package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.Cancellation;
import dev.hadoopkit.workflow.action.SubWorkflowRunner;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunInfo;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The child runs of sub-workflow actions: submitted and driven by the same engine, resumed after a crash when the
 * child is still the parent's, and killed with their parent.
 */
final class ChildRuns {
  private final WorkflowEngine engine;
  private final RunControl control;
  private final RunLog log;

  ChildRuns(WorkflowEngine engine, RunControl control, RunLog log) {
    this.engine = engine;
    this.control = control;
    this.log = log;
  }

  /** Runs child workflows for sub-workflow actions of run {@code parentId}. */
  SubWorkflowRunner runner(String parentId, RunListener listener) {
    return new SubWorkflowRunner() {
      @Override
      public Result run(String appPath, Map<String, String> conf, Consumer<String> onId,
          Cancellation cancellation) throws Exception {
        if (cancellation.isCancelled()) {
          return new Result(null, false, WorkflowStatus.KILLED.name(), "the parent run ended before the child"
              + " was submitted");
        }
        Submission submission = engine.prepare(conf, Map.of(), appPath);
        String childId = engine.submit(submission, parentId, listener);
        onId.accept(childId);
        cancellation.onKill(() -> control.killChild(parentId, childId));
        return result(engine.run(childId, listener));
      }

      @Override
      public Optional<Result> resume(String childId, Cancellation cancellation) throws Exception {
        if (!engine.store().exists(childId)) {
          return Optional.empty();
        }
        RunState previous = engine.store().load(childId);
        if (!parentId.equals(previous.info().parent())) {
          return Optional.empty();
        }
        if (previous.info().status().isTerminal() && !previous.info().status().isSuccessful()) {
          return Optional.empty(); // a failed child is started anew, as a retry would
        }
        log.note(parentId, "resuming sub-workflow " + childId + " (" + previous.info().status() + ")");
        cancellation.onKill(() -> control.killChild(parentId, childId));
        return Optional.of(result(engine.run(childId, listener)));
      }
    };
  }

  /** How a child run ended; a failure names the child's failing node with its code and message. */
  private static SubWorkflowRunner.Result result(RunState child) {
    RunInfo info = child.info();
    String message = info.statusMessage();
    String node = info.lastErrorNode();
    NodeRun failed = node == null ? null : child.nodeRun(node);
    if (!info.status().isSuccessful() && failed != null) {
      message = "failing node [" + node + "]" + (failed.errorCode() == null ? "" : " [" + failed.errorCode() + "]")
          + (failed.errorMessage() == null ? "" : " " + failed.errorMessage());
    }
    return new SubWorkflowRunner.Result(info.id(), info.status().isSuccessful(), info.status().name(), message);
  }
}
