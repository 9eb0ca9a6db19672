package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.coord.CoordIdentity;
import dev.hadoopkit.workflow.coord.CoordinatorDefinition;
import dev.hadoopkit.workflow.coord.CoordinatorMaterializer;
import dev.hadoopkit.workflow.coord.CoordinatorSubmission;
import dev.hadoopkit.workflow.coord.DataAvailability;
import dev.hadoopkit.workflow.coord.InputCheck;
import dev.hadoopkit.workflow.coord.MaterializedAction;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code oozie job -dryrun} of a coordinator: every action it would materialize, one line each —
 * {@code <n>  <nominal time>  <first state>  <data-in URIs>} — after a summary line with the count and the first
 * and last nominal times, so a long catch-up is visible before its lines. Nothing is stored or run; inputs are only
 * looked at.
 */
public final class CoordinatorDryRun {
  private CoordinatorDryRun() {
  }

  public static List<String> lines(CoordinatorSubmission submission, DataAvailability availability, Instant now,
      int maxLines) {
    CoordinatorDefinition definition = submission.definition();
    Map<String, String> conf = submission.conf();
    CoordinatorMaterializer materializer = new CoordinatorMaterializer(definition, conf,
        new CoordIdentity("dryrun-C", definition.name(), conf.getOrDefault("user.name",
            System.getProperty("user.name"))));
    var times = definition.nominalTimes();
    long total = times.totalActions();
    List<String> out = new ArrayList<>();
    if (total == 0) {
      out.add("0 actions: no nominal time between start " + CoordTimes.format(definition.start()) + " and end "
          + CoordTimes.format(definition.end()));
      return out;
    }
    int due = times.countUpTo(now);
    Instant first = times.time(1).orElseThrow();
    Instant last = total <= Integer.MAX_VALUE ? times.time((int) total).orElse(null) : null;
    out.add(total + " actions from " + CoordTimes.format(first) + " to " + (last == null ? "?" : CoordTimes.format(last))
        + " (" + definition.timezone().getId() + ", frequency " + definition.frequency().canonical() + "); "
        + Math.min(due, total) + " already due now (" + CoordTimes.format(now) + ")"
        + (due > 0 ? ", caught up " + definition.controls().throttle() + " waiting at a time" : ""));
    int shown = (int) Math.min(total, maxLines);
    for (int n = 1; n <= shown; n++) {
      MaterializedAction action = materializer.action(n).orElse(null);
      if (action == null) {
        break;
      }
      String firstState;
      String uris;
      try {
        InputCheck check = materializer.checkInputs(action, availability, now);
        firstState = check.ready() ? "READY" : "WAITING";
        uris = describe(check.resolvedInputs().isEmpty() ? action.inputs() : check.resolvedInputs(),
            action.pendingLatestFuture());
      } catch (IOException | RuntimeException e) {
        firstState = "WAITING";
        uris = describe(action.inputs(), action.pendingLatestFuture()) + " (cannot check: " + e.getMessage() + ")";
      }
      out.add(String.format("%d  %s  %s  %s", n, CoordTimes.format(action.nominalTime()), firstState, uris));
    }
    if (shown < total) {
      out.add("… " + (total - shown) + " more actions not shown (the first " + shown + " are)");
    }
    return out;
  }

  private static String describe(Map<String, List<String>> inputs, List<String> pending) {
    if (inputs.isEmpty() && (pending == null || pending.isEmpty())) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    inputs.forEach((name, uris) -> parts.add(name + "=" + String.join(",", uris)));
    if (pending != null) {
      parts.addAll(pending);
    }
    return String.join(" ", parts);
  }
}
