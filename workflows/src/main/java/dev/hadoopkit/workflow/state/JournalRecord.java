package dev.hadoopkit.workflow.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * One line of a run's journal. Every change of a run's state is one record, appended before it is applied, so the
 * state after a crash is exactly the replay of the lines on disk. Each event is its own record type; on disk the
 * {@code type} property names it ({@code submitted}, {@code status}, {@code start}, {@code external}, {@code retry},
 * {@code end}, {@code rerun}) and the components keep the names and order journals have always had, so journals
 * written before the records were typed replay unchanged.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JournalRecord.Submitted.class, name = "submitted"),
    @JsonSubTypes.Type(value = JournalRecord.Status.class, name = "status"),
    @JsonSubTypes.Type(value = JournalRecord.Start.class, name = "start"),
    @JsonSubTypes.Type(value = JournalRecord.External.class, name = "external"),
    @JsonSubTypes.Type(value = JournalRecord.Retry.class, name = "retry"),
    @JsonSubTypes.Type(value = JournalRecord.End.class, name = "end"),
    @JsonSubTypes.Type(value = JournalRecord.Rerun.class, name = "rerun")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface JournalRecord {
  /** When the event happened, epoch millis from the engine's clock. */
  long time();

  /** The run was accepted: its id, application path, name, user, resolved job properties and parent run. */
  record Submitted(long time, String id, String app, String name, String user, Map<String, String> conf,
      String parent) implements JournalRecord {
    /** This record with other properties (sealed or opened secrets). */
    public Submitted withConf(Map<String, String> newConf) {
      return new Submitted(time, id, app, name, user, newConf, parent);
    }
  }

  /** The run's new status and why. */
  record Status(long time, WorkflowStatus status, String message) implements JournalRecord {
  }

  /** An action attempt began. */
  record Start(long time, String node, int attempt) implements JournalRecord {
  }

  /**
   * An action's external id (Hadoop job id, child process, sub-workflow id); for a child process ({@code pid:N})
   * also processStart, its start time in epoch millis, so that a resumed engine can tell the dead engine's still
   * running child from another process that got the same pid later.
   */
  record External(long time, String node, String externalId, Long processStart) implements JournalRecord {
  }

  /** An attempt ended in error and will be retried at dueTime. */
  record Retry(long time, String node, int attempt, String code, String message, long dueTime)
      implements JournalRecord {
  }

  /**
   * A node finished: its status, the transitions it took, its error, action data and counters (null when none), and
   * whether it was skipped because it ended OK in an earlier run. Status comes before node on disk, as it always did.
   */
  record End(long time, NodeStatus status, String node, List<String> to, String code, String message,
      Map<String, String> data, Map<String, Map<String, Long>> counters,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean skipped) implements JournalRecord {
    public End {
      data = data == null || data.isEmpty() ? null : data;
      counters = counters == null || counters.isEmpty() ? null : counters;
    }
  }

  /**
   * A new run number over the same id, skipping the given nodes. When the rerun changed the run's properties ("fix a
   * property and rerun"), conf is the whole new set and changed names the properties given anew, never their values
   * (stored as {@code message}).
   */
  record Rerun(long time, Map<String, String> conf, @JsonProperty("message") String changed, int run,
      List<String> skip) implements JournalRecord {
    /** This record with other properties (sealed or opened secrets). */
    public Rerun withConf(Map<String, String> newConf) {
      return new Rerun(time, newConf, changed, run, skip);
    }
  }

  static Submitted submitted(long time, String id, String app, String name, String user, Map<String, String> conf,
      String parent) {
    return new Submitted(time, id, app, name, user, conf, parent);
  }

  static Status status(long time, WorkflowStatus status, String message) {
    return new Status(time, status, message);
  }

  static Start start(long time, String node, int attempt) {
    return new Start(time, node, attempt);
  }

  static External external(long time, String node, String externalId) {
    return new External(time, node, externalId, null);
  }

  /** A child process started for an action: {@code pid:N} and the process's start time (epoch millis). */
  static External process(long time, String node, long pid, long startMillis) {
    return new External(time, node, "pid:" + pid, startMillis);
  }

  static Retry retry(long time, String node, int attempt, String code, String message, long due) {
    return new Retry(time, node, attempt, code, message, due);
  }

  static End end(long time, String node, NodeStatus status, List<String> to, String code, String message,
      Map<String, String> data, Map<String, Map<String, Long>> counters, boolean skipped) {
    return new End(time, status, node, to, code, message, data, counters, skipped);
  }

  static Rerun rerun(long time, int run, List<String> skip) {
    return rerun(time, run, skip, null, null);
  }

  /**
   * A rerun that also changes the run's properties ("fix a property and rerun"): {@code conf} is the whole new set,
   * {@code changed} names the properties given anew, never their values.
   */
  static Rerun rerun(long time, int run, List<String> skip, Map<String, String> conf, String changed) {
    return new Rerun(time, conf, changed, run, skip);
  }
}
