package dev.hadoopkit.jobs.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers appear in job output. */
public final class OutputNumbers {

  private OutputNumbers() {
  }

  /**
   * The average {@code sum / count} with four decimals, rounded half up on the exact quotient: 483 / 160 is
   * 3.01875 and prints 3.0188, although the nearest double to it is a little below. {@code sum} is a sum of
   * (half-)star ratings, so it is exact as a double.
   */
  public static String average(double sum, long count) {
    return new BigDecimal(sum).divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * An average known only as a double (read back from a Parquet/ORC/Avro result): its shortest decimal form rounded
   * half up, which gives what {@link #average(double, long)} printed for the exact quotient.
   */
  public static String average(double value) {
    return new BigDecimal(Double.toString(value)).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  /** Whole-star ratings as integers ({@code 4}), half stars as decimals ({@code 4.5}). */
  public static String rating(double value) {
    if (value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
