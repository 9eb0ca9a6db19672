package dev.hadoopkit.workflow.definition;

/**
 * User retries of an action: {@code retry-max}, {@code retry-interval} (minutes, as in Oozie) and {@code retry-policy}
 * (periodic or exponential). The raw attribute strings are kept; they may hold EL and are resolved at run time.
 */
public record RetrySpec(String max, String intervalMinutes, String policy) {
  public static final RetrySpec NONE = new RetrySpec(null, null, null);
}
