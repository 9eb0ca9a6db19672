package dev.hadoopkit.workflow.launcher;

import java.util.List;
import java.util.Map;

/**
 * One action for a launcher: its name for YARN, the tag its launcher and every job it submits carry (so a kill finds
 * them all), the command run in the container's working directory (with {@link LauncherAM#JAVA_PLACEHOLDER} and
 * {@link LauncherAM#CLASSPATH_PLACEHOLDER} placeholders), the files localized there (link name → local path or
 * cluster URI), local jars every launcher shares (uploaded once) and
 * the command's environment and the cluster directory for the launcher's files and result.
 */
public record LaunchRequest(String name, String tag, String queue, List<String> command, Map<String, String> files,
    Map<String, String> sharedJars, Map<String, String> env, String stagingDir) {
  public LaunchRequest {
    sharedJars = Map.copyOf(sharedJars);
    command = List.copyOf(command);
    files = Map.copyOf(files);
    env = Map.copyOf(env);
  }
}
