package dev.hadoopkit.workflow.launcher;

/**
 * How a launcher ended: the command's exit code ({@code null} when the launcher died before writing it), YARN's
 * diagnostics, where its result files (stdout, stderr, output.properties) are on the cluster, and what its JVM did
 * with a class-sharing archive ({@code null} when it did not say).
 */
public record LaunchResult(String applicationId, Integer exitCode, String diagnostics, String resultDir,
    String classSharing) {
  public boolean succeeded() {
    return exitCode != null && exitCode == 0;
  }
}
