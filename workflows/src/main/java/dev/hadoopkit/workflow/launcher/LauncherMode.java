package dev.hadoopkit.workflow.launcher;

import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Where an action's driver runs: {@code local} (a child process of the engine) or {@code yarn} (a {@link LauncherAM}
 * container on the cluster). {@code hk.workflow.launcher} in the action's configuration ({@code <configuration>},
 * {@code <global>}) wins over the job property of that name; unset, an action that targets YARN (its job-tracker
 * is a ResourceManager) uses {@code yarn}, one in local mode {@code local}.
 */
public enum LauncherMode {
  LOCAL, YARN;

  public static final String KEY = "hk.workflow.launcher";

  public static LauncherMode of(Configuration actionConf, Map<String, String> workflowConf) {
    String value = actionConf.get(KEY);
    if (value == null || value.isBlank()) {
      value = workflowConf.get(KEY);
    }
    if (value == null || value.isBlank()) {
      return "yarn".equals(actionConf.get("mapreduce.framework.name")) ? YARN : LOCAL;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "local" -> LOCAL;
      case "yarn" -> YARN;
      default -> throw new IllegalArgumentException("Invalid " + KEY + ": " + value + " (use local or yarn)");
    };
  }
}
