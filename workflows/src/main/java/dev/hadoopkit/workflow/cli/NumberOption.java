package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;

/**
 * A whole-number option value, checked as the CLIs read it: anything else (a word, a fraction, a number out of
 * range) is a usage error naming the option, {@code Invalid -len 'x': -len needs a number from 0}, so it exits 2.
 */
final class NumberOption {
  private NumberOption() {
  }

  /** {@code value} as a number from {@code min} to {@code max}; {@code option} is the option as typed (-len). */
  static int parse(String option, String value, int min, int max) throws UsageException {
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(option, value, min, max);
    }
    if (n < min || n > max) {
      throw invalid(option, value, min, max);
    }
    return n;
  }

  /** The option's value as a number from {@code min}, or {@code defaultValue} when the option is absent. */
  static int parse(String option, String value, int defaultValue, int min, int max) throws UsageException {
    return value == null ? defaultValue : parse(option, value, min, max);
  }

  private static UsageException invalid(String option, String value, int min, int max) {
    String range = min == Integer.MIN_VALUE && max == Integer.MAX_VALUE ? ""
        : max == Integer.MAX_VALUE ? " from " + min : " from " + min + " to " + max;
    return new UsageException("Invalid " + option + " '" + value + "': " + option + " needs a number" + range);
  }
}
