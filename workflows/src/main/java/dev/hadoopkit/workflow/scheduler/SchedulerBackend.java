package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.cli.GraphRenderer;
import dev.hadoopkit.workflow.coord.BundleSubmission;
import dev.hadoopkit.workflow.coord.CoordinatorSubmission;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.ConfigKeys;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/**
 * The daemon as the REST layer sees it: submissions are parsed and checked on the caller's thread, then recorded by
 * the scheduler thread; controls and snapshots run on the scheduler thread ({@link Scheduler#call}); workflow runs
 * are read from the engine's store.
 */
public final class SchedulerBackend implements OozieBackend {
  public static final String COORD_APP_PATH = "oozie.coord.application.path";
  public static final String BUNDLE_APP_PATH = "oozie.bundle.application.path";

  private final Scheduler scheduler;
  private final SchedulerState state;
  private final WorkflowEngine engine;
  private final Configuration hadoop;
  private final SchedulerControls controls;
  private final CoordRerun reruns;
  private final SchedulerViews views;

  public SchedulerBackend(Scheduler scheduler, SchedulerState state, WorkflowEngine engine, Configuration hadoop) {
    this.scheduler = scheduler;
    this.state = state;
    this.engine = engine;
    this.hadoop = hadoop;
    ControlTargets targets = new ControlTargets(scheduler, state);
    this.controls = new SchedulerControls(scheduler, state, targets);
    this.reruns = new CoordRerun(scheduler, targets);
    this.views = new SchedulerViews(scheduler, state, engine);
    state.backend(this);
  }

  @Override
  public String submit(Map<String, String> conf, boolean start) {
    try {
      if (notBlank(conf.get(BUNDLE_APP_PATH))) {
        return submitBundle(conf, start);
      }
      if (notBlank(conf.get(COORD_APP_PATH))) {
        return submitCoordinator(conf, start);
      }
      if (notBlank(conf.get(ConfigKeys.APP_PATH))) {
        return submitWorkflow(conf, start);
      }
    } catch (WorkflowException e) {
      throw new BadRequestException(e.code().name(), e.describe());
    } catch (IOException e) {
      throw new IllegalStateException("cannot record the job: " + e.getMessage(), e);
    }
    throw new BadRequestException("E0405", "the configuration names no application: set "
        + ConfigKeys.APP_PATH + ", " + COORD_APP_PATH + " or " + BUNDLE_APP_PATH);
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  private String user(Map<String, String> conf) {
    return conf.getOrDefault("user.name", System.getProperty("user.name"));
  }

  private String submitCoordinator(Map<String, String> conf, boolean start) throws WorkflowException, IOException {
    CoordinatorSubmission submission = CoordinatorSubmission.prepare(conf, Map.of(), hadoop);
    return scheduler.call(() -> recordCoordinator(submission, null, null, start, scheduler.now()));
  }

  /** Records a coordinator (scheduler thread): id, a copy of its XML, the journal record; due at once. */
  String recordCoordinator(CoordinatorSubmission submission, String bundleId, String bundleCoordinator,
      boolean start, long now) throws IOException {
    String id = state.store().newJob(now, 'C');
    Path dir = state.store().runDir(id);
    SchedulerState.writeDefinition(dir, SchedulerState.COORDINATOR_XML, submission.definition().xml());
    state.parsed(id, submission.definition());
    Map<String, String> conf = submission.conf();
    scheduler.record(new SchedulerRecord.CoordSubmitted(now, id, submission.definition().name(), user(conf),
        submission.appPath(), state.store().seal(conf), bundleId, bundleCoordinator, start));
    scheduler.flush();
    scheduler.wake(id, now);
    scheduler.emit(id, id, "coordinator", start ? JobStatus.RUNNING.name() : JobStatus.PREP.name(), null);
    return id;
  }

  private String submitBundle(Map<String, String> conf, boolean start) throws WorkflowException, IOException {
    BundleSubmission submission = BundleSubmission.prepare(conf, Map.of(), hadoop);
    for (var coordinator : submission.definition().coordinators()) {
      CoordinatorSubmission.prepare(submission.coordinatorProperties(coordinator), Map.of(), hadoop); // check now
    }
    return scheduler.call(() -> {
      long now = scheduler.now();
      String id = state.store().newJob(now, 'B');
      SchedulerState.writeDefinition(state.store().runDir(id), SchedulerState.BUNDLE_XML,
          submission.definition().xml());
      state.parsed(id, submission.definition());
      scheduler.record(new SchedulerRecord.BundleSubmitted(now, id, submission.definition().name(),
          user(submission.conf()), submission.appPath(), state.store().seal(submission.conf()), start));
      scheduler.flush();
      scheduler.wake(id, now);
      scheduler.emit(id, id, "bundle", JobStatus.PREP.name(), null);
      return id;
    });
  }

  private String submitWorkflow(Map<String, String> conf, boolean start) throws WorkflowException, IOException {
    Submission submission = engine.prepare(conf, Map.of(), null);
    String id = engine.submit(submission, null, (runId, record) -> { });
    scheduler.call(() -> {
      scheduler.record(new SchedulerRecord.WorkflowSubmitted(scheduler.now(), id));
      scheduler.flush();
      if (start) {
        state.launchWorkflow(scheduler, id);
      }
      return null;
    });
    return id;
  }

  @Override
  public void start(String id) {
    if (JobType.ofId(id) == JobType.WF) {
      scheduler.call(() -> {
        if (!state.workflows.containsKey(id)) {
          throw new NotFoundException("no workflow job " + id + " submitted to this daemon");
        }
        state.launchWorkflow(scheduler, id);
        return null;
      });
      return;
    }
    controls.start(id);
  }

  @Override
  public Views.JobView info(String id, int offset, int len, Map<String, List<String>> actionFilter) {
    return views.info(id, offset, len, actionFilter);
  }

  @Override
  public Object action(String actionId) {
    return views.action(actionId);
  }

  @Override
  public String definition(String id) {
    Path dir = state.store().runDir(id);
    String file = switch (JobType.ofId(id)) {
      case WF -> "workflow.xml";
      case COORDINATOR -> SchedulerState.COORDINATOR_XML;
      case BUNDLE -> SchedulerState.BUNDLE_XML;
    };
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NotFoundException("no job " + id);
    }
  }

  @Override
  public String log(String id) {
    return views.log(id);
  }

  @Override
  public String graph(String id) {
    return graph(id, false);
  }

  @Override
  public String pageGraph(String id) {
    return graph(id, true);
  }

  private String graph(String id, boolean page) {
    if (JobType.ofId(id) != JobType.WF) {
      throw new BadRequestException("E0306", "show=graph is for workflow jobs; " + id + " is not one");
    }
    try {
      RunState run = engine.store().load(id);
      WorkflowDefinition definition = engine.definitionOf(id);
      return page ? GraphRenderer.consoleSvg(definition, run) : GraphRenderer.svg(definition, run);
    } catch (IOException | WorkflowException e) {
      throw new NotFoundException("no workflow job " + id + ": " + e.getMessage());
    }
  }

  @Override
  public Views.Page<Views.JobView> jobs(JobType type, Map<String, List<String>> filter, int offset, int len) {
    return views.jobs(type, filter, offset, len);
  }

  @Override
  public void suspend(String id, ActionSelection selection) {
    refuseForWorkflow(id, "suspended");
    controls.suspend(id);
  }

  @Override
  public void resume(String id, ActionSelection selection) {
    if (JobType.ofId(id) == JobType.WF) {
      resumeOrphan(id);
      return;
    }
    controls.resume(id);
  }

  /**
   * A workflow run whose engine died (a {@code bin/workflow run} killed, a machine rebooted) is adopted and driven
   * to its end by the daemon, through the engine's resume: what {@code bin/workflow run --resume} does.
   */
  private void resumeOrphan(String id) {
    RunState run;
    try {
      run = engine.store().load(id);
    } catch (IOException e) {
      throw new NotFoundException("no workflow job " + id);
    }
    if (run.status().isTerminal()) {
      throw new dev.hadoopkit.workflow.server.api.ConflictException("E0805", "workflow job " + id + " has ended ("
          + run.status() + "): nothing to resume; -rerun it to run it again");
    }
    try (var lock = engine.store().tryLock(id).orElseThrow(() ->
        new dev.hadoopkit.workflow.server.api.ConflictException("E0303", "workflow job " + id + " is being driven"
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
      state.launchWorkflow(scheduler, id);
      return null;
    });
  }

  /** The engine has no suspended state for a run: say so, rather than "no coordinator job …-W". */
  private void refuseForWorkflow(String id, String what) {
    if (JobType.ofId(id) != JobType.WF) {
      return;
    }
    if (!engine.store().exists(id)) {
      throw new NotFoundException("no workflow job " + id);
    }
    throw new BadRequestException("E0303", "workflow job " + id + " cannot be " + what + ": this daemon suspends "
        + "and resumes coordinators and bundles only; suspend the coordinator that runs it, or -kill the workflow "
        + "and -rerun it later");
  }

  @Override
  public void kill(String id, ActionSelection selection) {
    if (JobType.ofId(id) == JobType.WF) {
      if (!engine.store().exists(id)) {
        throw new NotFoundException("no workflow job " + id);
      }
      WorkflowStatus status;
      try {
        status = engine.store().load(id).status();
      } catch (IOException e) {
        throw new NotFoundException("no workflow job " + id + ": " + e.getMessage());
      }
      if (status.isTerminal()) {
        // the kill itself runs in the background: without this the client would report success and nothing happen
        throw new dev.hadoopkit.workflow.server.api.ConflictException("E0725", "workflow job " + id
            + " has already ended (" + status + "): there is nothing to kill");
      }
      state.launcher().kill(id, problem -> System.err.println("scheduler: " + problem));
      return;
    }
    controls.kill(id, selection);
  }

  @Override
  public void change(String id, Map<String, String> values) {
    controls.change(id, values);
  }

  @Override
  public List<Views.CoordAction> coordRerun(String id, ActionSelection selection, boolean refresh,
      boolean noCleanup, boolean failed) {
    List<Views.CoordAction> out = new ArrayList<>();
    reruns.run(id, selection, refresh, noCleanup, failed).forEach((coordId, numbers) ->
        out.addAll(views.actions(coordId, numbers)));
    return out;
  }

  @Override
  public void rerunWorkflow(String id, Map<String, String> conf) {
    if (!engine.store().exists(id)) {
      throw new NotFoundException("no workflow job " + id);
    }
    RunState run;
    try {
      run = engine.store().load(id);
    } catch (IOException e) {
      throw new NotFoundException("no workflow job " + id + ": " + e.getMessage());
    }
    if (!run.status().isTerminal()) {
      throw new dev.hadoopkit.workflow.server.api.ConflictException("E0805", "workflow job " + id
          + " has not ended (status " + run.status() + "): only SUCCEEDED, FAILED or KILLED runs can be rerun");
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
      throw new dev.hadoopkit.workflow.server.api.ConflictException("E0805", "workflow job " + id
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

  @Override
  public List<Views.CoordAction> ignore(String id, ActionSelection selection) {
    return views.actions(id, controls.ignore(id, selection));
  }

  @Override
  public List<String> dryrun(Map<String, String> conf) {
    try {
      if (notBlank(conf.get(COORD_APP_PATH))) {
        return perInstance(CoordinatorDryRun.lines(CoordinatorSubmission.prepare(conf, Map.of(), hadoop),
            new HadoopAvailability(hadoop), java.time.Instant.ofEpochMilli(scheduler.now()), 1000));
      }
      if (notBlank(conf.get(BUNDLE_APP_PATH))) {
        BundleSubmission bundle = BundleSubmission.prepare(conf, Map.of(), hadoop);
        List<String> lines = new ArrayList<>();
        // the client tells a bundle's answer from a coordinator's by "<bundle-app" and prints it whole
        lines.add("<bundle-app name=\"" + bundle.definition().name() + "\"> with "
            + bundle.definition().coordinators().size() + " coordinators:");
        for (var coordinator : bundle.definition().coordinators()) {
          lines.add("coordinator " + coordinator.name() + ":");
          lines.addAll(CoordinatorDryRun.lines(CoordinatorSubmission.prepare(
              bundle.coordinatorProperties(coordinator), Map.of(), hadoop), new HadoopAvailability(hadoop),
              java.time.Instant.ofEpochMilli(scheduler.now()), 1000));
        }
        return lines;
      }
      engine.prepare(conf, Map.of(), null);
      return List.of("OK: workflow is valid; nothing was run");
    } catch (WorkflowException e) {
      throw new BadRequestException(e.code().name(), e.describe());
    }
  }

  /**
   * The separator the Oozie client splits a coordinator's dry run at ({@code action for new instance}) before each
   * action line, so that it counts and numbers the actions ("***total coord actions is 6 ***") instead of printing
   * everything as the coordinator's part.
   */
  static List<String> perInstance(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0 && DRYRUN_ACTION_LINE.matcher(lines.get(i)).lookingAt()) {
        out.add(DRYRUN_SEPARATOR);
      }
      out.add(lines.get(i));
    }
    return out;
  }

  static final String DRYRUN_SEPARATOR = "action for new instance";
  private static final java.util.regex.Pattern DRYRUN_ACTION_LINE = java.util.regex.Pattern.compile("\\d+  ");

  @Override
  public Views.Metrics metrics() {
    Map<String, Long> counts = scheduler.counts();
    SchedulerMetrics m = state.metrics();
    return new Views.Metrics(counts.get("due"), counts.get("waiting"), counts.get("running"),
        state.launcher().running(), SchedulerMetrics.BUCKETS_MILLIS.clone(), m.perBucket(), m.sumMillis(),
        m.count(), m.materializedTotal(), m.startedTotal());
  }

  @Override
  public AutoCloseable subscribe(Consumer<Views.Event> listener) {
    return scheduler.subscribe(listener);
  }

  @Override
  public String systemMode() {
    return "NORMAL";
  }
}
