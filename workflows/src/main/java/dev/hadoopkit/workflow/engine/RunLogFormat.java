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
    return when + "  " + runId + "  " + text(r);
  }

  private static String text(JournalRecord record) {
    if (record instanceof JournalRecord.Submitted r) {
      return "SUBMITTED " + r.name() + " app=" + r.app() + " user=" + r.user()
          + (r.parent() == null ? "" : " parent=" + r.parent());
    }
    if (record instanceof JournalRecord.Status r) {
      return "WORKFLOW  " + r.status() + (r.message() == null ? "" : "  " + r.message());
    }
    if (record instanceof JournalRecord.Start r) {
      return String.format("%-24s RUNNING   attempt %d", r.node(), r.attempt());
    }
    if (record instanceof JournalRecord.External r) {
      return String.format("%-24s EXTERNAL  %s", r.node(), r.externalId());
    }
    if (record instanceof JournalRecord.Retry r) {
      return String.format("%-24s USER_RETRY after attempt %d: %s %s", r.node(), r.attempt(), r.code(),
          r.message());
    }
    if (record instanceof JournalRecord.End r) {
      return String.format("%-24s %-9s %s%s%s", r.node(), r.status(),
          r.to() == null || r.to().isEmpty() ? "" : "-> " + String.join(", ", r.to()),
          r.skipped() ? "  (skipped: ended OK in an earlier run)" : "",
          r.code() == null ? "" : "  [" + r.code() + "] " + (r.message() == null ? "" : r.message()));
    }
    JournalRecord.Rerun r = (JournalRecord.Rerun) record; // the sealed interface's last record type
    return "RERUN     run " + r.run() + (r.skip().isEmpty() ? "" : " skipping " + r.skip())
        + (r.changed() == null ? "" : "  new configuration: " + r.changed());
  }
}
