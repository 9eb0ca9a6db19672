package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.BundleDefinition;
import dev.hadoopkit.workflow.coord.BundleParser;
import dev.hadoopkit.workflow.coord.CoordIdentity;
import dev.hadoopkit.workflow.coord.CoordinatorDefinition;
import dev.hadoopkit.workflow.coord.CoordinatorMaterializer;
import dev.hadoopkit.workflow.coord.CoordinatorParser;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.state.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a coordinator or bundle from its submission record: its properties with the secrets opened, and its
 * definition — the one a live submission just parsed, else the copy in its directory (a replay). Scheduler thread
 * only.
 */
final class JobLoader {
  private final RunStore store;
  /** Definitions parsed by a live submission, so applying its record need not parse again. */
  private final Map<String, Object> parsed = new HashMap<>();

  JobLoader(RunStore store) {
    this.store = store;
  }

  /** Remembers a definition parsed for a submission about to be recorded. */
  void parsed(String id, Object definition) {
    parsed.put(id, definition);
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

  CoordinatorJob coordinator(SchedulerRecord.CoordSubmitted r) {
    Loaded<CoordinatorDefinition> loaded = load(r.id(), r.conf(), r.appPath(), SchedulerState.COORDINATOR_XML,
        CoordinatorDefinition.class, new CoordinatorParser()::parse);
    CoordinatorMaterializer materializer = loaded.definition() == null ? null
        : new CoordinatorMaterializer(loaded.definition(), loaded.conf(), new CoordIdentity(r.id(), r.name(),
            r.user()));
    CoordinatorJob job = new CoordinatorJob(r.id(), r.name(), r.user(), r.appPath(), r.bundleId(),
        r.bundleCoordinator(), r.time(), loaded.conf(), loaded.definition(), materializer, loaded.broken());
    job.status = loaded.broken() != null ? JobStatus.FAILED : r.start() ? JobStatus.RUNNING : JobStatus.PREP;
    job.statusMessage = loaded.broken();
    return job;
  }

  BundleJob bundle(SchedulerRecord.BundleSubmitted r) {
    Loaded<BundleDefinition> loaded = load(r.id(), r.conf(), r.appPath(), SchedulerState.BUNDLE_XML,
        BundleDefinition.class, new BundleParser()::parse);
    BundleJob job = new BundleJob(r.id(), r.name(), r.user(), r.appPath(), r.time(), loaded.conf(),
        loaded.definition(), loaded.broken());
    job.status = loaded.broken() != null ? JobStatus.FAILED : JobStatus.PREP;
    job.statusMessage = loaded.broken();
    job.startRequested = r.start() && loaded.broken() == null;
    return job;
  }
}
