package dev.hadoopkit.workflow.coord;

/** {@code <controls><execution>}: the order in which ready actions start (Oozie's values; FIFO by default). */
public enum Execution {
  /** Oldest first (the default). */
  FIFO,
  /** Newest first. */
  LIFO,
  /** Only the newest action runs; older waiting actions are skipped. */
  LAST_ONLY,
  /** Actions that are late (their nominal time has passed when they become ready) are skipped. */
  NONE
}
