package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.JobType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Oozie's job controls on coordinators and bundles — start, suspend, resume, kill (of the job or chosen actions),
 * change, ignore (reruns: {@link CoordRerun}) — each checked against the job's state with Oozie's codes, then
 * recorded on the scheduler thread.
 */
final class SchedulerControls {
  private final Scheduler scheduler;
  private final SchedulerState state;
  private final ControlTargets targets;

  SchedulerControls(Scheduler scheduler, SchedulerState state, ControlTargets targets) {
    this.scheduler = scheduler;
    this.state = state;
    this.targets = targets;
  }

  void start(String id) {
    scheduler.call(() -> {
      long now = scheduler.now();
      if (JobType.ofId(id) == JobType.BUNDLE) {
        BundleJob bundle = targets.bundle(id);
        if (bundle.status != JobStatus.PREP || bundle.startRequested) {
          throw new ConflictException("E1102", "bundle " + id + " is " + bundle.status + ", not PREP: only a"
              + " submitted bundle can be started");
        }
      } else if (targets.coordinator(id).status != JobStatus.PREP) {
        throw new ConflictException("E1102", "coordinator " + id + " is " + targets.coordinator(id).status
            + ", not PREP: only a submitted coordinator can be started");
      }
      scheduler.record(new SchedulerRecord.Started(now, id));
      scheduler.wake(id, now);
      return null;
    });
  }

  void suspend(String id) {
    scheduler.call(() -> {
      long now = scheduler.now();
      boolean any = false;
      for (CoordinatorJob job : targets.of(id)) {
        if (job.status.isActive() || job.status == JobStatus.PREP || job.status == JobStatus.PAUSED) {
          targets.status(job.id, JobStatus.SUSPENDED, "suspended by user", now);
          any = true;
        }
      }
      if (JobType.ofId(id) == JobType.BUNDLE) {
        targets.status(id, JobStatus.SUSPENDED, "suspended by user", now);
      } else if (!any) {
        throw new ConflictException("E1100", "coordinator " + id + " is " + targets.coordinator(id).status
            + ": only PREP, RUNNING, RUNNINGWITHERROR or PAUSED jobs can be suspended");
      }
      return null;
    });
  }

  void resume(String id) {
    scheduler.call(() -> {
      long now = scheduler.now();
      boolean any = false;
      for (CoordinatorJob job : targets.of(id)) {
        if (job.status == JobStatus.SUSPENDED) {
          targets.status(job.id, job.errors > 0 ? JobStatus.RUNNINGWITHERROR : JobStatus.RUNNING, "resumed", now);
          scheduler.wake(job.id, now); // it materializes what it missed
          any = true;
        }
      }
      if (JobType.ofId(id) == JobType.BUNDLE) {
        BundleJob bundle = targets.bundle(id);
        if (bundle.status == JobStatus.SUSPENDED) {
          targets.status(id, JobStatus.RUNNING, "resumed", now);
          scheduler.wake(id, now);
          any = true;
        }
      }
      if (!any) {
        throw new ConflictException("E1100", id + " is not SUSPENDED: only suspended jobs can be resumed");
      }
      return null;
    });
  }

  void kill(String id, ActionSelection selection) {
    scheduler.call(() -> {
      long now = scheduler.now();
      if (!selection.isAll()) {
        CoordinatorJob job = targets.coordinator(id);
        for (int number : ActionSelector.select(job, selection)) {
          killAction(job, job.actions.get(number), now);
        }
        scheduler.wake(id, now);
        return null;
      }
      boolean isBundle = JobType.ofId(id) == JobType.BUNDLE;
      JobStatus before = isBundle ? targets.bundle(id).status : targets.coordinator(id).status;
      if (before.isTerminal()) {
        throw new ConflictException("E1020", (isBundle ? "bundle " : "coordinator ") + id + " has already ended ("
            + before + "): there is nothing to kill");
      }
      for (CoordinatorJob job : targets.of(id)) {
        if (job.status.isTerminal()) {
          continue;
        }
        for (int number : new ArrayList<>(job.live)) {
          killAction(job, job.actions.get(number), now);
        }
        targets.status(job.id, JobStatus.KILLED, "killed by user", now);
      }
      if (JobType.ofId(id) == JobType.BUNDLE) {
        targets.status(id, JobStatus.KILLED, "killed by user", now);
      }
      return null;
    });
  }

  private void killAction(CoordinatorJob job, CoordAction action, long now) {
    if (action.status.isTerminal()) {
      return;
    }
    if (action.status.isRunning() && action.workflowId != null) {
      state.launcher().kill(action.workflowId, problem -> System.err.println("scheduler: " + problem));
    }
    scheduler.record(new SchedulerRecord.ActionEnded(now, job.id, action.number, ActionStatus.KILLED, "E0507",
        "killed by user"));
    scheduler.emit(job.id + "@" + action.number, job.id, "coord-action", ActionStatus.KILLED.name(), null);
  }

  void change(String id, Map<String, String> values) {
    scheduler.call(() -> {
      long now = scheduler.now();
      if (JobType.ofId(id) == JobType.BUNDLE) {
        BundleJob bundle = targets.bundle(id);
        for (String key : values.keySet()) {
          String k = key.trim().toLowerCase(Locale.ROOT);
          if (!k.equals("endtime") && !k.equals("pausetime")) {
            throw new BadRequestException("E1015", "cannot change '" + key + "' of bundle " + id + ": a bundle "
                + "takes endtime=… and pausetime=… (for its coordinators); change a coordinator's concurrency "
                + "with -change <coordinator id>");
          }
        }
        List<Runnable> changes = new ArrayList<>();
        for (CoordinatorJob job : targets.of(id)) {
          if (!job.status.isTerminal()) {
            changes.add(planChange(job, values, now)); // all are checked before any is changed
          }
        }
        if (changes.isEmpty()) {
          throw new ConflictException("E1016", "bundle " + id + " is " + bundle.status + " and none of its "
              + "coordinators is running: it cannot be changed");
        }
        changes.forEach(Runnable::run);
        return null;
      }
      CoordinatorJob job = targets.coordinator(id);
      if (job.status.isTerminal()) {
        throw new ConflictException("E1016", "coordinator " + id + " has ended (" + job.status
            + "): it cannot be changed");
      }
      planChange(job, values, now).run();
      return null;
    });
  }

  /** Checks a -change of one coordinator; the returned action records it. */
  private Runnable planChange(CoordinatorJob job, Map<String, String> values, long now) {
    String id = job.id;
    Long end = null;
    Integer concurrency = null;
    Long pause = null;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String value = entry.getValue().trim();
      switch (entry.getKey().trim().toLowerCase(Locale.ROOT)) {
        case "endtime" -> {
          Instant newEnd = ActionSelector.parseTime(value, "endtime");
          Instant lastNominal = job.materialized == 0 ? null : job.actions.get(job.materialized).nominalTime;
          if (lastNominal != null && !newEnd.isAfter(lastNominal)) {
            throw new BadRequestException("E1015", "endtime " + value + " is not after the last materialized"
                + " action's nominal time " + lastNominal + ": actions that exist cannot be taken back");
          }
          if (!newEnd.isAfter(job.definition.start())) {
            throw new BadRequestException("E1015", "endtime " + value + " is not after the start time "
                + job.definition.start());
          }
          end = newEnd.toEpochMilli();
        }
        case "concurrency" -> {
          try {
            concurrency = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new BadRequestException("E1015", "concurrency must be a number, not '" + value + "'");
          }
          if (concurrency < 1 && concurrency != -1) {
            throw new BadRequestException("E1015", "concurrency must be >= 1 (or -1 for no limit): " + value);
          }
          if (concurrency == -1) {
            concurrency = Integer.MAX_VALUE;
          }
        }
        case "pausetime" -> {
          if (value.isEmpty()) {
            pause = 0L;
          } else {
            Instant newPause = ActionSelector.parseTime(value, "pausetime");
            if (!newPause.isAfter(Instant.ofEpochMilli(now))) {
              throw new BadRequestException("E1015", "pausetime " + value + " is not in the future");
            }
            pause = newPause.toEpochMilli();
          }
        }
        default -> throw new BadRequestException("E1015", "cannot change '" + entry.getKey()
            + "': use endtime=…, concurrency=… or pausetime=… (separated by ;)");
      }
    }
    Long endMillis = end;
    Integer newConcurrency = concurrency;
    Long pauseMillis = pause;
    return () -> {
      scheduler.record(new SchedulerRecord.Changed(now, id, endMillis, newConcurrency, pauseMillis));
      if (job.status == JobStatus.PAUSED && (pauseMillis != null)) {
        targets.status(id, job.errors > 0 ? JobStatus.RUNNINGWITHERROR : JobStatus.RUNNING, "pause time changed", now);
      }
      if ((job.status == JobStatus.SUCCEEDED || job.status == JobStatus.DONEWITHERROR) && endMillis != null) {
        targets.status(id, JobStatus.RUNNING, "end time extended", now);
      }
      scheduler.wake(id, now);
    };
  }

  List<Integer> ignore(String id, ActionSelection selection) {
    return scheduler.call(() -> {
      CoordinatorJob job = targets.coordinator(id);
      long now = scheduler.now();
      List<Integer> chosen = new ArrayList<>();
      for (int number : ActionSelector.select(job, selection)) {
        CoordAction action = job.actions.get(number);
        if (action.status == ActionStatus.FAILED || action.status == ActionStatus.KILLED
            || action.status == ActionStatus.TIMEDOUT || action.status.isPending()) {
          chosen.add(number);
        } else {
          throw new ConflictException("E1024", "action " + id + "@" + number + " is " + action.status
              + ": only FAILED, KILLED, TIMEDOUT, WAITING or READY actions can be ignored");
        }
      }
      for (int number : chosen) {
        scheduler.record(new SchedulerRecord.ActionEnded(now, id, number, ActionStatus.IGNORED, null,
            "ignored by user"));
        scheduler.emit(id + "@" + number, id, "coord-action", ActionStatus.IGNORED.name(), null);
      }
      if (job.status == JobStatus.DONEWITHERROR && job.errors == 0) {
        targets.status(id, JobStatus.SUCCEEDED, "errors ignored", now);
      } else if (job.status == JobStatus.RUNNINGWITHERROR && job.errors == 0) {
        targets.status(id, JobStatus.RUNNING, "errors ignored", now);
      }
      scheduler.wake(id, now);
      return chosen;
    });
  }
}
