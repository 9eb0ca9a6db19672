package dev.hadoopkit.workflow.definition;

/** The kinds of workflow nodes. Control nodes run inside the engine; only actions do external work. */
public enum NodeKind {
  START, END, KILL, DECISION, FORK, JOIN, ACTION;

  public boolean isControl() {
    return this != ACTION;
  }
}
