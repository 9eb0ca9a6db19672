package dev.hadoopkit.workflow.scheduler;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How the daemon schedules: its state directory (shared with the workflow engine), how many workflows run at once,
 * how often a missing input is looked for again (doubling from {@code inputCheckMinMillis} up to
 * {@code inputCheckMaxMillis}; Oozie polls every 60 s), how many actions one coordinator may materialize or start
 * per pass (so one backlog cannot starve the others), the tolerance of execution NONE, and the clock.
 */
public record SchedulerSettings(Path stateDir, int workflowPool, long inputCheckMinMillis, long inputCheckMaxMillis,
    int batchPerPass, long noneTolerance, long minimumFrequencyMillis, boolean sync, Clock clock) {

  public static SchedulerSettings defaults(Path stateDir, Clock clock) {
    return new SchedulerSettings(stateDir, 16, 250, 3000, 500, 60_000, 60_000, true, clock);
  }

  public SchedulerSettings withWorkflowPool(int pool) {
    if (pool < 1) {
      throw new IllegalArgumentException("--pool must be at least 1: " + pool);
    }
    return new SchedulerSettings(stateDir, pool, inputCheckMinMillis, inputCheckMaxMillis, batchPerPass,
        noneTolerance, minimumFrequencyMillis, sync, clock);
  }

  public SchedulerSettings withSync(boolean newSync) {
    return new SchedulerSettings(stateDir, workflowPool, inputCheckMinMillis, inputCheckMaxMillis, batchPerPass,
        noneTolerance, minimumFrequencyMillis, newSync, clock);
  }

  public Path journalFile() {
    return stateDir.resolve("scheduler").resolve("journal.jsonl");
  }
}
