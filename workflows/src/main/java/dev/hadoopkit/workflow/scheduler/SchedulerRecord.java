package dev.hadoopkit.workflow.scheduler;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * One line of the scheduler's journal. The daemon's whole state (coordinators, bundles, their actions and the
 * workflow id of each started action) is the replay of these records; nothing else is stored. Actions are not
 * written one by one when they materialize: {@link Materialized} says "actions 1..n exist", since everything else
 * about a fresh action (its nominal time, its data-in URIs) is recomputed from the definition.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SchedulerRecord.CoordSubmitted.class, name = "coord"),
    @JsonSubTypes.Type(value = SchedulerRecord.BundleSubmitted.class, name = "bundle"),
    @JsonSubTypes.Type(value = SchedulerRecord.WorkflowSubmitted.class, name = "wf"),
    @JsonSubTypes.Type(value = SchedulerRecord.WorkflowEnded.class, name = "wf-end"),
    @JsonSubTypes.Type(value = SchedulerRecord.Status.class, name = "status"),
    @JsonSubTypes.Type(value = SchedulerRecord.Started.class, name = "start"),
    @JsonSubTypes.Type(value = SchedulerRecord.Changed.class, name = "change"),
    @JsonSubTypes.Type(value = SchedulerRecord.Materialized.class, name = "mat"),
    @JsonSubTypes.Type(value = SchedulerRecord.Dispatched.class, name = "dispatch"),
    @JsonSubTypes.Type(value = SchedulerRecord.ActionEnded.class, name = "action-end"),
    @JsonSubTypes.Type(value = SchedulerRecord.ActionReset.class, name = "action-reset")})
@JsonInclude(JsonInclude.Include.NON_NULL)
sealed interface SchedulerRecord {
  long time();

  /** A coordinator was accepted: its resolved properties (secrets sealed); the XML is kept in its job directory. */
  record CoordSubmitted(long time, String id, String name, String user, String appPath, Map<String, String> conf,
      String bundleId, String bundleCoordinator, boolean start) implements SchedulerRecord {
  }

  record BundleSubmitted(long time, String id, String name, String user, String appPath, Map<String, String> conf,
      boolean start) implements SchedulerRecord {
  }

  /** A workflow submitted to the daemon directly (not by a coordinator): the daemon drives and resumes it. */
  record WorkflowSubmitted(long time, String id) implements SchedulerRecord {
  }

  record WorkflowEnded(long time, String id, String status) implements SchedulerRecord {
  }

  /** A coordinator's or bundle's new status. */
  record Status(long time, String id, JobStatus status, String message) implements SchedulerRecord {
  }

  /** A job submitted with -submit (PREP) was started with -start. */
  record Started(long time, String id) implements SchedulerRecord {
  }

  /** Oozie's -change: the new end time, concurrency or pause time (null = unchanged; pauseTime 0 = none). */
  record Changed(long time, String id, Long endTime, Integer concurrency, Long pauseTime)
      implements SchedulerRecord {
  }

  /** Actions 1..upTo of a coordinator exist (WAITING unless a later record says otherwise). */
  record Materialized(long time, String id, int upTo) implements SchedulerRecord {
  }

  /**
   * Action n starts its workflow under workflowId. Forced to disk before that workflow's own journal is written,
   * so after a crash the action either has no workflow yet or exactly this one: never two.
   */
  record Dispatched(long time, String id, int action, String workflowId, boolean rerun, boolean failedNodes)
      implements SchedulerRecord {
  }

  record ActionEnded(long time, String id, int action, ActionStatus status, String errorCode, String message)
      implements SchedulerRecord {
  }

  /** Oozie's coord-rerun: the actions go back to WAITING (keeping their workflow, which is rerun). */
  record ActionReset(long time, String id, List<Integer> actions, boolean refresh, boolean failedNodes)
      implements SchedulerRecord {
  }
}
