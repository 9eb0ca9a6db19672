package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.BundleCoordinator;
import dev.hadoopkit.workflow.coord.BundleDefinition;
import dev.hadoopkit.workflow.coord.BundleSubmission;
import dev.hadoopkit.workflow.coord.CoordinatorSubmission;
import dev.hadoopkit.workflow.coord.BundleParser;
import dev.hadoopkit.workflow.coord.CoordIdentity;
import dev.hadoopkit.workflow.coord.CoordinatorDefinition;
import dev.hadoopkit.workflow.coord.CoordinatorMaterializer;
import dev.hadoopkit.workflow.coord.CoordinatorParser;
import dev.hadoopkit.workflow.coord.DataAvailability;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * Every coordinator, bundle and daemon-submitted workflow, rebuilt from the scheduler journal by {@link #apply} — the
 * same code for a replay after a restart and for the live daemon, so the two cannot disagree. Scheduler thread only.
 */
public final class SchedulerState {
  static final String COORDINATOR_XML = "coordinator.xml";
  static final String BUNDLE_XML = "bundle.xml";

  private final RunStore store;
  private final WorkflowLauncher launcher;
  private final DataAvailability availability;
  private final SchedulerMetrics metrics = new SchedulerMetrics();
  final Map<String, CoordinatorJob> coordinators = new LinkedHashMap<>();
  final Map<String, BundleJob> bundles = new LinkedHashMap<>();
  /** Workflows submitted to the daemon directly: id → last known status. */
  final Map<String, String> workflows = new LinkedHashMap<>();
  /** Definitions parsed by a live submission, so applying its record need not parse again. */
  private final Map<String, Object> parsed = new HashMap<>();

  private final Configuration hadoop;
  private SchedulerBackend backend;

  public SchedulerState(RunStore store, WorkflowLauncher launcher, Configuration hadoop) {
    this.store = store;
    this.launcher = launcher;
    this.hadoop = hadoop;
    this.availability = new HadoopAvailability(hadoop);
  }

  /** The backend that records submissions (bundles create their coordinators through it). */
  void backend(SchedulerBackend newBackend) {
    this.backend = newBackend;
  }

  SchedulerMetrics metrics() {
    return metrics;
  }

  /** The daemon's Hadoop configuration (local mode, or the cluster of $HADOOP_CONF_DIR). */
  Configuration hadoop() {
    return hadoop;
  }

  RunStore store() {
    return store;
  }

  WorkflowLauncher launcher() {
    return launcher;
  }

  Set<String> jobIds() {
    Set<String> ids = new java.util.LinkedHashSet<>(bundles.keySet());
    ids.addAll(coordinators.keySet());
    return ids;
  }

  /** Remembers a definition parsed for a submission about to be recorded. */
  void parsed(String id, Object definition) {
    parsed.put(id, definition);
  }

  void apply(SchedulerRecord record, boolean replay) {
    if (record instanceof SchedulerRecord.CoordSubmitted r) {
      coordinators.put(r.id(), loadCoordinator(r));
    } else if (record instanceof SchedulerRecord.BundleSubmitted r) {
      bundles.put(r.id(), loadBundle(r));
    } else if (record instanceof SchedulerRecord.WorkflowSubmitted r) {
      workflows.put(r.id(), WorkflowStatus.RUNNING.name());
    } else if (record instanceof SchedulerRecord.WorkflowEnded r) {
      workflows.put(r.id(), r.status());
    } else if (record instanceof SchedulerRecord.Status r) {
      CoordinatorJob coordinator = coordinators.get(r.id());
      if (coordinator != null) {
        coordinator.status = r.status();
        coordinator.statusMessage = r.message();
        coordinator.lastModified = r.time();
      }
      BundleJob bundle = bundles.get(r.id());
      if (bundle != null) {
        if (bundle.status == JobStatus.PREP && r.status() == JobStatus.RUNNING) {
          bundle.startedTime = r.time();
        }
        bundle.status = r.status();
        bundle.statusMessage = r.message();
        bundle.lastModified = r.time();
      }
    } else if (record instanceof SchedulerRecord.Started r) {
      CoordinatorJob coordinator = coordinators.get(r.id());
      if (coordinator != null && coordinator.status == JobStatus.PREP) {
        coordinator.status = JobStatus.RUNNING;
      }
      BundleJob bundle = bundles.get(r.id());
      if (bundle != null) {
        bundle.startRequested = true;
      }
    } else if (record instanceof SchedulerRecord.Changed r) {
      CoordinatorJob job = coordinators.get(r.id());
      if (job != null && job.definition != null) {
        if (r.endTime() != null) {
          job.changeEnd(Instant.ofEpochMilli(r.endTime()));
        }
        if (r.concurrency() != null) {
          job.concurrency = r.concurrency();
        }
        if (r.pauseTime() != null) {
          job.pauseTime = r.pauseTime() == 0 ? null : Instant.ofEpochMilli(r.pauseTime());
        }
        job.lastModified = r.time();
      }
    } else if (record instanceof SchedulerRecord.Materialized r) {
      CoordinatorJob job = coordinators.get(r.id());
      if (job != null && job.definition != null) {
        for (int n = job.materialized + 1; n <= r.upTo(); n++) {
          Instant nominal = job.times.time(n).orElse(null);
          if (nominal == null) {
            break; // the end was moved before this action after it was materialized
          }
          job.added(new CoordAction(n, nominal, r.time()));
          job.materialized = n;
        }
        job.lastModified = r.time();
      }
    } else if (record instanceof SchedulerRecord.Dispatched r) {
      CoordAction action = action(r.id(), r.action());
      if (action != null) {
        CoordinatorJob job = coordinators.get(r.id());
        action.workflowId = r.workflowId();
        action.startedTime = 0;
        job.setStatus(ActionStatus.SUBMITTED, action, r.time());
      }
    } else if (record instanceof SchedulerRecord.ActionEnded r) {
      CoordAction action = action(r.id(), r.action());
      if (action != null) {
        coordinators.get(r.id()).setStatus(r.status(), action, r.time());
        action.errorCode = r.errorCode();
        action.message = r.message();
        action.materialized = null; // an ended action keeps only what its view shows
        action.inputs = null;
        action.rerun = false;
      }
    } else if (record instanceof SchedulerRecord.ActionReset r) {
      CoordinatorJob job = coordinators.get(r.id());
      for (int n : r.actions()) {
        CoordAction action = action(r.id(), n);
        if (action != null) {
          job.setStatus(ActionStatus.WAITING, action, r.time());
          action.rerun = action.workflowId != null;
          action.refresh = r.refresh() || action.workflowId == null;
          action.failedNodes = r.failedNodes();
          action.errorCode = null;
          action.message = null;
          action.nextCheck = 0;
          action.backoff = 0;
        }
      }
    }
  }

  private CoordAction action(String jobId, int number) {
    CoordinatorJob job = coordinators.get(jobId);
    return job == null ? null : job.actions.get(number);
  }

  /** Parses a definition copied into a job's directory (coordinator.xml or bundle.xml). */
  private interface DefinitionParser<T> {
    T parse(byte[] xml, String file, Map<String, String> conf) throws WorkflowException;
  }

  /** A job's properties (secrets opened) and definition, or why they cannot be had. */
  private record Loaded<T>(Map<String, String> conf, T definition, String broken) {
  }

  /**
   * Opens a submitted job's properties and its definition: the one a live submission just parsed, else the copy in
   * its directory (a replay). A job that cannot be loaded is kept, FAILED, with the reason.
   */
  private <T> Loaded<T> load(String id, Map<String, String> sealed, String appPath, String fileName,
      Class<T> type, DefinitionParser<T> parser) {
    Map<String, String> conf;
    try {
      conf = store.open(sealed, true);
    } catch (IOException | RuntimeException e) {
      return new Loaded<>(sealed, null, "cannot open its secret properties: " + e.getMessage());
    }
    Object cached = parsed.remove(id);
    if (type.isInstance(cached)) {
      return new Loaded<>(conf, type.cast(cached), null);
    }
    try {
      byte[] xml = Files.readAllBytes(store.runDir(id).resolve(fileName));
      return new Loaded<>(conf, parser.parse(xml, appPath + "/" + fileName, conf), null);
    } catch (IOException e) {
      return new Loaded<>(conf, null, "cannot read its definition: " + e.getMessage());
    } catch (WorkflowException e) {
      return new Loaded<>(conf, null, e.describe());
    }
  }

  private CoordinatorJob loadCoordinator(SchedulerRecord.CoordSubmitted r) {
    Loaded<CoordinatorDefinition> loaded = load(r.id(), r.conf(), r.appPath(), COORDINATOR_XML,
        CoordinatorDefinition.class, new CoordinatorParser()::parse);
    CoordinatorMaterializer materializer = loaded.definition() == null ? null
        : new CoordinatorMaterializer(loaded.definition(), loaded.conf(), new CoordIdentity(r.id(), r.name(),
            r.user()));
    CoordinatorJob job = new CoordinatorJob(r.id(), r.name(), r.user(), r.appPath(), r.bundleId(),
        r.bundleCoordinator(), r.time(), loaded.conf(), loaded.definition(), materializer, loaded.broken());
    job.status = loaded.broken() != null ? JobStatus.FAILED : r.start() ? JobStatus.RUNNING : JobStatus.PREP;
    job.statusMessage = loaded.broken();
    if (r.bundleId() != null && bundles.containsKey(r.bundleId())) {
      bundles.get(r.bundleId()).coordinators.put(r.bundleCoordinator(), r.id());
    }
    return job;
  }

  private BundleJob loadBundle(SchedulerRecord.BundleSubmitted r) {
    Loaded<BundleDefinition> loaded = load(r.id(), r.conf(), r.appPath(), BUNDLE_XML, BundleDefinition.class,
        new BundleParser()::parse);
    BundleJob job = new BundleJob(r.id(), r.name(), r.user(), r.appPath(), r.time(), loaded.conf(),
        loaded.definition(), loaded.broken());
    job.status = loaded.broken() != null ? JobStatus.FAILED : JobStatus.PREP;
    job.statusMessage = loaded.broken();
    job.startRequested = r.start() && loaded.broken() == null;
    return job;
  }

  /**
   * After a replay: every action whose workflow was started (or was about to be) is handed to the engine again —
   * resumed when its run exists, submitted under the journaled id when the daemon died before writing it. So each
   * nominal time keeps exactly one workflow run.
   */
  void afterReplay(Scheduler scheduler) {
    for (CoordinatorJob job : coordinators.values()) {
      for (int number : new ArrayList<>(job.live)) {
        CoordAction action = job.actions.get(number);
        if (action.status.isRunning() && action.workflowId != null) {
          action.status = ActionStatus.RUNNING;
          WorkflowLauncher.Mode mode = store.exists(action.workflowId) ? WorkflowLauncher.Mode.RESUME
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
      if (!WorkflowStatus.valueOf(workflow.getValue()).isTerminal() && store.exists(workflow.getKey())) {
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
    launcher.launch(launch, new WorkflowLauncher.Callbacks() {
      @Override
      public void started(long time) {
        if (launch.mode() == WorkflowLauncher.Mode.NEW) {
          metrics.latency(time - readySince);
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
    launcher.launch(new WorkflowLauncher.Launch(id, null, WorkflowLauncher.Mode.RESUME, null, false),
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
   * Creates one coordinator of a bundle (scheduler thread): its properties are the bundle's merged with the
   * coordinator's own configuration. Returns a problem, or null when it was recorded.
   */
  String submitBundleCoordinator(Scheduler scheduler, BundleJob bundle, BundleCoordinator coordinator, long now) {
    try {
      BundleSubmission submission = new BundleSubmission(bundle.definition, bundle.conf, bundle.appPath);
      CoordinatorSubmission child = submission.submit(coordinator, bundle.id, hadoop);
      String id = backend.recordCoordinator(child, bundle.id, coordinator.name(), true, now);
      bundle.coordinators.put(coordinator.name(), id);
      return null;
    } catch (WorkflowException e) {
      return e.describe();
    } catch (IOException | RuntimeException e) {
      return e.getMessage();
    }
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

  String newWorkflowId(long now) {
    try {
      return store.newJob(now, 'W');
    } catch (IOException e) {
      return null;
    }
  }

  /** One pass over a coordinator or bundle; returns when it is next due. */
  long pass(Scheduler scheduler, String id, long now) {
    CoordinatorJob coordinator = coordinators.get(id);
    if (coordinator != null) {
      return new CoordinatorPass(scheduler, this, coordinator, now, availability).run();
    }
    BundleJob bundle = bundles.get(id);
    if (bundle != null) {
      return new BundlePass(scheduler, this, bundle, now).run();
    }
    return Long.MAX_VALUE;
  }

  Map<String, Long> counts(long now) {
    long due = 0;
    long waiting = 0;
    long running = 0;
    for (CoordinatorJob job : coordinators.values()) {
      for (int number : job.live) {
        CoordAction action = job.actions.get(number);
        if (action.status == ActionStatus.READY) {
          due++;
        } else if (action.status == ActionStatus.WAITING) {
          waiting++;
        } else if (action.status.isRunning()) {
          running++;
        }
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("due", due);
    out.put("waiting", waiting);
    out.put("running", running);
    return out;
  }

  static void writeDefinition(Path dir, String fileName, String xml) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(fileName), xml, StandardCharsets.UTF_8);
  }
}
