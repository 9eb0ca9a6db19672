package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.state.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What is left in an ended attempt's work dir is safe to share: secret files removed, secret values masked. A failure
 * is noted in the run's log and the attempt's outcome stands.
 */
final class AttemptFiles {
  private final WorkflowEngine engine;
  private final String runId;
  private final Secrets secrets;

  AttemptFiles(WorkflowEngine engine, String runId, Secrets secrets) {
    this.engine = engine;
    this.runId = runId;
    this.secrets = secrets;
  }

  /** Masks secret values in an ended attempt's files; a failure is noted in run.log, the outcome stands. */
  void scrub(Path workDir) {
    try {
      secrets.scrub(workDir);
    } catch (IOException | UncheckedIOException e) {
      engine.log(runId, "could not mask secret properties in the files of " + workDir + ": " + e.getMessage()
          + "; check them before sharing the state directory");
    }
  }

  /** Password files and other secret {@code <file>}s leave the state dir when their action ends (issue 15 defect 6). */
  void removeSecretFiles(String node, Path workDir, List<String> links) {
    if (links.isEmpty()) {
      return;
    }
    try {
      List<String> removed = dev.hadoopkit.workflow.action.SecretFiles.remove(workDir, links);
      if (!removed.isEmpty()) {
        engine.log(runId, node + ": removed the secret files " + removed + " from its work dir");
      }
    } catch (IOException e) {
      engine.log(runId, node + ": could not remove the secret files " + links + " from " + workDir + ": "
          + e.getMessage() + "; delete them by hand");
    }
  }
}
