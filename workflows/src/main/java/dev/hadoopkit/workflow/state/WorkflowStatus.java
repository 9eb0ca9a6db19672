package dev.hadoopkit.workflow.state;

/**
 * The status of a workflow run (Oozie's names). SUSPENDED: no new action starts, running ones finish; resume
 * continues the run.
 */
public enum WorkflowStatus {
  PREP, RUNNING, SUSPENDED, SUCCEEDED, FAILED, KILLED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == KILLED;
  }

  public boolean isSuccessful() {
    return this == SUCCEEDED;
  }
}
