package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.JobType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Oozie's coord-rerun and bundle-rerun: every chosen action is checked before any is reset (a refused rerun changes
 * nothing), its output-event directories are cleaned unless {@code -nocleanup}, and the reset is journaled.
 */
final class CoordRerun {
  private final Scheduler scheduler;
  private final ControlTargets targets;

  CoordRerun(Scheduler scheduler, ControlTargets targets) {
    this.scheduler = scheduler;
    this.targets = targets;
  }

  /** Oozie's coord-rerun and bundle-rerun; returns the actions rerun, by coordinator id. */
  Map<String, List<Integer>> run(String id, ActionSelection selection, boolean refresh, boolean noCleanup,
      boolean failed) {
    return scheduler.call(() -> {
      long now = scheduler.now();
      Map<String, List<Integer>> all = new LinkedHashMap<>();
      boolean isBundle = JobType.ofId(id) == JobType.BUNDLE;
      boolean matched = false;
      Map<CoordinatorJob, List<Integer>> plan = new LinkedHashMap<>();
      for (CoordinatorJob job : isBundle ? bundleRerunTargets(id, selection) : targets.of(id)) {
        if (job.status == JobStatus.KILLED || job.status == JobStatus.FAILED) {
          throw new ConflictException("E1018", "coordinator " + job.id + " is " + job.status
              + ": a killed or failed coordinator cannot be rerun");
        }
        List<Integer> numbers = isBundle ? bundleRerunActions(job, selection) : ActionSelector.select(job, selection);
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
          targets.status(job.id, JobStatus.RUNNING, "rerun of " + chosen.size() + " actions", now);
        }
        scheduler.wake(job.id, now);
        all.put(job.id, chosen);
      }
      if (isBundle && targets.bundle(id).status.isTerminal()) {
        targets.status(id, JobStatus.RUNNING, "rerun", now);
      }
      return all;
    });
  }

  /**
   * A bundle rerun's coordinators: those named by {@code -coordinator a,b} (each must be in the bundle), or all of
   * them for {@code -date} (as Oozie).
   */
  private List<CoordinatorJob> bundleRerunTargets(String id, ActionSelection selection) {
    BundleJob bundle = targets.bundle(id);
    if (!"coord".equalsIgnoreCase(selection.type()) || selection.isAll()) {
      return targets.of(id);
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
      CoordinatorJob job = targets.coordinator(coordId);
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
      return ActionSelector.select(job, selection);
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
            path.getFileSystem(new Configuration()).delete(path, true);
          } catch (IOException | RuntimeException e) {
            throw new BadRequestException("E1018", "cannot clean the output " + uri + " of action " + number
                + ": " + e.getMessage() + " (use -nocleanup to keep it)");
          }
        }
      }
    }
  }
}
