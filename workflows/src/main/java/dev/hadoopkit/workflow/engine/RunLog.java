package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.RunStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The run.log of each run: the engine's notes and a line per journaled record. The journal is the record of a run;
 * run.log is what a person reads, so a write that fails is ignored.
 */
final class RunLog {
  private final RunStore store;
  private final Clock clock;
  private final PrintStream messages;

  RunLog(RunStore store, Clock clock, PrintStream messages) {
    this.store = store;
    this.clock = clock;
    this.messages = messages;
  }

  /** A note of the engine about a run (also printed on the engine's console, if any). */
  void note(String runId, String message) {
    String line = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(clock.millis()))
        + "  " + runId + "  NOTE      " + message;
    writeLogLine(runId, line);
    if (messages != null) {
      messages.println(line);
    }
  }

  /** A journaled record: into run.log, then to the listener. */
  void record(RunListener listener, String runId, JournalRecord record) {
    append(runId, record);
    listener.onRecord(runId, record);
  }

  void append(String runId, JournalRecord record) {
    writeLogLine(runId, RunLogFormat.line(runId, record));
  }

  private void writeLogLine(String runId, String line) {
    try {
      Files.writeString(store.runDir(runId).resolve("run.log"), line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // the journal is the record; run.log is a convenience
    }
  }
}
