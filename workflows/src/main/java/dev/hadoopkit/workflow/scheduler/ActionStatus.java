package dev.hadoopkit.workflow.scheduler;

/** The status of a coordinator action (Oozie's names). */
enum ActionStatus {
  WAITING, READY, SUBMITTED, RUNNING, SUSPENDED, TIMEDOUT, SKIPPED, SUCCEEDED, KILLED, FAILED, IGNORED;

  public boolean isTerminal() {
    return switch (this) {
      case TIMEDOUT, SKIPPED, SUCCEEDED, KILLED, FAILED, IGNORED -> true;
      default -> false;
    };
  }

  /** Ended in a way that makes its coordinator DONEWITHERROR. */
  public boolean isError() {
    return this == TIMEDOUT || this == KILLED || this == FAILED;
  }

  /** Has a workflow that is (or may be) running. */
  public boolean isRunning() {
    return this == SUBMITTED || this == RUNNING || this == SUSPENDED;
  }

  /** Waits to start: counts against the throttle. */
  public boolean isPending() {
    return this == WAITING || this == READY;
  }
}
