package dev.hadoopkit.workflow.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One line of a run's journal. Every change of a run's state is one record, appended before it is applied, so the
 * state after a crash is exactly the replay of the lines on disk.
 *
 * <ul>
 *   <li>{@code submitted}: id, app, name, user, conf (resolved job properties), parent</li>
 *   <li>{@code status}: the run's new status, message</li>
 *   <li>{@code start}: an action attempt began (node, attempt)</li>
 *   <li>{@code external}: an action's external id (Hadoop job id, child process, sub-workflow id); for a child
 *   process ({@code pid:N}) also processStart, its start time in epoch millis, so that a resumed engine can tell the
 *   dead engine's still running child from another process that got the same pid later</li>
 *   <li>{@code retry}: an attempt ended in error and will be retried (node, attempt, code, message, dueTime)</li>
 *   <li>{@code end}: a node finished (node, status, to, code, message, data, counters, skipped)</li>
 *   <li>{@code rerun}: a new run number over the same id (run, skip; conf: the run's properties from now on, when the
 *   rerun changed them)</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalRecord(String type, long time, String id, String app, String name, String user,
    Map<String, String> conf, String parent, String status, String node, Integer attempt, List<String> to,
    String code, String message, Map<String, String> data, Map<String, Map<String, Long>> counters,
    String externalId, Long dueTime, Integer run, List<String> skip, Boolean skipped, Long processStart) {

  public static JournalRecord submitted(long time, String id, String app, String name, String user,
      Map<String, String> conf, String parent) {
    return new JournalRecord("submitted", time, id, app, name, user, conf, parent, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  public static JournalRecord status(long time, WorkflowStatus status, String message) {
    return new JournalRecord("status", time, null, null, null, null, null, null, status.name(), null, null, null,
        null, message, null, null, null, null, null, null, null, null);
  }

  public static JournalRecord start(long time, String node, int attempt) {
    return new JournalRecord("start", time, null, null, null, null, null, null, null, node, attempt, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  public static JournalRecord external(long time, String node, String externalId) {
    return new JournalRecord("external", time, null, null, null, null, null, null, null, node, null, null, null,
        null, null, null, externalId, null, null, null, null, null);
  }

  /** A child process started for an action: {@code pid:N} and the process's start time (epoch millis). */
  public static JournalRecord process(long time, String node, long pid, long startMillis) {
    return new JournalRecord("external", time, null, null, null, null, null, null, null, node, null, null, null,
        null, null, null, "pid:" + pid, null, null, null, null, startMillis);
  }

  public static JournalRecord retry(long time, String node, int attempt, String code, String message, long due) {
    return new JournalRecord("retry", time, null, null, null, null, null, null, null, node, attempt, null, code,
        message, null, null, null, due, null, null, null, null);
  }

  public static JournalRecord end(long time, String node, NodeStatus status, List<String> to, String code,
      String message, Map<String, String> data, Map<String, Map<String, Long>> counters, boolean skipped) {
    return new JournalRecord("end", time, null, null, null, null, null, null, status.name(), node, null, to, code,
        message, data == null || data.isEmpty() ? null : data,
        counters == null || counters.isEmpty() ? null : counters, null, null, null, null, skipped ? true : null,
        null);
  }

  public static JournalRecord rerun(long time, int run, List<String> skip) {
    return rerun(time, run, skip, null, null);
  }

  /**
   * A rerun that also changes the run's properties ("fix a property and rerun"): {@code conf} is the whole new set,
   * {@code changed} (the message) names the properties given anew, never their values.
   */
  public static JournalRecord rerun(long time, int run, List<String> skip, Map<String, String> conf,
      String changed) {
    return new JournalRecord("rerun", time, null, null, null, null, conf, null, null, null, null, null, null,
        changed, null, null, null, null, run, skip, null, null);
  }

  /** This record with other submitted properties (sealed or opened secrets). */
  public JournalRecord withConf(Map<String, String> newConf) {
    return new JournalRecord(type, time, id, app, name, user, newConf, parent, status, node, attempt, to, code,
        message, data, counters, externalId, dueTime, run, skip, skipped, processStart);
  }

  /** This record with another message and action data (masked secrets). */
  public JournalRecord withMessageAndData(String newMessage, Map<String, String> newData) {
    return new JournalRecord(type, time, id, app, name, user, conf, parent, status, node, attempt, to, code,
        newMessage, newData, counters, externalId, dueTime, run, skip, skipped, processStart);
  }
}
