package dev.hadoopkit.workflow.coord;

/**
 * {@code <controls>} of a coordinator with Oozie's defaults: timeout 120 minutes
 * ({@code oozie.service.coord.normal.default.timeout}; -1 = wait for ever), concurrency 1, execution FIFO, throttle 12
 * (at most that many actions waiting for their inputs).
 */
public record Controls(long timeoutMinutes, int concurrency, Execution execution, int throttle) {
  public static final long DEFAULT_TIMEOUT_MINUTES = 120;
  public static final int DEFAULT_CONCURRENCY = 1;
  public static final int DEFAULT_THROTTLE = 12;
  public static final Controls DEFAULTS =
      new Controls(DEFAULT_TIMEOUT_MINUTES, DEFAULT_CONCURRENCY, Execution.FIFO, DEFAULT_THROTTLE);

  /** True when waiting actions never time out. */
  public boolean waitsForever() {
    return timeoutMinutes < 0;
  }
}
