package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.state.JournalRecord;

/** Sees every journal record of a run as it is written (the CLI streams transitions from here). */
public interface RunListener {
  RunListener NONE = (runId, record) -> {
  };

  void onRecord(String runId, JournalRecord record);
}
