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
    int batchPerPass, long noneTolerance, boolean sync, Clock clock) {
  /**
   * Input checks one coordinator makes per second at most: a coordinator with 10,000 waiting actions looks at each
   * every 50 s (Oozie's 60 s) instead of every 3 s, so a big backlog does not hammer the NameNode.
   */
  public static final int INPUT_CHECKS_PER_SECOND = 200;

  public static SchedulerSettings defaults(Path stateDir, Clock clock) {
    return new SchedulerSettings(stateDir, 16, 250, 3000, 500, 60_000, true, clock);
  }

  /** The longest wait between two checks of a waiting action's inputs, for a coordinator with so many waiting. */
  public long inputCheckCap(int waiting) {
    return Math.max(inputCheckMaxMillis, waiting * 1000L / INPUT_CHECKS_PER_SECOND);
  }

  public SchedulerSettings withWorkflowPool(int pool) {
    if (pool < 1) {
      throw new IllegalArgumentException("--pool must be at least 1: " + pool);
    }
    return new SchedulerSettings(stateDir, pool, inputCheckMinMillis, inputCheckMaxMillis, batchPerPass,
        noneTolerance, sync, clock);
  }

  public SchedulerSettings withSync(boolean newSync) {
    return new SchedulerSettings(stateDir, workflowPool, inputCheckMinMillis, inputCheckMaxMillis, batchPerPass,
        noneTolerance, newSync, clock);
  }

  public Path journalFile() {
    return stateDir.resolve("scheduler").resolve("journal.jsonl");
  }
}
