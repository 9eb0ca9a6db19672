package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.state.JournalRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One human line per journal record: what {@code run} streams and {@code log <id>} prints. */
public final class RunLogFormat {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);

  private RunLogFormat() {
  }

  public static String line(String runId, JournalRecord r) {
    String when = TIME.format(Instant.ofEpochMilli(r.time()));
    String text = switch (r.type()) {
      case "submitted" -> "SUBMITTED " + r.name() + " app=" + r.app() + " user=" + r.user()
          + (r.parent() == null ? "" : " parent=" + r.parent());
      case "status" -> "WORKFLOW  " + r.status() + (r.message() == null ? "" : "  " + r.message());
      case "start" -> String.format("%-24s RUNNING   attempt %d", r.node(), r.attempt());
      case "external" -> String.format("%-24s EXTERNAL  %s", r.node(), r.externalId());
      case "retry" -> String.format("%-24s USER_RETRY after attempt %d: %s %s", r.node(), r.attempt(), r.code(),
          r.message());
      case "end" -> String.format("%-24s %-9s %s%s%s", r.node(), r.status(),
          r.to() == null || r.to().isEmpty() ? "" : "-> " + String.join(", ", r.to()),
          Boolean.TRUE.equals(r.skipped()) ? "  (skipped: ended OK in an earlier run)" : "",
          r.code() == null ? "" : "  [" + r.code() + "] " + (r.message() == null ? "" : r.message()));
      case "rerun" -> "RERUN     run " + r.run() + (r.skip().isEmpty() ? "" : " skipping " + r.skip())
          + (r.message() == null ? "" : "  new configuration: " + r.message());
      default -> r.type();
    };
    return when + "  " + runId + "  " + text;
  }
}
