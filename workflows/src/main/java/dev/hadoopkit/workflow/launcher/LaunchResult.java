package dev.hadoopkit.workflow.launcher;

/**
 * How a launcher ended: the command's exit code ({@code null} when the launcher died before writing it), YARN's
 * diagnostics, and where its result files (stdout, stderr, output.properties) are on the cluster.
 */
public record LaunchResult(String applicationId, Integer exitCode, String diagnostics, String resultDir) {
  public boolean succeeded() {
    return exitCode != null && exitCode == 0;
  }
}
