package dev.hadoopkit.workflow.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the daemon shows of its jobs: immutable snapshots handed from the scheduler to the REST layer, which renders
 * them with Oozie's JSON field names. Secrets are already masked in every field. Times may be null (not yet).
 */
public final class Views {
  private Views() {
  }

  /** A workflow, coordinator or bundle job. */
  public sealed interface JobView permits WorkflowJob, CoordJob, BundleJob {
    String id();

    String status();
  }

  public record WorkflowJob(String id, String appName, String appPath, String user, String group, String status,
      String parentId, Map<String, String> conf, Instant createdTime, Instant startTime, Instant endTime,
      Instant lastModifiedTime, int run, List<WorkflowAction> actions) implements JobView {
  }

  /** One node of a workflow run; id is {@code <workflow id>@<node>}. */
  public record WorkflowAction(String id, String name, String type, String status, int retries, int userRetryMax,
      int userRetryInterval, Instant startTime, Instant endTime, String transition, String data, String externalId,
      String externalStatus, String consoleUrl, String errorCode, String errorMessage, String conf) {
  }

  /**
   * A coordinator. {@code frequency} and {@code timeUnit} as Oozie stores them ("1"/"DAY", "60"/"MINUTE",
   * "0 2 * * *"/"CRON"); {@code totalActions} counts every materialized action, {@code actions} is the requested page.
   */
  public record CoordJob(String id, String name, String appPath, String user, String status,
      Map<String, String> conf, String frequency, String timeUnit, String timeZone, int concurrency, int timeout,
      String executionPolicy, int throttle, Instant startTime, Instant endTime, Instant pauseTime,
      Instant nextMaterializedTime, int lastActionNumber, String bundleId, Instant createdTime, int totalActions,
      List<CoordAction> actions) implements JobView {
  }

  /**
   * A coordinator action; id is {@code <coordinator id>@<n>}. {@code waitReason} says why a WAITING/READY action has
   * not started (missing URIs, concurrency, throttle, suspended); null otherwise.
   */
  public record CoordAction(String id, String jobId, int actionNumber, String status, String externalId,
      String externalStatus, String errorCode, String errorMessage, Instant createdTime, Instant nominalTime,
      Instant lastModifiedTime, List<String> missingDependencies, String waitReason, String runConf,
      String actionXml, Sla sla) {
  }

  /** SLA of one coordinator action: the expected times and which were missed (as of now). */
  public record Sla(Instant expectedStart, Instant expectedEnd, Long expectedDurationMillis, boolean startMiss,
      boolean endMiss, boolean durationMiss) {
  }

  public record BundleJob(String id, String name, String appPath, String user, String status,
      Map<String, String> conf, Instant kickoffTime, Instant startTime, Instant endTime, Instant pauseTime,
      Instant createdTime, List<CoordJob> coordinators) implements JobView {
  }

  /** A page of a listing; {@code total} counts every match. */
  public record Page<T>(List<T> items, int total, int offset, int len) {
  }

  /** A state change, for the event stream: job (or action) id, its new status, when. */
  public record Event(String id, String jobId, String kind, String status, Instant time, String message) {
  }

  /** Counters and gauges for {@code GET /metrics}. {@code latencyBucketsMillis} upper bounds match counts. */
  public record Metrics(long due, long waiting, long running, long workflowsRunning, long[] latencyBucketsMillis,
      long[] latencyCounts, double latencySumMillis, long latencyCount, long materialized, long started) {
  }
}
