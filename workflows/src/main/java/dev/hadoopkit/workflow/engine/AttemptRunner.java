package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.action.ActionContext;
import dev.hadoopkit.workflow.action.ActionExecutor;
import dev.hadoopkit.workflow.action.ActionOutcome;
import dev.hadoopkit.workflow.action.Cancellation;
import dev.hadoopkit.workflow.definition.ActionBodies;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.RunErrorCode;
import dev.hadoopkit.workflow.el.ElException;
import dev.hadoopkit.workflow.el.ElScope;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.w3c.dom.Element;

/**
 * Runs one attempt of an action on an engine thread and turns whatever happens into an outcome: the executor's, or
 * an error with its code for an exception. The attempt's external id goes to the journal as soon as it is known.
 */
final class AttemptRunner {
  private final WorkflowEngine engine;
  private final EngineSettings settings;
  private final RunState state;
  private final Path runDir;
  private final RunListener listener;
  private final ActionBodyResolver bodies;
  private final ActionConfBuilder confs;
  private final ActionJars jars;
  private final AttemptFiles attemptFiles;
  private final Supplier<ElScope> scope;
  /** The driver's journaling (masks secrets, applies the record to the state). */
  private final Consumer<JournalRecord> journal;

  AttemptRunner(WorkflowEngine engine, EngineSettings settings, RunState state, Path runDir, RunListener listener,
      ActionBodyResolver bodies, ActionConfBuilder confs, ActionJars jars, AttemptFiles attemptFiles,
      Supplier<ElScope> scope, Consumer<JournalRecord> journal) {
    this.engine = engine;
    this.settings = settings;
    this.state = state;
    this.runDir = runDir;
    this.listener = listener;
    this.bodies = bodies;
    this.confs = confs;
    this.jars = jars;
    this.attemptFiles = attemptFiles;
    this.scope = scope;
    this.journal = journal;
  }

  /** One attempt of an action: resolve its body, build its configuration, prepare, execute, clean up. */
  ActionOutcome run(Node.Action action, int attempt, String previousExternalId,
      Cancellation cancellation) {
    ActionExecutor executor = engine.registry().get(action.spec().type());
    if (executor == null) {
      return ActionOutcome.failed(ErrorCode.E0723, "Unsupported action type, node [" + action.name() + "] type ["
          + action.spec().type() + "]");
    }
    try {
      ElScope scope = this.scope.get();
      Element body = bodies.resolve(action.spec().xml(), scope);
      Configuration conf = confs.build(body, scope);
      PrepareStep.run(body, conf);
      Path workDir = runDir.resolve("actions").resolve(action.name())
          .resolve("r" + state.info().run() + "-a" + attempt);
      Files.createDirectories(workDir);
      // An external id reported once the run is stopping is not journaled (the run's last record is its status);
      // the executor's cancel hook stops that job or child run.
      ActionContext context = new ActionContext(state.info().id(), action.name(), attempt, ActionBodies.of(body), conf,
          state.info().appPath(), state.info().conf(), jars.forType(action.spec().type()), workDir,
          settings.captureOutputLimit(), id -> {
            if (!cancellation.isCancelled()) {
              journal.accept(externalRecord(action.name(), id));
            }
          }, previousExternalId, cancellation, engine.subWorkflowRunner(state.info().id(), listener));
      if (cancellation.isCancelled()) {
        return ActionOutcome.error(RunErrorCode.KILLED, "the workflow ended before node [" + action.name()
            + "] started");
      }
      List<String> secretFiles = dev.hadoopkit.workflow.action.SecretFiles.links(body, state.info().appPath(),
          state.info().conf());
      try {
        return executor.execute(context);
      } finally {
        attemptFiles.removeSecretFiles(action.name(), workDir, secretFiles);
        attemptFiles.scrub(workDir);
      }
    } catch (ElException e) {
      return ActionOutcome.failed(ErrorCode.EL_ERROR, "node [" + action.name() + "] at " + action.spec().location()
          + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionOutcome.error(RunErrorCode.KILLED, "interrupted");
    } catch (Exception e) {
      return ActionErrors.outcome(e);
    }
  }

  /**
   * An action's external id; a child process ({@code pid:N}, just started) with its start time, by which a resumed
   * engine finds it again should this engine die ({@link OrphanedAttempt}).
   */
  private JournalRecord externalRecord(String node, String id) {
    if (id.startsWith("pid:")) {
      try {
        long pid = Long.parseLong(id.substring(4));
        java.util.Optional<java.time.Instant> started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant());
        if (started.isPresent()) {
          return JournalRecord.process(settings.clock().millis(), node, pid, started.get().toEpochMilli());
        }
      } catch (NumberFormatException notAPid) {
        // an executor's own id scheme: kept as given
      }
    }
    return JournalRecord.external(settings.clock().millis(), node, id);
  }
}
