package dev.hadoopkit.workflow.action;

/** Runs one action type. One instance per type, registered in {@link ActionRegistry}; must be thread-safe. */
public interface ActionExecutor {
  /** The action element's local name: {@code fs}, {@code shell}, {@code java}, {@code map-reduce}, … */
  String type();

  /**
   * Runs one attempt. Returns the outcome; an exception is reported as an ERROR outcome named after its class.
   * Executors stop promptly when {@link ActionContext#cancellation()} fires.
   */
  ActionOutcome execute(ActionContext context) throws Exception;
}
