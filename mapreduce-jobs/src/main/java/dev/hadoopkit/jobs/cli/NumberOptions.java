package dev.hadoopkit.jobs.cli;

import dev.hadoopkit.formats.tool.UsageException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;

/**
 * Numeric options through commons-cli's typed values: declared with {@link #integer}, {@link #wholeNumber} or
 * {@link #decimal} ({@link Option.Builder#type}), read with {@link #value} ({@link CommandLine#getParsedOptionValue}),
 * so a value that is not a number is a usage error (exit 2) naming the option, in every job and command alike.
 */
public final class NumberOptions {

  private NumberOptions() {
  }

  /** An option taking an {@code int}. */
  public static Option.Builder integer(String longOption) {
    return Option.builder().longOpt(longOption).hasArg().argName("n").type(Integer.class);
  }

  /** An option taking a {@code long}. */
  public static Option.Builder wholeNumber(String longOption) {
    return Option.builder().longOpt(longOption).hasArg().argName("n").type(Long.class);
  }

  /** An option taking a {@code double}. */
  public static Option.Builder decimal(String longOption) {
    return Option.builder().longOpt(longOption).hasArg().type(Double.class);
  }

  /** The option's value, or {@code defaultValue} when it is absent. */
  public static <T extends Number> T value(CommandLine command, String option, T defaultValue) throws UsageException {
    try {
      return command.getParsedOptionValue(option, defaultValue);
    } catch (ParseException | RuntimeException e) {
      boolean whole = defaultValue instanceof Integer || defaultValue instanceof Long;
      throw new UsageException("Invalid --" + option + " '" + command.getOptionValue(option) + "': "
          + (whole ? "not a whole number" : "not a number"));
    }
  }

  /** The option's value, or {@code defaultValue} when absent; a value below {@code minimum} is a usage error. */
  public static <T extends Number & Comparable<T>> T atLeast(CommandLine command, String option, T defaultValue, T minimum)
      throws UsageException {
    T parsed = value(command, option, defaultValue);
    if (parsed.compareTo(minimum) < 0) {
      throw new UsageException("Invalid --" + option + " " + parsed + ": must be at least " + minimum);
    }
    return parsed;
  }
}
