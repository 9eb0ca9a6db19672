package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.InputCheck;
import dev.hadoopkit.workflow.coord.MaterializedAction;
import java.time.Instant;
import java.util.List;

/**
 * One materialized action of a coordinator, as the scheduler thread sees it. Durable facts (status changes, the
 * workflow id) come from journal records; input-check results and back-off are recomputed after a restart.
 */
final class CoordAction {
  final int number;
  final Instant nominalTime;
  final long createdTime;
  ActionStatus status = ActionStatus.WAITING;
  String workflowId;
  String errorCode;
  String message;
  long lastModified;
  MaterializedAction materialized;
  InputCheck inputs;
  List<String> missing = List.of();
  String waitReason;
  long nextCheck;
  long backoff;
  boolean rerun;
  boolean failedNodes;
  boolean refresh;
  long startedTime;
  /** When its inputs were found (0: not yet, or it has none): dispatch latency counts from here. */
  long readyTime;
  long endedTime;
  /** SLA expected start and end (epoch ms), 0 = not computed yet, -1 = none. */
  long slaShouldStart;
  long slaShouldEnd;
  boolean slaStartReported;
  boolean slaEndReported;

  CoordAction(int number, Instant nominalTime, long createdTime) {
    this.number = number;
    this.nominalTime = nominalTime;
    this.createdTime = createdTime;
    this.lastModified = createdTime;
  }
}
