package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.cli.GraphRenderer;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import dev.hadoopkit.workflow.state.RunState;
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
  private final JobSubmissions submissions;
  private final SchedulerControls controls;
  private final CoordRerun reruns;
  private final WorkflowControls workflows;
  private final SchedulerViews views;

  public SchedulerBackend(Scheduler scheduler, SchedulerState state, WorkflowEngine engine, Configuration hadoop) {
    this.scheduler = scheduler;
    this.state = state;
    this.engine = engine;
    this.submissions = new JobSubmissions(scheduler, state, engine, hadoop);
    this.workflows = new WorkflowControls(scheduler, state, engine);
    ControlTargets targets = new ControlTargets(scheduler, state);
    this.controls = new SchedulerControls(scheduler, state, targets);
    this.reruns = new CoordRerun(scheduler, targets);
    this.views = new SchedulerViews(scheduler, state, engine);
    state.submissions(submissions);
  }

  @Override
  public String submit(Map<String, String> conf, boolean start) {
    return submissions.submit(conf, start);
  }

  @Override
  public void start(String id) {
    if (JobType.ofId(id) == JobType.WF) {
      workflows.start(id);
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
    if (JobType.ofId(id) == JobType.WF) {
      workflows.refuse(id, "suspended");
    }
    controls.suspend(id);
  }

  @Override
  public void resume(String id, ActionSelection selection) {
    if (JobType.ofId(id) == JobType.WF) {
      workflows.resume(id);
      return;
    }
    controls.resume(id);
  }

  @Override
  public void kill(String id, ActionSelection selection) {
    if (JobType.ofId(id) == JobType.WF) {
      workflows.kill(id);
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
    workflows.rerun(id, conf);
  }

  @Override
  public List<Views.CoordAction> ignore(String id, ActionSelection selection) {
    return views.actions(id, controls.ignore(id, selection));
  }

  @Override
  public List<String> dryrun(Map<String, String> conf) {
    return submissions.dryrun(conf);
  }

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
