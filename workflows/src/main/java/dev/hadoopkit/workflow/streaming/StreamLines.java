package dev.hadoopkit.workflow.streaming;

/**
 * Splitting a command's output line into key and value as Hadoop Streaming does: the key is the text before the n-th
 * separator (n = key fields, default 1), the value the text after it; a line with fewer separators is all key, with
 * an empty value. No Hadoop types, so it is unit-tested on its own.
 */
record StreamLines(String separator, int keyFields) {
  public StreamLines {
    if (separator == null || separator.isEmpty()) {
      throw new IllegalArgumentException("Invalid streaming field separator: it must not be empty");
    }
    if (keyFields < 1) {
      throw new IllegalArgumentException("Invalid number of streaming key fields: " + keyFields + " (must be >= 1)");
    }
  }

  /** A key and its value, both never null. */
  public record KeyValue(String key, String value) {
  }

  public KeyValue split(String line) {
    int at = -1;
    for (int field = 0; field < keyFields; field++) {
      at = line.indexOf(separator, at < 0 ? 0 : at + separator.length());
      if (at < 0) {
        return new KeyValue(line, "");
      }
    }
    return new KeyValue(line.substring(0, at), line.substring(at + separator.length()));
  }

  /** What a {@code reporter:} line on stderr asks for; {@code null} when the line is ordinary log output. */
  public sealed interface ReporterLine permits Counter, Status {
  }

  public record Counter(String group, String name, long amount) implements ReporterLine {
  }

  public record Status(String message) implements ReporterLine {
  }

  static final String COUNTER_PREFIX = "reporter:counter:";
  static final String STATUS_PREFIX = "reporter:status:";

  /**
   * Parses Hadoop Streaming's stderr protocol: {@code reporter:counter:<group>,<name>,<amount>} and
   * {@code reporter:status:<message>}. A malformed counter line is an error naming the line.
   */
  public static ReporterLine reporter(String line) {
    if (line.startsWith(COUNTER_PREFIX)) {
      String[] parts = line.substring(COUNTER_PREFIX.length()).split(",", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException("Invalid streaming counter line [" + line
            + "]: expected reporter:counter:<group>,<name>,<amount>");
      }
      try {
        return new Counter(parts[0].trim(), parts[1].trim(), Long.parseLong(parts[2].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Invalid streaming counter line [" + line + "]: amount ["
            + parts[2].trim() + "] is not a whole number");
      }
    }
    if (line.startsWith(STATUS_PREFIX)) {
      return new Status(line.substring(STATUS_PREFIX.length()));
    }
    return null;
  }
}
