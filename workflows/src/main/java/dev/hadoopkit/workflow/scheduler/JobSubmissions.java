package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.BundleSubmission;
import dev.hadoopkit.workflow.coord.CoordinatorSubmission;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.ConfigKeys;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * Submissions to the daemon and their dry runs: a workflow, coordinator or bundle is parsed and checked on the
 * caller's thread, then recorded by the scheduler thread (an id, a copy of its XML, the journal record).
 */
final class JobSubmissions {
  private final Scheduler scheduler;
  private final SchedulerState state;
  private final WorkflowEngine engine;
  private final Configuration hadoop;

  JobSubmissions(Scheduler scheduler, SchedulerState state, WorkflowEngine engine, Configuration hadoop) {
    this.scheduler = scheduler;
    this.state = state;
    this.engine = engine;
    this.hadoop = hadoop;
  }

  String submit(Map<String, String> conf, boolean start) {
    try {
      if (notBlank(conf.get(SchedulerBackend.BUNDLE_APP_PATH))) {
        return submitBundle(conf, start);
      }
      if (notBlank(conf.get(SchedulerBackend.COORD_APP_PATH))) {
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
        + ConfigKeys.APP_PATH + ", " + SchedulerBackend.COORD_APP_PATH + " or " + SchedulerBackend.BUNDLE_APP_PATH);
  }

  static boolean notBlank(String value) {
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
        state.launches().launchWorkflow(scheduler, id);
      }
      return null;
    });
    return id;
  }

  List<String> dryrun(Map<String, String> conf) {
    try {
      if (notBlank(conf.get(SchedulerBackend.COORD_APP_PATH))) {
        return perInstance(CoordinatorDryRun.lines(CoordinatorSubmission.prepare(conf, Map.of(), hadoop),
            new HadoopAvailability(hadoop), Instant.ofEpochMilli(scheduler.now()), 1000));
      }
      if (notBlank(conf.get(SchedulerBackend.BUNDLE_APP_PATH))) {
        BundleSubmission bundle = BundleSubmission.prepare(conf, Map.of(), hadoop);
        List<String> lines = new ArrayList<>();
        // the client tells a bundle's answer from a coordinator's by "<bundle-app" and prints it whole
        lines.add("<bundle-app name=\"" + bundle.definition().name() + "\"> with "
            + bundle.definition().coordinators().size() + " coordinators:");
        for (var coordinator : bundle.definition().coordinators()) {
          lines.add("coordinator " + coordinator.name() + ":");
          lines.addAll(CoordinatorDryRun.lines(CoordinatorSubmission.prepare(
              bundle.coordinatorProperties(coordinator), Map.of(), hadoop), new HadoopAvailability(hadoop),
              Instant.ofEpochMilli(scheduler.now()), 1000));
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
  private static final Pattern DRYRUN_ACTION_LINE = Pattern.compile("\\d+  ");
}
