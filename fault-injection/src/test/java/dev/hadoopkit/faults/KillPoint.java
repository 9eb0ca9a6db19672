package dev.hadoopkit.faults;

import java.util.Random;

/**
 * When and how a round kills its process: {@code delayMillis} after the trigger (the start of the process, or an
 * observable point such as a temporary directory appearing).
 */
record KillPoint(Signal signal, boolean afterTrigger, long delayMillis) {
  /**
   * @param maxDelayFromStart the longest delay counted from the process start (about the run's duration)
   * @param maxDelayAfterTrigger the longest delay counted from the observable point
   */
  static KillPoint choose(Random random, long maxDelayFromStart, long maxDelayAfterTrigger) {
    Signal signal = random.nextBoolean() ? Signal.SIGKILL : Signal.SIGTERM;
    boolean afterTrigger = random.nextBoolean();
    long delay = afterTrigger ? random.nextLong(maxDelayAfterTrigger + 1) : 200 + random.nextLong(maxDelayFromStart);
    return new KillPoint(signal, afterTrigger, delay);
  }

  @Override
  public String toString() {
    return signal + " " + delayMillis + " ms after " + (afterTrigger ? "the observable point" : "the start");
  }
}
