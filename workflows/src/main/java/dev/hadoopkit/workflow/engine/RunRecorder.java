package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How a run's driver and its action threads change the run: each record is masked (secret job properties), journaled
 * (forced to disk when a replay could not recompute it) and only then applied to the run's state and passed to the
 * listener. Once the engine is stopping nothing more is journaled, so the run stays resumable as it is on disk.
 */
final class RunRecorder {
  private final Journal journal;
  private final RunState state;
  private final WorkflowDefinition definition;
  private final Secrets secrets;
  private final RunListener listener;
  private final EngineStop stop;

  RunRecorder(Journal journal, RunState state, WorkflowDefinition definition, Secrets secrets, RunListener listener,
      EngineStop stop) {
    this.journal = journal;
    this.state = state;
    this.definition = definition;
    this.secrets = secrets;
    this.listener = listener;
    this.stop = stop;
  }

  /** Masks the secrets in a record, journals it (unless the engine is stopping) and applies it to the state. */
  void record(JournalRecord unmasked) {
    JournalRecord record = secrets.mask(unmasked);
    synchronized (journal) {
      if (stop.stopping()) {
        return; // the process is stopping: the run must stay as it is on disk, resumable
      }
      try {
        journal.append(record, mustForce(record));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the journal " + journal.file() + ": " + e.getMessage(), e);
      }
      state.apply(record);
    }
    listener.onRecord(state.info().id(), record);
  }

  /**
   * Results that a replay could not recompute are forced: an action's or decision's end, a retry, a kill, the run's
   * status. An action start, an external id or a start/fork/join transition may be lost in a crash; the action then
   * simply runs again, which is what happens to a started action anyway.
   */
  private boolean mustForce(JournalRecord record) {
    if (record instanceof JournalRecord.Start || record instanceof JournalRecord.External) {
      return false;
    }
    if (record instanceof JournalRecord.End end) {
      Node node = definition.nodes().get(end.node());
      return node instanceof Node.Action || node instanceof Node.Decision || node instanceof Node.Kill;
    }
    return true;
  }
}
