package dev.hadoopkit.workflow.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console shows values: times and durations in UTC (Oozie's default) to the second, status CSS classes. */
final class ConsoleText {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  /** Oozie's own form, what {@code -date} and {@code -change endtime=} take. */
  private static final DateTimeFormatter OOZIE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private ConsoleText() {
  }

  static String time(Instant time) {
    return time == null ? "" : SHOWN.format(time);
  }

  static String oozieTime(Instant time) {
    return time == null ? "" : OOZIE.format(time);
  }

  /** From start to end, or to now while it runs; empty before it starts. */
  static String duration(Instant start, Instant end, Instant now) {
    if (start == null) {
      return "";
    }
    Instant to = end != null ? end : now;
    return to.isBefore(start) ? "" : duration(Duration.between(start, to));
  }

  static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = d.toSeconds();
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
  }

  /** The CSS class of a status badge or grid cell: {@code st-succeeded}. */
  static String statusClass(String status) {
    return "st-" + (status == null ? "unknown" : status.toLowerCase(Locale.ROOT).replaceAll("[^a-z_]", ""));
  }
}
