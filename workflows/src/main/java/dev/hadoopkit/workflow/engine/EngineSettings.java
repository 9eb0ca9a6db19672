package dev.hadoopkit.workflow.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * How an engine runs: the state directory, how many actions of a run may execute at once, the capture-output limit,
 * journal syncing and the clock used for retries (tests inject a fast one).
 */
public record EngineSettings(Path stateDir, int poolSize, int captureOutputLimit, boolean journalSync, Clock clock) {

  public EngineSettings {
    if (poolSize < 1) {
      throw new IllegalArgumentException("Invalid " + ConfigKeys.POOL_SIZE + ", must be >= 1: " + poolSize);
    }
    if (captureOutputLimit < 0) {
      throw new IllegalArgumentException("Invalid " + ConfigKeys.CAPTURE_LIMIT + ", must be >= 0: "
          + captureOutputLimit);
    }
  }

  /** Settings from properties (-D, system properties) and the environment, with the defaults of {@link ConfigKeys}. */
  public static EngineSettings from(Map<String, String> properties, Map<String, String> env) {
    String dir = properties.get(ConfigKeys.STATE_DIR);
    if (dir == null || dir.isEmpty()) {
      dir = env.get(ConfigKeys.STATE_DIR_ENV);
    }
    if (dir == null || dir.isEmpty()) {
      dir = Path.of(System.getProperty("user.home"), ".hadoopkit", "workflows").toString();
    }
    return new EngineSettings(Path.of(dir), intValue(properties, ConfigKeys.POOL_SIZE, ConfigKeys.DEFAULT_POOL_SIZE),
        intValue(properties, ConfigKeys.CAPTURE_LIMIT, ConfigKeys.DEFAULT_CAPTURE_LIMIT),
        !"false".equalsIgnoreCase(properties.getOrDefault(ConfigKeys.JOURNAL_SYNC, "true")), Clock.systemUTC());
  }

  private static int intValue(Map<String, String> properties, String key, int defaultValue) {
    String value = properties.get(key);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + key + ", not a number: " + value);
    }
  }

  public EngineSettings withPoolSize(int size) {
    return new EngineSettings(stateDir, size, captureOutputLimit, journalSync, clock);
  }

  public EngineSettings withClock(Clock newClock) {
    return new EngineSettings(stateDir, poolSize, captureOutputLimit, journalSync, newClock);
  }
}
