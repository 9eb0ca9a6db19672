package dev.hadoopkit.workflow.scheduler;

/** The status of a coordinator or bundle job (Oozie's names). */
enum JobStatus {
  PREP, RUNNING, RUNNINGWITHERROR, SUSPENDED, PAUSED, SUCCEEDED, DONEWITHERROR, KILLED, FAILED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == DONEWITHERROR || this == KILLED || this == FAILED;
  }

  /** May materialize and start actions. */
  public boolean isActive() {
    return this == RUNNING || this == RUNNINGWITHERROR;
  }
}
