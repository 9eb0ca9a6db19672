package dev.hadoopkit.workflow.action;

import java.util.Map;

/** Runs a child workflow to its end for the sub-workflow action; implemented by the engine. */
public interface SubWorkflowRunner {
  /** The child run's id and whether it succeeded. */
  record Result(String id, boolean succeeded, String status, String message) {
  }

  /**
   * @param appPath the child's app path
   * @param conf the child's job properties
   * @param onId called with the child's id as soon as it exists (recorded as the action's external id)
   */
  Result run(String appPath, Map<String, String> conf, java.util.function.Consumer<String> onId,
      Cancellation cancellation) throws Exception;

  /**
   * After an engine crash: continues the child run {@code childId} when it exists and has not ended; empty when it
   * must be started anew.
   */
  java.util.Optional<Result> resume(String childId, Cancellation cancellation) throws Exception;
}
