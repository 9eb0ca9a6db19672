package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.DataAvailability;
import dev.hadoopkit.workflow.coord.Execution;
import dev.hadoopkit.workflow.coord.InputCheck;
import dev.hadoopkit.workflow.coord.MaterializedAction;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over one coordinator at time {@code now}, Oozie's semantics: materialize the actions whose nominal time
 * has come (at most {@code throttle} waiting at once, a bounded batch per pass), look for their inputs (re-checks
 * back off), time out those that waited too long, apply the execution policy (FIFO, LIFO, LAST_ONLY, NONE), start
 * up to {@code concurrency} workflows, and settle the job's status. Returns when the job is next due.
 */
final class CoordinatorPass {
  private final Scheduler scheduler;
  private final SchedulerState state;
  private final CoordinatorJob job;
  private final long now;
  private final DataAvailability availability;
  private long next = Long.MAX_VALUE;

  CoordinatorPass(Scheduler scheduler, SchedulerState state, CoordinatorJob job, long now,
      DataAvailability availability) {
    this.scheduler = scheduler;
    this.state = state;
    this.job = job;
    this.now = now;
    this.availability = availability;
  }

  long run() {
    if (job.definition == null || !job.status.isActive()) {
      return Long.MAX_VALUE;
    }
    SchedulerSettings settings = scheduler.settings();
    materialize(settings.batchPerPass());
    checkInputs(settings);
    applyExecutionPolicy();
    dispatch(settings.batchPerPass());
    reportSlaMisses();
    settle();
    if (job.status.isActive() && job.materialized < Math.min(job.times.countUpTo(Instant.ofEpochMilli(now)),
        job.totalActions()) && job.pendingCount() < Math.max(1, job.definition.controls().throttle())) {
      return now; // more are due than this pass took, and the throttle has room: after the others' turn
    }
    return next;
  }

  private void due(long time) {
    next = Math.min(next, time);
  }

  /** Materializes due actions, at most {@code batch} and up to the throttle. */
  private void materialize(int batch) {
    int throttle = Math.max(1, job.definition.controls().throttle());
    long total = job.totalActions();
    int dueCount = job.times.countUpTo(Instant.ofEpochMilli(now));
    long upTo = Math.min(dueCount, total);
    if (job.pauseTime != null && upTo >= total && job.materialized >= total) {
      Optional<Instant> after = job.times.time(job.materialized + 1);
      if (after.isPresent() && now >= job.pauseTime.toEpochMilli()) {
        scheduler.record(new SchedulerRecord.Status(now, job.id, JobStatus.PAUSED, "pause time "
            + job.pauseTime + " reached; change it with -change " + job.id + " -value pausetime="));
        scheduler.emit(job.id, job.id, "coordinator", JobStatus.PAUSED.name(), null);
        return;
      }
    }
    int room = throttle - job.pendingCount();
    int target = (int) Math.min(upTo, (long) job.materialized + Math.min(room, batch));
    if (target > job.materialized) {
      int before = job.materialized;
      scheduler.record(new SchedulerRecord.Materialized(now, job.id, target));
      state.metrics().materialized(target - before);
      scheduler.emit(job.id + "@" + target, job.id, "coord-action", ActionStatus.WAITING.name(),
          "materialized actions " + (before + 1) + ".." + target);
    }
    if (job.materialized >= upTo && job.materialized < total) {
      job.times.time(job.materialized + 1).ifPresent(t -> due(t.toEpochMilli()));
    }
  }

  private void checkInputs(SchedulerSettings settings) {
    long timeout = job.definition.controls().timeoutMinutes();
    for (Integer number : new ArrayList<>(job.live)) {
      CoordAction action = job.actions.get(number);
      if (action.status != ActionStatus.WAITING) {
        continue;
      }
      if (timeout >= 0) {
        long deadline = Math.max(action.nominalTime.toEpochMilli(), action.createdTime) + timeout * 60_000L;
        if (now >= deadline && (timeout > 0 || action.inputs != null)) {
          end(action, ActionStatus.TIMEDOUT, "E1100", "timed out after waiting " + timeout + " min for "
              + String.join(", ", action.missing));
          continue;
        }
        due(deadline);
      }
      if (action.rerun && !action.refresh) {
        ready(action);
        continue;
      }
      if (now < action.nextCheck) {
        due(action.nextCheck);
        continue;
      }
      MaterializedAction materialized = materialized(action);
      if (materialized == null) {
        continue;
      }
      InputCheck check;
      try {
        check = job.materializer.checkInputs(materialized, availability, Instant.ofEpochMilli(now),
            Instant.ofEpochMilli(action.createdTime));
      } catch (IOException | RuntimeException e) {
        check = new InputCheck(false, List.of("cannot check inputs: " + e.getMessage()), Map.of());
      }
      action.inputs = check;
      if (check.ready()) {
        ready(action);
      } else {
        action.missing = check.missing();
        action.waitReason = "waiting for " + check.missing().size() + " input"
            + (check.missing().size() == 1 ? "" : "s") + ": " + String.join(", ", abbreviate(check.missing()));
        action.backoff = action.backoff == 0 ? settings.inputCheckMinMillis()
            : Math.min(action.backoff * 2, settings.inputCheckCap(job.pendingCount()));
        action.nextCheck = now + action.backoff;
        due(action.nextCheck);
      }
    }
  }

  private static List<String> abbreviate(List<String> uris) {
    return uris.size() <= 5 ? uris : List.of(uris.get(0), uris.get(1), uris.get(2), "… " + (uris.size() - 3)
        + " more");
  }

  private MaterializedAction materialized(CoordAction action) {
    if (action.materialized == null) {
      try {
        action.materialized = job.materializer.action(action.number).orElse(null);
      } catch (RuntimeException e) {
        end(action, ActionStatus.FAILED, "E1004", "cannot materialize: " + e.getMessage());
        return null;
      }
      if (action.materialized == null) {
        end(action, ActionStatus.FAILED, "E1004", "action " + action.number + " lies after the end time");
      }
    }
    return action.materialized;
  }

  private void ready(CoordAction action) {
    action.missing = List.of();
    action.waitReason = null;
    action.readyTime = now;
    job.setStatus(ActionStatus.READY, action, now);
    scheduler.emit(job.id + "@" + action.number, job.id, "coord-action", ActionStatus.READY.name(), null);
  }

  private void applyExecutionPolicy() {
    Execution execution = job.definition.controls().execution();
    if (execution != Execution.LAST_ONLY && execution != Execution.NONE) {
      return;
    }
    for (Integer number : new ArrayList<>(job.live)) {
      CoordAction action = job.actions.get(number);
      if (!action.status.isPending() || action.rerun) {
        continue;
      }
      if (execution == Execution.LAST_ONLY) {
        Optional<Instant> newer = job.times.time(number + 1);
        if (newer.isPresent() && newer.get().toEpochMilli() <= now) {
          end(action, ActionStatus.SKIPPED, null, "execution LAST_ONLY: a newer action is due");
        }
      } else if (action.status == ActionStatus.READY
          && now - action.nominalTime.toEpochMilli() > scheduler.settings().noneTolerance()) {
        end(action, ActionStatus.SKIPPED, null, "execution NONE: nominal time " + action.nominalTime
            + " passed more than " + scheduler.settings().noneTolerance() / 1000 + " s ago");
      }
    }
  }

  private void dispatch(int batch) {
    int running = job.runningCount();
    List<Integer> ready = new ArrayList<>();
    for (Integer number : job.live) {
      if (job.actions.get(number).status == ActionStatus.READY) {
        ready.add(number);
      }
    }
    if (job.definition.controls().execution() == Execution.LIFO) {
      java.util.Collections.reverse(ready);
    }
    int started = 0;
    for (Integer number : ready) {
      CoordAction action = job.actions.get(number);
      if (running >= job.concurrency || started >= batch) {
        action.waitReason = running >= job.concurrency ? "concurrency: " + running + " of " + job.concurrency
            + " action" + (job.concurrency == 1 ? "" : "s") + " running" : "queued behind other coordinators";
        continue;
      }
      if (start(action)) {
        running++;
        started++;
      }
    }
  }

  /** Journals the action's workflow id, then (after the flush) starts the workflow. */
  private boolean start(CoordAction action) {
    Map<String, String> conf = null;
    boolean rerun = action.rerun && action.workflowId != null;
    if (!rerun) {
      MaterializedAction materialized = materialized(action);
      if (materialized == null) {
        return false;
      }
      try {
        conf = job.materializer.workflowConf(materialized, action.inputs, Instant.ofEpochMilli(now));
      } catch (WorkflowException e) {
        end(action, ActionStatus.FAILED, e.code().name(), e.describe());
        return false;
      } catch (RuntimeException e) {
        end(action, ActionStatus.FAILED, "E1004", "cannot resolve the action's configuration: " + e.getMessage());
        return false;
      }
    }
    String workflowId = rerun ? action.workflowId : state.newWorkflowId(now);
    if (workflowId == null) {
      end(action, ActionStatus.FAILED, "E0702", "cannot allocate a workflow id under the state directory");
      return false;
    }
    scheduler.record(new SchedulerRecord.Dispatched(now, job.id, action.number, workflowId, rerun,
        action.failedNodes));
    scheduler.emit(job.id + "@" + action.number, job.id, "coord-action", ActionStatus.SUBMITTED.name(),
        workflowId);
    WorkflowLauncher.Launch launch = new WorkflowLauncher.Launch(workflowId, job.id + "@" + action.number,
        rerun ? WorkflowLauncher.Mode.RERUN : WorkflowLauncher.Mode.NEW, conf, action.failedNodes);
    scheduler.afterFlush(() -> state.launches().launch(scheduler, job, action.number, launch));
    return true;
  }

  private void end(CoordAction action, ActionStatus status, String code, String message) {
    scheduler.record(new SchedulerRecord.ActionEnded(now, job.id, action.number, status, code, message));
    scheduler.emit(job.id + "@" + action.number, job.id, "coord-action", status.name(), message);
  }

  /**
   * Sends an event the first time a live action misses its SLA start or end (sla:info), and wakes the job at the
   * next expected time, so a miss is reported when it happens rather than at the next unrelated pass.
   */
  private void reportSlaMisses() {
    if (job.definition.sla() == null) {
      return;
    }
    for (Integer number : job.live) {
      CoordAction action = job.actions.get(number);
      if (action.slaShouldStart == 0 && action.slaShouldEnd == 0) {
        MaterializedAction materialized = materialized(action);
        var times = materialized == null ? null : job.materializer.sla(materialized).orElse(null);
        action.slaShouldStart = times == null || times.shouldStart() == null ? -1 : times.shouldStart().toEpochMilli();
        action.slaShouldEnd = times == null || times.shouldEnd() == null ? -1 : times.shouldEnd().toEpochMilli();
      }
      String id = job.id + "@" + number;
      if (!action.slaStartReported && action.slaShouldStart > 0 && action.startedTime == 0) {
        if (now > action.slaShouldStart) {
          action.slaStartReported = true;
          scheduler.emit(id, job.id, "sla", "START_MISS", "not started by its SLA start "
              + Instant.ofEpochMilli(action.slaShouldStart) + " (" + action.status + ")");
        } else {
          due(action.slaShouldStart + 1);
        }
      }
      if (!action.slaEndReported && action.slaShouldEnd > 0) {
        if (now > action.slaShouldEnd) {
          action.slaEndReported = true;
          scheduler.emit(id, job.id, "sla", "END_MISS", "not ended by its SLA end "
              + Instant.ofEpochMilli(action.slaShouldEnd) + " (" + action.status + ")");
        } else {
          due(action.slaShouldEnd + 1);
        }
      }
    }
  }

  /** The job ends when every action up to its end exists and has ended. */
  private void settle() {
    if (!job.live.isEmpty() || job.materialized < job.times.totalActions()) {
      if (job.errors > 0 && job.status == JobStatus.RUNNING) {
        setStatus(JobStatus.RUNNINGWITHERROR, null);
      }
      return;
    }
    setStatus(job.errors > 0 ? JobStatus.DONEWITHERROR : JobStatus.SUCCEEDED, null);
  }

  private void setStatus(JobStatus status, String message) {
    if (job.status != status) {
      scheduler.record(new SchedulerRecord.Status(now, job.id, status, message));
      scheduler.emit(job.id, job.id, "coordinator", status.name(), message);
      if (job.bundleId != null) {
        scheduler.wake(job.bundleId, now);
      }
    }
  }
}
