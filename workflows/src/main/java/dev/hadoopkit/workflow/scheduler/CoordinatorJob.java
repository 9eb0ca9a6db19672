package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.CoordinatorDefinition;
import dev.hadoopkit.workflow.coord.CoordinatorMaterializer;
import dev.hadoopkit.workflow.coord.time.NominalTimes;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A coordinator job as the scheduler thread holds it: its definition, controls (as changed), status and actions.
 * Not thread-safe: only the scheduler thread touches it; other threads get {@code Views} snapshots.
 */
final class CoordinatorJob {
  final String id;
  final String name;
  final String user;
  final String appPath;
  final String bundleId;
  final String bundleCoordinator;
  final long createdTime;
  /** Properties with secrets opened, for the actions' workflows. */
  final Map<String, String> conf;
  final CoordinatorDefinition definition;
  final CoordinatorMaterializer materializer;
  JobStatus status;
  String statusMessage;
  Instant endTime;
  int concurrency;
  Instant pauseTime;
  NominalTimes times;
  int materialized;
  long lastModified;
  final NavigableMap<Integer, CoordAction> actions = new TreeMap<>();
  /** Actions not yet terminal, by number: the only ones a pass looks at. */
  final TreeSet<Integer> live = new TreeSet<>();
  int errors;
  /**
   * Live actions that are pending (WAITING, READY) and running (SUBMITTED, RUNNING, SUSPENDED), kept by
   * {@link #setStatus} and {@link #added} so a pass need not count over every live action (a 10,000-action catch-up
   * made each pass, and each workflow end, scan them all twice). Status changes outside setStatus stay within
   * "running" (SUBMITTED to RUNNING).
   */
  private int pending;
  private int running;
  /** Why the job could not be loaded (journal replay of a definition that no longer parses); null when fine. */
  final String brokenReason;

  CoordinatorJob(String id, String name, String user, String appPath, String bundleId, String bundleCoordinator,
      long createdTime, Map<String, String> conf, CoordinatorDefinition definition,
      CoordinatorMaterializer materializer, String brokenReason) {
    this.id = id;
    this.name = name;
    this.user = user;
    this.appPath = appPath;
    this.bundleId = bundleId;
    this.bundleCoordinator = bundleCoordinator;
    this.createdTime = createdTime;
    this.conf = conf;
    this.definition = definition;
    this.materializer = materializer;
    this.brokenReason = brokenReason;
    this.lastModified = createdTime;
    if (definition != null) {
      this.endTime = definition.end();
      this.concurrency = definition.controls().concurrency();
      this.times = new NominalTimes(definition.start(), endTime, definition.timezone(), definition.frequency());
    }
  }

  void changeEnd(Instant newEnd) {
    endTime = newEnd;
    times = new NominalTimes(definition.start(), endTime, definition.timezone(), definition.frequency());
  }

  /** Actions waiting to start (WAITING or READY): what the throttle bounds. */
  int pendingCount() {
    return pending;
  }

  int runningCount() {
    return running;
  }

  /** The number of actions the job will have in all (up to its end and pause time). */
  long totalActions() {
    long total = times.totalActions();
    if (pauseTime != null) {
      total = Math.min(total, times.countUpTo(pauseTime.minusMillis(1)));
    }
    return total;
  }

  /** A freshly materialized action (WAITING) joins the live ones. */
  void added(CoordAction action) {
    actions.put(action.number, action);
    live.add(action.number);
    count(action.status, 1);
  }

  private void count(ActionStatus status, int delta) {
    if (status.isPending()) {
      pending += delta;
    } else if (status.isRunning()) {
      running += delta;
    }
  }

  void setStatus(ActionStatus status, CoordAction action, long time) {
    if (live.contains(action.number)) {
      count(action.status, -1);
    }
    if (!status.isTerminal()) {
      count(status, 1);
    }
    if (action.status.isError() && !status.isError()) {
      errors--;
    }
    if (!action.status.isError() && status.isError()) {
      errors++;
    }
    action.status = status;
    action.lastModified = time;
    lastModified = time;
    if (status.isTerminal()) {
      live.remove(action.number);
      action.endedTime = time;
    } else {
      live.add(action.number);
    }
  }
}
