package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;

/**
 * Oozie's job controls on coordinators and bundles — start, suspend, resume, kill (of the job or chosen actions),
 * change, rerun, ignore — each checked against the job's state with Oozie's codes, then recorded on the scheduler
 * thread.
 */
final class SchedulerControls {
  private final Scheduler scheduler;
  private final SchedulerState state;

  SchedulerControls(Scheduler scheduler, SchedulerState state) {
    this.scheduler = scheduler;
    this.state = state;
  }

  private CoordinatorJob coordinator(String id) {
    CoordinatorJob job = state.coordinators.get(id);
    if (job == null) {
      throw new NotFoundException("no coordinator job " + id);
    }
    return job;
  }

  private BundleJob bundle(String id) {
    BundleJob job = state.bundles.get(id);
    if (job == null) {
      throw new NotFoundException("no bundle job " + id);
    }
    return job;
  }

  /** Coordinator ids a control applies to: the job itself, or a bundle's coordinators. */
  private List<CoordinatorJob> targets(String id) {
    if (JobType.ofId(id) == JobType.BUNDLE) {
      List<CoordinatorJob> out = new ArrayList<>();
      for (String coordId : bundle(id).coordinators.values()) {
        out.add(coordinator(coordId));
      }
      return out;
    }
    return List.of(coordinator(id));
  }

  void start(String id) {
    scheduler.call(() -> {
      long now = scheduler.now();
      if (JobType.ofId(id) == JobType.BUNDLE) {
        BundleJob bundle = bundle(id);
        if (bundle.status != JobStatus.PREP || bundle.startRequested) {
          throw new ConflictException("E1102", "bundle " + id + " is " + bundle.status + ", not PREP: only a"
              + " submitted bundle can be started");
        }
      } else if (coordinator(id).status != JobStatus.PREP) {
        throw new ConflictException("E1102", "coordinator " + id + " is " + coordinator(id).status
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
      for (CoordinatorJob job : targets(id)) {
        if (job.status.isActive() || job.status == JobStatus.PREP || job.status == JobStatus.PAUSED) {
          status(job.id, JobStatus.SUSPENDED, "suspended by user", now);
          any = true;
        }
      }
      if (JobType.ofId(id) == JobType.BUNDLE) {
        status(id, JobStatus.SUSPENDED, "suspended by user", now);
      } else if (!any) {
        throw new ConflictException("E1100", "coordinator " + id + " is " + coordinator(id).status
            + ": only PREP, RUNNING, RUNNINGWITHERROR or PAUSED jobs can be suspended");
      }
      return null;
    });
  }

  void resume(String id) {
    scheduler.call(() -> {
      long now = scheduler.now();
      boolean any = false;
      for (CoordinatorJob job : targets(id)) {
        if (job.status == JobStatus.SUSPENDED) {
          status(job.id, job.errors > 0 ? JobStatus.RUNNINGWITHERROR : JobStatus.RUNNING, "resumed", now);
          scheduler.wake(job.id, now); // it materializes what it missed
          any = true;
        }
      }
      if (JobType.ofId(id) == JobType.BUNDLE) {
        BundleJob bundle = bundle(id);
        if (bundle.status == JobStatus.SUSPENDED) {
          status(id, JobStatus.RUNNING, "resumed", now);
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
        CoordinatorJob job = coordinator(id);
        for (int number : select(job, selection)) {
          killAction(job, job.actions.get(number), now);
        }
        scheduler.wake(id, now);
        return null;
      }
      boolean isBundle = JobType.ofId(id) == JobType.BUNDLE;
      JobStatus before = isBundle ? bundle(id).status : coordinator(id).status;
      if (before.isTerminal()) {
        throw new ConflictException("E1020", (isBundle ? "bundle " : "coordinator ") + id + " has already ended ("
            + before + "): there is nothing to kill");
      }
      for (CoordinatorJob job : targets(id)) {
        if (job.status.isTerminal()) {
          continue;
        }
        for (int number : new ArrayList<>(job.live)) {
          killAction(job, job.actions.get(number), now);
        }
        status(job.id, JobStatus.KILLED, "killed by user", now);
      }
      if (JobType.ofId(id) == JobType.BUNDLE) {
        status(id, JobStatus.KILLED, "killed by user", now);
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
        BundleJob bundle = bundle(id);
        for (String key : values.keySet()) {
          String k = key.trim().toLowerCase(java.util.Locale.ROOT);
          if (!k.equals("endtime") && !k.equals("pausetime")) {
            throw new BadRequestException("E1015", "cannot change '" + key + "' of bundle " + id + ": a bundle "
                + "takes endtime=… and pausetime=… (for its coordinators); change a coordinator's concurrency "
                + "with -change <coordinator id>");
          }
        }
        List<Runnable> changes = new ArrayList<>();
        for (CoordinatorJob job : targets(id)) {
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
      CoordinatorJob job = coordinator(id);
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
      switch (entry.getKey().trim().toLowerCase(java.util.Locale.ROOT)) {
        case "endtime" -> {
          Instant newEnd = parseTime(value, "endtime");
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
            Instant newPause = parseTime(value, "pausetime");
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
        status(id, job.errors > 0 ? JobStatus.RUNNINGWITHERROR : JobStatus.RUNNING, "pause time changed", now);
      }
      if ((job.status == JobStatus.SUCCEEDED || job.status == JobStatus.DONEWITHERROR) && endMillis != null) {
        status(id, JobStatus.RUNNING, "end time extended", now);
      }
      scheduler.wake(id, now);
    };
  }

  /** Oozie's coord-rerun and bundle-rerun; returns the actions rerun, by coordinator id. */
  Map<String, List<Integer>> rerun(String id, ActionSelection selection, boolean refresh, boolean noCleanup,
      boolean failed) {
    return scheduler.call(() -> {
      long now = scheduler.now();
      Map<String, List<Integer>> all = new java.util.LinkedHashMap<>();
      boolean isBundle = JobType.ofId(id) == JobType.BUNDLE;
      boolean matched = false;
      Map<CoordinatorJob, List<Integer>> plan = new java.util.LinkedHashMap<>();
      for (CoordinatorJob job : isBundle ? bundleRerunTargets(id, selection) : targets(id)) {
        if (job.status == JobStatus.KILLED || job.status == JobStatus.FAILED) {
          throw new ConflictException("E1018", "coordinator " + job.id + " is " + job.status
              + ": a killed or failed coordinator cannot be rerun");
        }
        List<Integer> numbers = isBundle ? bundleRerunActions(job, selection) : select(job, selection);
        matched |= !numbers.isEmpty();
        List<Integer> chosen = new ArrayList<>();
        for (int number : numbers) {
          CoordAction action = job.actions.get(number);
          if (!action.status.isTerminal()) {
            throw new ConflictException("E1018", "action " + job.id + "@" + number + " is " + action.status
                + ": only ended actions can be rerun");
          }
          if (failed && action.status == ActionStatus.SUCCEEDED) {
            continue;
          }
          chosen.add(number);
        }
        if (!chosen.isEmpty()) {
          plan.put(job, chosen);
        }
      }
      if (isBundle && !matched && "date".equalsIgnoreCase(selection.type())) {
        throw new BadRequestException("E1025", "no action of bundle " + id + "'s coordinators has a nominal time in "
            + selection.scope() + " (-date takes from::to, e.g. 2026-01-01T00:00Z::2026-01-02T00:00Z)");
      }
      // every coordinator was checked before any is changed: a refused rerun changes nothing
      for (Map.Entry<CoordinatorJob, List<Integer>> entry : plan.entrySet()) {
        CoordinatorJob job = entry.getKey();
        List<Integer> chosen = entry.getValue();
        if (!noCleanup) {
          cleanOutputs(job, chosen);
        }
        scheduler.record(new SchedulerRecord.ActionReset(now, job.id, chosen, refresh, failed));
        if (job.status.isTerminal()) {
          status(job.id, JobStatus.RUNNING, "rerun of " + chosen.size() + " actions", now);
        }
        scheduler.wake(job.id, now);
        all.put(job.id, chosen);
      }
      if (isBundle && bundle(id).status.isTerminal()) {
        status(id, JobStatus.RUNNING, "rerun", now);
      }
      return all;
    });
  }

  /**
   * A bundle rerun's coordinators: those named by {@code -coordinator a,b} (each must be in the bundle), or all of
   * them for {@code -date} (as Oozie).
   */
  private List<CoordinatorJob> bundleRerunTargets(String id, ActionSelection selection) {
    BundleJob bundle = bundle(id);
    if (!"coord".equalsIgnoreCase(selection.type()) || selection.isAll()) {
      return targets(id);
    }
    List<CoordinatorJob> out = new ArrayList<>();
    for (String part : selection.scope().split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      String coordId = bundle.coordinators.get(name);
      if (coordId == null && bundle.coordinators.containsValue(name)) {
        coordId = name; // a coordinator id works too
      }
      if (coordId == null) {
        throw new BadRequestException("E1025", "bundle " + id + " has no coordinator '" + name + "': its "
            + "coordinators are " + String.join(", ", bundle.coordinators.keySet()));
      }
      CoordinatorJob job = coordinator(coordId);
      if (!out.contains(job)) {
        out.add(job);
      }
    }
    return out;
  }

  /** The actions of one coordinator a bundle rerun takes: all of them, or those in the {@code -date} ranges. */
  private static List<Integer> bundleRerunActions(CoordinatorJob job, ActionSelection selection) {
    if (!"date".equalsIgnoreCase(selection.type()) || selection.isAll() || job.actions.isEmpty()) {
      return new ArrayList<>(job.actions.keySet());
    }
    try {
      return select(job, selection);
    } catch (BadRequestException e) {
      if ("E1025".equals(e.code()) && e.getMessage().startsWith("no action of")) {
        return List.of(); // a coordinator of the bundle without actions in the range: nothing to rerun there
      }
      throw e;
    }
  }

  /** Oozie deletes an action's output-event directories before it runs again (unless -nocleanup). */
  private void cleanOutputs(CoordinatorJob job, List<Integer> numbers) {
    for (int number : numbers) {
      var action = job.materializer.action(number).orElse(null);
      if (action == null) {
        continue;
      }
      for (List<String> uris : action.outputs().values()) {
        for (String uri : uris) {
          try {
            Path path = new Path(uri);
            path.getFileSystem(new org.apache.hadoop.conf.Configuration()).delete(path, true);
          } catch (java.io.IOException | RuntimeException e) {
            throw new BadRequestException("E1018", "cannot clean the output " + uri + " of action " + number
                + ": " + e.getMessage() + " (use -nocleanup to keep it)");
          }
        }
      }
    }
  }

  List<Integer> ignore(String id, ActionSelection selection) {
    return scheduler.call(() -> {
      CoordinatorJob job = coordinator(id);
      long now = scheduler.now();
      List<Integer> chosen = new ArrayList<>();
      for (int number : select(job, selection)) {
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
        status(id, JobStatus.SUCCEEDED, "errors ignored", now);
      } else if (job.status == JobStatus.RUNNINGWITHERROR && job.errors == 0) {
        status(id, JobStatus.RUNNING, "errors ignored", now);
      }
      scheduler.wake(id, now);
      return chosen;
    });
  }

  static Instant parseTime(String text, String what) {
    try {
      return CoordTimes.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("E1015", what + ": " + e.getMessage());
    }
  }

  private void status(String id, JobStatus status, String message, long now) {
    scheduler.record(new SchedulerRecord.Status(now, id, status, message));
    scheduler.emit(id, id, JobType.ofId(id) == JobType.BUNDLE ? "bundle" : "coordinator", status.name(), message);
  }

  /** The actions of {@code -action 1,3-4} or {@code -date a::b,c}; every one must exist (E1025 otherwise). */
  static List<Integer> select(CoordinatorJob job, ActionSelection selection) {
    if (selection.isAll()) {
      return new ArrayList<>(job.actions.keySet());
    }
    TreeSet<Integer> out = new TreeSet<>();
    boolean byDate = "date".equalsIgnoreCase(selection.type());
    for (String part : selection.scope().split(",")) {
      String item = part.trim();
      if (item.isEmpty()) {
        continue;
      }
      if (byDate) {
        String[] range = item.split("::");
        Instant from = parseTime(range[0].trim(), "-date");
        Instant to = range.length > 1 ? parseTime(range[1].trim(), "-date") : from;
        for (CoordAction action : job.actions.values()) {
          if (!action.nominalTime.isBefore(from) && !action.nominalTime.isAfter(to)) {
            out.add(action.number);
          }
        }
      } else {
        String[] range = item.split("-");
        try {
          int from = Integer.parseInt(range[0].trim());
          int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
          if (to < from) {
            throw new BadRequestException("E1025", "action range " + item + " ends before it starts");
          }
          for (int n = from; n <= to; n++) {
            if (!job.actions.containsKey(n)) {
              throw new BadRequestException("E1025", "coordinator " + job.id + " has no action " + n + " (it has "
                  + job.materialized + " materialized)");
            }
            out.add(n);
          }
        } catch (NumberFormatException e) {
          throw new BadRequestException("E1025", "-action takes numbers and ranges like 1,3-4, not '" + item
              + "'");
        }
      }
    }
    if (out.isEmpty()) {
      throw new BadRequestException("E1025", "no action of " + job.id + " matches " + selection.type() + " "
          + selection.scope());
    }
    return new ArrayList<>(out);
  }
}
