package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.DataAvailability;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

/**
 * Hands coordinator actions and daemon-submitted workflows to the engine ({@link WorkflowLauncher}) and brings
 * their progress back to the scheduler thread: RUNNING, each node on the event stream, the end journaled. After a
 * replay it takes up every run the daemon was driving when it stopped.
 */
final class ActionLaunches {
  private final SchedulerState state;
  private final DataAvailability availability;

  ActionLaunches(SchedulerState state, DataAvailability availability) {
    this.state = state;
    this.availability = availability;
  }

  /**
   * After a replay: every action whose workflow was started (or was about to be) is handed to the engine again —
   * resumed when its run exists, submitted under the journaled id when the daemon died before writing it. So each
   * nominal time keeps exactly one workflow run.
   */
  void afterReplay(Scheduler scheduler) {
    Map<String, CoordinatorJob> coordinators = state.coordinators;
    Map<String, String> workflows = state.workflows;
    for (CoordinatorJob job : coordinators.values()) {
      for (int number : new ArrayList<>(job.live)) {
        CoordAction action = job.actions.get(number);
        if (action.status.isRunning() && action.workflowId != null) {
          action.status = ActionStatus.RUNNING;
          WorkflowLauncher.Mode mode = state.store().exists(action.workflowId) ? WorkflowLauncher.Mode.RESUME
              : WorkflowLauncher.Mode.NEW;
          Map<String, String> conf = null;
          if (mode == WorkflowLauncher.Mode.NEW) {
            conf = recomputeConf(job, action, scheduler.now());
            if (conf == null) {
              scheduler.record(new SchedulerRecord.ActionEnded(scheduler.now(), job.id, number,
                  ActionStatus.FAILED, "E1004", action.message));
              continue;
            }
          }
          launch(scheduler, job, number, new WorkflowLauncher.Launch(action.workflowId, job.id + "@" + number,
              mode, conf, action.failedNodes));
        }
      }
    }
    for (Map.Entry<String, String> workflow : new ArrayList<>(workflows.entrySet())) {
      if (!WorkflowStatus.valueOf(workflow.getValue()).isTerminal() && state.store().exists(workflow.getKey())) {
        launchWorkflow(scheduler, workflow.getKey());
      }
    }
  }

  /**
   * The workflow properties of an action whose daemon died after journaling its workflow id but before writing
   * that workflow: computed again as at dispatch (its inputs were there then). Null when that fails: the action
   * then ends FAILED with the reason.
   */
  private Map<String, String> recomputeConf(CoordinatorJob job, CoordAction action, long now) {
    try {
      var materialized = job.materializer.action(action.number).orElseThrow();
      var inputs = job.materializer.checkInputs(materialized, availability, Instant.ofEpochMilli(now),
          Instant.ofEpochMilli(action.createdTime));
      return job.materializer.workflowConf(materialized, inputs, Instant.ofEpochMilli(now));
    } catch (Exception e) {
      action.message = "cannot start its workflow again after a restart: " + e.getMessage();
      return null;
    }
  }

  /** Starts an action's workflow; its end comes back to the scheduler thread. */
  void launch(Scheduler scheduler, CoordinatorJob job, int number, WorkflowLauncher.Launch launch) {
    CoordAction action = job.actions.get(number);
    long readySince = Math.max(Math.max(action.nominalTime.toEpochMilli(), action.createdTime), action.readyTime);
    state.launcher().launch(launch, new WorkflowLauncher.Callbacks() {
      @Override
      public void started(long time) {
        if (launch.mode() == WorkflowLauncher.Mode.NEW) {
          state.metrics().latency(time - readySince);
        }
        scheduler.post(() -> {
          if (action.status == ActionStatus.SUBMITTED) {
            action.status = ActionStatus.RUNNING;
            action.startedTime = time;
            action.lastModified = time;
            scheduler.emit(job.id + "@" + number, job.id, "coord-action", ActionStatus.RUNNING.name(),
                launch.workflowId());
          }
        });
      }

      @Override
      public void record(String runId, JournalRecord record) {
        workflowEvent(scheduler, runId, record);
      }

      @Override
      public void ended(WorkflowStatus status, String errorCode, String message) {
        scheduler.post(() -> {
          if (!action.status.isRunning() || !launch.workflowId().equals(action.workflowId)) {
            return; // killed or ignored meanwhile: the job already recorded its end
          }
          ActionStatus end = switch (status) {
            case SUCCEEDED -> ActionStatus.SUCCEEDED;
            case KILLED -> ActionStatus.KILLED;
            default -> ActionStatus.FAILED;
          };
          scheduler.record(new SchedulerRecord.ActionEnded(scheduler.now(), job.id, number, end,
              errorCode, message));
          scheduler.emit(job.id + "@" + number, job.id, "coord-action", end.name(), message);
          scheduler.wake(job.id, scheduler.now());
        });
      }
    });
  }

  /** Drives a workflow submitted to the daemon directly. */
  void launchWorkflow(Scheduler scheduler, String id) {
    state.launcher().launch(new WorkflowLauncher.Launch(id, null, WorkflowLauncher.Mode.RESUME, null, false),
        new WorkflowLauncher.Callbacks() {
          @Override
          public void started(long time) {
            scheduler.post(() -> scheduler.emit(id, id, "workflow", WorkflowStatus.RUNNING.name(), null));
          }

          @Override
          public void record(String runId, JournalRecord record) {
            workflowEvent(scheduler, runId, record);
          }

          @Override
          public void ended(WorkflowStatus status, String errorCode, String message) {
            scheduler.post(() -> {
              scheduler.record(new SchedulerRecord.WorkflowEnded(scheduler.now(), id, status.name()));
              scheduler.emit(id, id, "workflow", status.name(), message);
            });
          }
        });
  }

  /**
   * A workflow's own changes on the event stream — each node that starts, retries or ends, and the run's status —
   * so an open page of that run follows it live. Called from the workflow's thread.
   */
  private static void workflowEvent(Scheduler scheduler, String runId, JournalRecord record) {
    if (record instanceof JournalRecord.Start r) {
      scheduler.emit(runId + "@" + r.node(), runId, "workflow-action", "RUNNING", null);
    } else if (record instanceof JournalRecord.Retry r) {
      scheduler.emit(runId + "@" + r.node(), runId, "workflow-action", "USER_RETRY", r.message());
    } else if (record instanceof JournalRecord.End r) {
      scheduler.emit(runId + "@" + r.node(), runId, "workflow-action", r.status().name(), null);
    } else if (record instanceof JournalRecord.Status r) {
      scheduler.emit(runId, runId, "workflow", r.status().name(), null);
    }
    // submitted, external, rerun: nothing a page shows changes
  }
}
