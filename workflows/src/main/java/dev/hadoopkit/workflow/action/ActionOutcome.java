package dev.hadoopkit.workflow.action;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import dev.hadoopkit.workflow.state.NodeStatus;
import java.util.Map;

/**
 * How an action attempt ended. {@code OK} follows the ok transition; {@code ERROR} is retried under retry-max and then
 * follows the error transition; {@code FAILED} (a defect in the action definition, e.g. bad EL) fails the workflow.
 */
public record ActionOutcome(NodeStatus status, String errorCode, String errorMessage, Map<String, String> data,
    Map<String, Map<String, Long>> counters) {

  public static ActionOutcome ok() {
    return new ActionOutcome(NodeStatus.OK, null, null, Map.of(), Map.of());
  }

  public static ActionOutcome ok(Map<String, String> data) {
    return new ActionOutcome(NodeStatus.OK, null, null, data, Map.of());
  }

  public static ActionOutcome error(String code, String message) {
    return new ActionOutcome(NodeStatus.ERROR, code, message, Map.of(), Map.of());
  }

  public static ActionOutcome failed(String code, String message) {
    return new ActionOutcome(NodeStatus.FAILED, code, message, Map.of(), Map.of());
  }

  public static ActionOutcome error(RunErrorCode code, String message) {
    return error(code.name(), message);
  }

  public static ActionOutcome failed(RunErrorCode code, String message) {
    return failed(code.name(), message);
  }

  /** A parse-time code met at run time (E0723 unsupported action, EL_ERROR). */
  public static ActionOutcome error(ErrorCode code, String message) {
    return error(code.name(), message);
  }

  public static ActionOutcome failed(ErrorCode code, String message) {
    return failed(code.name(), message);
  }

  public ActionOutcome withCounters(Map<String, Map<String, Long>> newCounters) {
    return new ActionOutcome(status, errorCode, errorMessage, data, newCounters);
  }
}
