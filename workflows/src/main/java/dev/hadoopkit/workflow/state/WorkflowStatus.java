package dev.hadoopkit.workflow.state;

/** The status of a workflow run (Oozie's names). */
public enum WorkflowStatus {
  PREP, RUNNING, SUCCEEDED, FAILED, KILLED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == KILLED;
  }

  public boolean isSuccessful() {
    return this == SUCCEEDED;
  }
}
