package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.ConfigKeys;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The controls of a workflow run (an id ending in {@code -W}): start, kill, rerun, and resume — which adopts a run
 * whose engine died. The engine has no suspended state, so suspend is refused with what to do instead.
 */
final class WorkflowControls {
  private final Scheduler scheduler;
  private final SchedulerState state;
  private final WorkflowEngine engine;

  WorkflowControls(Scheduler scheduler, SchedulerState state, WorkflowEngine engine) {
    this.scheduler = scheduler;
    this.state = state;
    this.engine = engine;
  }

  void start(String id) {
    scheduler.call(() -> {
      if (!state.workflows.containsKey(id)) {
        throw new NotFoundException("no workflow job " + id + " submitted to this daemon");
      }
      state.launches().launchWorkflow(scheduler, id);
      return null;
    });
  }

  /**
   * A workflow run whose engine died (a {@code bin/workflow run} killed, a machine rebooted) is adopted and driven
   * to its end by the daemon, through the engine's resume: what {@code bin/workflow run --resume} does.
   */
  void resume(String id) {
    RunState run;
    try {
      run = engine.store().load(id);
    } catch (IOException e) {
      throw new NotFoundException("no workflow job " + id);
    }
    if (run.info().status().isTerminal()) {
      throw new ConflictException("E0805", "workflow job " + id + " has ended ("
          + run.info().status() + "): nothing to resume; -rerun it to run it again");
    }
    try (var lock = engine.store().tryLock(id).orElseThrow(() ->
        new ConflictException("E0303", "workflow job " + id + " is being driven"
            + " by a live engine (this daemon or a bin/workflow process): there is nothing to resume"))) {
      // only checking that no engine holds it; the launch below takes the lock for good
    } catch (IOException e) {
      throw new IllegalStateException("cannot look at the run's lock: " + e.getMessage(), e);
    }
    scheduler.call(() -> {
      if (!state.workflows.containsKey(id)) {
        scheduler.record(new SchedulerRecord.WorkflowSubmitted(scheduler.now(), id));
        scheduler.flush();
      }
      state.launches().launchWorkflow(scheduler, id);
      return null;
    });
  }

  /** The engine has no suspended state for a run: say so, rather than "no coordinator job …-W". */
  void refuse(String id, String what) {
    if (!engine.store().exists(id)) {
      throw new NotFoundException("no workflow job " + id);
    }
    throw new BadRequestException("E0303", "workflow job " + id + " cannot be " + what + ": this daemon suspends "
        + "and resumes coordinators and bundles only; suspend the coordinator that runs it, or -kill the workflow "
        + "and -rerun it later");
  }

  /** The run of a workflow job this store has; a 404 when it has none or cannot read it. */
  private RunState existing(String id) {
    if (!engine.store().exists(id)) {
      throw new NotFoundException("no workflow job " + id);
    }
    try {
      return engine.store().load(id);
    } catch (IOException e) {
      throw new NotFoundException("no workflow job " + id + ": " + e.getMessage());
    }
  }

  void kill(String id) {
    WorkflowStatus status = existing(id).info().status();
    if (status.isTerminal()) {
      // the kill itself runs in the background: without this the client would report success and nothing happen
      throw new ConflictException("E0725", "workflow job " + id
          + " has already ended (" + status + "): there is nothing to kill");
    }
    state.launcher().kill(id, problem -> System.err.println("scheduler: " + problem));
  }

  void rerun(String id, Map<String, String> conf) {
    RunState run = existing(id);
    if (!run.info().status().isTerminal()) {
      throw new ConflictException("E0805", "workflow job " + id
          + " has not ended (status " + run.info().status() + "): only SUCCEEDED, FAILED or KILLED runs can be rerun");
    }
    boolean failNodes = Boolean.parseBoolean(conf.getOrDefault(ConfigKeys.RERUN_FAIL_NODES, "false"));
    List<String> skip = WorkflowEngine.nodeList(conf.get(ConfigKeys.RERUN_SKIP_NODES));
    try {
      // checked and journaled here (with the body's configuration merged over the run's), so that the client hears
      // of E0807 & co.; only the run itself is in the background
      engine.recordRerun(id, failNodes, skip, conf, (runId, record) -> { });
    } catch (WorkflowException e) {
      throw new BadRequestException(e.code().name(), e.describe());
    } catch (IOException | IllegalStateException e) {
      throw new ConflictException("E0805", "workflow job " + id
          + " cannot be rerun now: " + e.getMessage());
    }
    state.launcher().background(() -> {
      try {
        engine.run(id, (runId, record) -> { });
      } catch (Exception e) {
        System.err.println("scheduler: rerun of " + id + " failed: " + e.getMessage());
      }
    });
  }
}
