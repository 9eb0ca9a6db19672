package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.definition.RetrySpec;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.el.ElException;
import dev.hadoopkit.workflow.el.ElScope;

/** How often and after how long an action attempt that ended in ERROR is tried again (Oozie's user retry). */
final class RetryPolicy {
  private final ElEvaluator el;

  RetryPolicy(ElEvaluator el) {
    this.el = el;
  }

  /** Oozie's retry-max, EL allowed; 0 (no retry) when absent or not a number. */
  int max(RetrySpec retry, ElScope scope) {
    if (retry.max() == null) {
      return 0;
    }
    try {
      return Integer.parseInt(el.evaluateString(retry.max(), scope).trim());
    } catch (ElException | NumberFormatException e) {
      return 0;
    }
  }

  /** Oozie's retry-interval is in minutes (default 10); exponential doubles it per attempt. */
  long delayMillis(RetrySpec retry, int attempt, ElScope scope) {
    double minutes = 10;
    if (retry.intervalMinutes() != null) {
      try {
        minutes = Double.parseDouble(el.evaluateString(retry.intervalMinutes(), scope).trim());
      } catch (ElException | NumberFormatException e) {
        minutes = 10;
      }
    }
    long millis = (long) (minutes * 60_000);
    if ("exponential".equalsIgnoreCase(retry.policy())) {
      millis = millis << Math.min(20, attempt - 1);
    }
    return millis;
  }
}
