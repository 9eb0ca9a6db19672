package dev.hadoopkit.jobs.common;

import java.util.Locale;

/** How numbers appear in job output. */
public final class Formats {

  private Formats() {
  }

  /** Averages with four decimals, whatever the locale: {@code 3.8783}. */
  public static String average(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** Whole-star ratings as integers ({@code 4}), half stars as decimals ({@code 4.5}). */
  public static String rating(double value) {
    if (value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
