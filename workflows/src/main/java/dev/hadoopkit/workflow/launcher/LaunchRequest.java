package dev.hadoopkit.workflow.launcher;

import java.util.List;
import java.util.Map;

/**
 * One action for a launcher: its name for YARN, the tag its launcher and every job it submits carry (so a kill finds
 * them all), the command run in the container's working directory (with {@link LauncherAM#JAVA_PLACEHOLDER} and
 * {@link LauncherAM#CLASSPATH_PLACEHOLDER} placeholders), the files localized there (link name → local path or
 * cluster URI), local jars every launcher shares (uploaded once; on the class path before the files' jars, each map
 * in its order) and
 * the command's environment and the cluster directory for the launcher's files and result; and secrets (alias →
 * value) that travel only in the container's credentials (its token file, read back with
 * {@code UserGroupInformation.getCurrentUser().getCredentials().getSecretKey(alias)}), never in a staged file or the
 * launch command.
 */
public record LaunchRequest(String name, String tag, String queue, List<String> command, Map<String, String> files,
    Map<String, String> sharedJars, Map<String, String> env, String stagingDir, Map<String, String> secrets) {
  public LaunchRequest(String name, String tag, String queue, List<String> command, Map<String, String> files,
      Map<String, String> sharedJars, Map<String, String> env, String stagingDir) {
    this(name, tag, queue, command, files, sharedJars, env, stagingDir, Map.of());
  }

  public LaunchRequest {
    secrets = Map.copyOf(secrets);
    sharedJars = ordered(sharedJars);
    command = List.copyOf(command);
    files = ordered(files);
    env = Map.copyOf(env);
  }

  /** In the caller's order: the order of the jars on the launcher's class path ({@link YarnLauncher}). */
  private static Map<String, String> ordered(Map<String, String> map) {
    map.forEach((key, value) -> java.util.Objects.requireNonNull(value, key));
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
  }

  /** Without the secrets' values: a request may end up in a log line or an assertion message. */
  @Override
  public String toString() {
    return "LaunchRequest[name=" + name + ", tag=" + tag + ", queue=" + queue + ", command=" + command + ", files="
        + files + ", sharedJars=" + sharedJars + ", env=" + env + ", stagingDir=" + stagingDir + ", secrets="
        + secrets.keySet() + "]";
  }
}
