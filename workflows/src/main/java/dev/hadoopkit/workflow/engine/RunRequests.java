package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The request files through which other processes ask the engine that drives a run to kill, suspend or resume it
 * ({@link RunControl} writes them, the run's driver takes them between steps).
 */
final class RunRequests {
  private final Path runDir;
  private final RunState state;
  private final RunRecorder recorder;
  private final Clock clock;
  private final RunLog log;

  RunRequests(Path runDir, RunState state, RunRecorder recorder, Clock clock, RunLog log) {
    this.runDir = runDir;
    this.state = state;
    this.recorder = recorder;
    this.clock = clock;
    this.log = log;
  }

  /** Whether a kill was asked for. */
  boolean killRequested() {
    return Files.exists(runDir.resolve(RunStore.KILL_REQUEST));
  }

  /**
   * {@code oozie job -suspend|-resume} of a run this engine drives arrive as request files (as kill does): suspended,
   * no new action starts (running ones finish and are journaled); resumed, the run goes on. The status is journaled,
   * so a suspended run stays suspended across an engine restart.
   */
  void suspendOrResume() {
    Path suspend = runDir.resolve(RunStore.SUSPEND_REQUEST);
    Path resume = runDir.resolve(RunStore.RESUME_REQUEST);
    try {
      if (Files.exists(suspend)) {
        if (state.info().status() == WorkflowStatus.RUNNING) {
          recorder.record(JournalRecord.status(clock.millis(), WorkflowStatus.SUSPENDED, "suspended on request"));
        }
        Files.deleteIfExists(suspend);
      } else if (Files.exists(resume)) {
        if (state.info().status() == WorkflowStatus.SUSPENDED) {
          recorder.record(JournalRecord.status(clock.millis(), WorkflowStatus.RUNNING, "resumed on request"));
        }
        Files.deleteIfExists(resume);
      }
    } catch (IOException e) {
      log.note(state.info().id(), "could not take a suspend/resume request: " + e.getMessage());
    }
  }

  /** Removes the requests taken care of: a kill always, suspend/resume once the run has ended. */
  void clear() {
    try {
      Files.deleteIfExists(runDir.resolve(RunStore.KILL_REQUEST));
      if (state.info().status().isTerminal()) {
        Files.deleteIfExists(runDir.resolve(RunStore.SUSPEND_REQUEST));
        Files.deleteIfExists(runDir.resolve(RunStore.RESUME_REQUEST));
      }
    } catch (IOException ignored) {
      // best effort
    }
  }
}
