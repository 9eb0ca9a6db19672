package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Journals Oozie's rerun of an ended run (see {@link WorkflowEngine#rerun}): the nodes to skip, checked (E0805 for
 * a run not ended, E0807 for a skip node that did not end OK), and the new properties merged over the run's.
 */
final class RerunRecorder {
  /**
   * Properties that steer a rerun (Oozie's {@code oozie.wf.rerun.*}) rather than configure the run; they are not kept
   * in the run's properties.
   */
  private static final List<String> RERUN_CONTROLS = List.of(ConfigKeys.RERUN_FAIL_NODES, ConfigKeys.RERUN_SKIP_NODES);

  private final WorkflowEngine engine;
  private final RunLog log;

  RerunRecorder(WorkflowEngine engine, RunLog log) {
    this.engine = engine;
    this.log = log;
  }

  void record(String id, boolean failNodes, List<String> skipNodes, Map<String, String> newConf,
      RunListener listener) throws IOException, WorkflowException {
    if (failNodes && !skipNodes.isEmpty()) {
      throw new WorkflowException(ErrorCode.E0807, Location.of(id), "set only one of "
          + ConfigKeys.RERUN_FAIL_NODES + " and " + ConfigKeys.RERUN_SKIP_NODES);
    }
    Optional<RunStore.RunLock> lock = engine.store().tryLock(id);
    if (lock.isEmpty()) {
      throw new IllegalStateException("Run " + id + " is being driven by another engine process");
    }
    try (RunStore.RunLock held = lock.get()) {
      RunState state = engine.store().load(id);
      if (!state.info().status().isTerminal()) {
        throw new WorkflowException(ErrorCode.E0805, Location.of(id), "workflow job not completed, status ["
            + state.info().status() + "]: only SUCCEEDED, FAILED or KILLED runs can be rerun; resume it with"
            + " 'bin/workflow run --resume " + id + "'");
      }
      WorkflowDefinition definition = engine.definitionOf(id);
      List<String> skip = new ArrayList<>();
      if (failNodes) {
        for (NodeRun run : state.nodeRuns()) {
          if (run.status() == NodeStatus.OK && definition.nodes().get(run.name()) instanceof Node.Action) {
            skip.add(run.name());
          }
        }
      } else {
        List<String> notOk = new ArrayList<>();
        for (String node : skipNodes) {
          NodeRun run = state.nodeRun(node);
          if (!(definition.nodes().get(node) instanceof Node.Action) || run == null
              || run.status() != NodeStatus.OK) {
            notOk.add(node);
          }
        }
        if (!notOk.isEmpty()) {
          throw new WorkflowException(ErrorCode.E0807, Location.of(id), "some skip actions were not executed "
              + notOk + ": only action nodes that ended OK in the previous run can be skipped");
        }
        skip.addAll(skipNodes);
      }
      Map<String, String> given = new java.util.TreeMap<>(newConf);
      RERUN_CONTROLS.forEach(given::remove);
      Map<String, String> conf = null;
      String changed = null;
      if (!given.isEmpty()) {
        Map<String, String> merged = new java.util.TreeMap<>(engine.store().loadForRun(id).info().conf()); // secrets decrypted
        merged.putAll(given);
        merged.put(ConfigKeys.APP_PATH, state.info().conf().getOrDefault(ConfigKeys.APP_PATH, state.info().appPath()));
        merged = Submission.expand(merged);
        if (!merged.equals(state.info().conf())) {
          conf = engine.store().seal(merged);
          changed = String.join(", ", given.keySet());
        }
      }
      JournalRecord record = JournalRecord.rerun(engine.settings().clock().millis(), state.info().run() + 1, skip, conf,
          changed);
      try (Journal journal = engine.store().journal(id)) {
        journal.append(record);
      }
      log.record(listener, id, record);
    }
  }
}
