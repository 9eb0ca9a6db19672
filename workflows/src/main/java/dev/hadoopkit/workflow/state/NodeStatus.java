package dev.hadoopkit.workflow.state;

/** The status of one node in a run (Oozie's action statuses; control nodes go straight to OK). */
public enum NodeStatus {
  PREP, RUNNING, USER_RETRY, OK, ERROR, KILLED, FAILED;

  public boolean isTerminal() {
    return this == OK || this == ERROR || this == KILLED || this == FAILED;
  }

  public boolean isSuccessful() {
    return this == OK;
  }

  /** The action may be tried again under its retry-max. */
  public boolean isRetriable() {
    return this == ERROR;
  }
}
