package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ActionBody;

/** Runs one action type. One instance per type, registered in {@link ActionRegistry}; must be thread-safe. */
public interface ActionExecutor {
  /** The action element's local name: {@code fs}, {@code shell}, {@code java}, {@code map-reduce}, … */
  String type();

  /**
   * Runs one attempt. Returns the outcome; an exception is reported as an ERROR outcome named after its class.
   * Executors stop promptly when {@link ActionContext#cancellation()} fires.
   */
  ActionOutcome execute(ActionContext context) throws Exception;

  /**
   * Why running an attempt again after it was interrupted (its engine died mid-way) may repeat its effects, e.g. a
   * plain export inserting its rows twice; empty when running it again is safe. {@code body} is the action's typed
   * body with EL resolved where it could be. A resume refuses to start such an action again unless told to.
   */
  default java.util.Optional<String> notIdempotent(ActionBody body) {
    return java.util.Optional.empty();
  }
}
