package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs a control acts on, looked up in the scheduler's state (404 when there is none), and the status change
 * every control ends with: journaled and put on the event stream. Scheduler thread only.
 */
final class ControlTargets {
  private final Scheduler scheduler;
  private final SchedulerState state;

  ControlTargets(Scheduler scheduler, SchedulerState state) {
    this.scheduler = scheduler;
    this.state = state;
  }

  CoordinatorJob coordinator(String id) {
    CoordinatorJob job = state.coordinators.get(id);
    if (job == null) {
      throw new NotFoundException("no coordinator job " + id);
    }
    return job;
  }

  BundleJob bundle(String id) {
    BundleJob job = state.bundles.get(id);
    if (job == null) {
      throw new NotFoundException("no bundle job " + id);
    }
    return job;
  }

  /** The coordinators a control applies to: the job itself, or a bundle's coordinators. */
  List<CoordinatorJob> of(String id) {
    if (JobType.ofId(id) == JobType.BUNDLE) {
      List<CoordinatorJob> out = new ArrayList<>();
      for (String coordId : bundle(id).coordinators.values()) {
        out.add(coordinator(coordId));
      }
      return out;
    }
    return List.of(coordinator(id));
  }

  void status(String id, JobStatus status, String message, long now) {
    scheduler.record(new SchedulerRecord.Status(now, id, status, message));
    scheduler.emit(id, id, JobType.ofId(id) == JobType.BUNDLE ? "bundle" : "coordinator", status.name(), message);
  }
}
