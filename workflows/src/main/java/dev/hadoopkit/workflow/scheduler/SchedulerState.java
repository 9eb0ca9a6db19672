package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.BundleCoordinator;
import dev.hadoopkit.workflow.coord.BundleSubmission;
import dev.hadoopkit.workflow.coord.CoordinatorSubmission;
import dev.hadoopkit.workflow.coord.DataAvailability;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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
  private final JobLoader loader;
  private final ActionLaunches launches;

  private final Configuration hadoop;
  private JobSubmissions submissions;

  public SchedulerState(RunStore store, WorkflowLauncher launcher, Configuration hadoop) {
    this.store = store;
    this.launcher = launcher;
    this.hadoop = hadoop;
    this.availability = new HadoopAvailability(hadoop);
    this.loader = new JobLoader(store);
    this.launches = new ActionLaunches(this, availability);
  }

  /** What records submissions (bundles create their coordinators through it). */
  void submissions(JobSubmissions newSubmissions) {
    this.submissions = newSubmissions;
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
    loader.parsed(id, definition);
  }

  /** Starts actions' and workflows' runs, and takes them up again after a replay. */
  ActionLaunches launches() {
    return launches;
  }

  void apply(SchedulerRecord record, boolean replay) {
    if (record instanceof SchedulerRecord.CoordSubmitted r) {
      coordinators.put(r.id(), loader.coordinator(r));
      if (r.bundleId() != null && bundles.containsKey(r.bundleId())) {
        bundles.get(r.bundleId()).coordinators.put(r.bundleCoordinator(), r.id());
      }
    } else if (record instanceof SchedulerRecord.BundleSubmitted r) {
      bundles.put(r.id(), loader.bundle(r));
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

  /**
   * Creates one coordinator of a bundle (scheduler thread): its properties are the bundle's merged with the
   * coordinator's own configuration. Returns a problem, or null when it was recorded.
   */
  String submitBundleCoordinator(Scheduler scheduler, BundleJob bundle, BundleCoordinator coordinator, long now) {
    try {
      BundleSubmission submission = new BundleSubmission(bundle.definition, bundle.conf, bundle.appPath);
      CoordinatorSubmission child = submission.submit(coordinator, bundle.id, hadoop);
      String id = submissions.recordCoordinator(child, bundle.id, coordinator.name(), true, now);
      bundle.coordinators.put(coordinator.name(), id);
      return null;
    } catch (WorkflowException e) {
      return e.describe();
    } catch (IOException | RuntimeException e) {
      return e.getMessage();
    }
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
