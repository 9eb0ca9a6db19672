package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.BundleCoordinator;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a bundle: at its kick-off time it creates each of its coordinators that does not exist yet (one
 * journal record each, so a crash half-way creates the rest after the restart, never a second copy), then follows
 * their states: RUNNING while any runs, SUCCEEDED when all succeeded, DONEWITHERROR when some did not.
 */
final class BundlePass {
  private final Scheduler scheduler;
  private final SchedulerState state;
  private final BundleJob bundle;
  private final long now;

  BundlePass(Scheduler scheduler, SchedulerState state, BundleJob bundle, long now) {
    this.scheduler = scheduler;
    this.state = state;
    this.bundle = bundle;
    this.now = now;
  }

  long run() {
    if (bundle.definition == null || bundle.status.isTerminal()) {
      return Long.MAX_VALUE;
    }
    if (bundle.status == JobStatus.PREP) {
      if (!bundle.startRequested) {
        return Long.MAX_VALUE;
      }
      if (bundle.definition.kickOffTime() != null && now < bundle.definition.kickOffTime().toEpochMilli()) {
        return bundle.definition.kickOffTime().toEpochMilli();
      }
      for (BundleCoordinator coordinator : bundle.definition.coordinators()) {
        if (!bundle.coordinators.containsKey(coordinator.name())) {
          String problem = state.submitBundleCoordinator(scheduler, bundle, coordinator, now);
          if (problem != null) {
            setStatus(JobStatus.FAILED, "coordinator " + coordinator.name() + ": " + problem);
            return Long.MAX_VALUE;
          }
        }
      }
      setStatus(JobStatus.RUNNING, null);
      return Long.MAX_VALUE;
    }
    if (bundle.status == JobStatus.SUSPENDED) {
      return Long.MAX_VALUE;
    }
    List<JobStatus> states = new ArrayList<>();
    for (String id : bundle.coordinators.values()) {
      CoordinatorJob job = state.coordinators.get(id);
      if (job != null) {
        states.add(job.status);
      }
    }
    boolean allEnded = !states.isEmpty() && states.stream().allMatch(JobStatus::isTerminal);
    boolean anyError = states.stream().anyMatch(s -> s == JobStatus.DONEWITHERROR || s == JobStatus.FAILED
        || s == JobStatus.KILLED || s == JobStatus.RUNNINGWITHERROR);
    if (allEnded) {
      setStatus(anyError ? JobStatus.DONEWITHERROR : JobStatus.SUCCEEDED, null);
    } else if (anyError) {
      setStatus(JobStatus.RUNNINGWITHERROR, null);
    }
    return Long.MAX_VALUE;
  }

  private void setStatus(JobStatus status, String message) {
    if (bundle.status != status) {
      scheduler.record(new SchedulerRecord.Status(now, bundle.id, status, message));
      scheduler.emit(bundle.id, bundle.id, "bundle", status.name(), message);
    }
  }
}
