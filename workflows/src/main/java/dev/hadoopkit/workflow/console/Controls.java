package dev.hadoopkit.workflow.console;

import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The forms' POSTs, {@code /job/<id>/<control>}: kill, suspend, resume, rerun, ignore, change — each one call of
 * {@link OozieBackend}, as the REST API's {@code PUT /job/<id>?action=…}. Returns the message the page shows
 * after the redirect. Forms of chosen coordinator actions carry {@code scope=actions}: then an empty choice is an
 * error, never "the whole coordinator".
 */
final class Controls {
  static final List<String> NAMES = List.of("kill", "suspend", "resume", "rerun", "ignore", "change");

  private final OozieBackend backend;

  Controls(OozieBackend backend) {
    this.backend = backend;
  }

  String apply(String id, String control, ConsoleRequest request) throws IOException {
    JobType type = JobType.ofId(id);
    boolean chosen = "actions".equals(request.form("scope"));
    switch (control) {
      case "kill" -> {
        if (chosen) {
          ActionSelection selection = selection(request);
          backend.kill(id, selection);
          return "Killed " + describe(selection) + " of " + id;
        }
        backend.kill(id, ActionSelection.ALL);
        return "Killed " + id;
      }
      case "suspend" -> {
        backend.suspend(id, ActionSelection.ALL);
        return "Suspended " + id;
      }
      case "resume" -> {
        backend.resume(id, ActionSelection.ALL);
        return "Resumed " + id;
      }
      case "rerun" -> {
        return rerun(id, type, request);
      }
      case "ignore" -> {
        requireCoordinator(type, control);
        ActionSelection selection = selection(request);
        List<Views.CoordAction> ignored = backend.ignore(id, selection);
        return "Ignored " + numbers(ignored) + " of " + id;
      }
      case "change" -> {
        requireCoordinator(type, control);
        return change(id, request);
      }
      default -> throw new ConsoleException(404, "Invalid control " + control + ", one of " + NAMES + " is expected");
    }
  }

  private String rerun(String id, JobType type, ConsoleRequest request) throws IOException {
    switch (type) {
      case WF -> {
        Map<String, String> conf = new LinkedHashMap<>();
        if ("skip".equals(request.form("mode"))) {
          String skip = request.form("skip");
          if (skip == null || skip.isBlank()) {
            throw new ConsoleException(400, "Cannot rerun skipping nodes without their names: give node,node");
          }
          conf.put("oozie.wf.rerun.skip.nodes", skip.trim());
        } else {
          conf.put("oozie.wf.rerun.failnodes", "true");
        }
        backend.rerunWorkflow(id, conf);
        return "Rerun of " + id + " started";
      }
      case COORDINATOR -> {
        ActionSelection selection = selection(request);
        List<Views.CoordAction> rerun = backend.coordRerun(id, selection, checked(request, "refresh"),
            checked(request, "nocleanup"), checked(request, "failed"));
        return "Rerunning " + numbers(rerun) + " of " + id;
      }
      default -> throw new ConsoleException(400, "Invalid control rerun for a bundle here: rerun its "
          + "coordinators' actions from their pages, or use bin/oozie job -rerun " + id);
    }
  }

  /** Sends only the values that differ from the job's (the form shows the current ones). */
  private String change(String id, ConsoleRequest request) throws IOException {
    Views.CoordJob job = (Views.CoordJob) backend.info(id, 1, 0, Map.of());
    Map<String, String> values = new LinkedHashMap<>();
    String end = trimmed(request.form("endtime"));
    if (end != null && !end.equals(ConsoleText.oozieTime(job.endTime()))) {
      values.put("endtime", end);
    }
    String concurrency = trimmed(request.form("concurrency"));
    String current = job.concurrency() == Integer.MAX_VALUE ? "-1" : Integer.toString(job.concurrency());
    if (concurrency != null && !concurrency.equals(current)) {
      values.put("concurrency", concurrency);
    }
    String pause = trimmed(request.form("pausetime"));
    if (pause != null && !pause.equals(ConsoleText.oozieTime(job.pauseTime()))) {
      values.put("pausetime", pause);
    }
    if (values.isEmpty()) {
      return "Nothing to change: the values are the coordinator's already";
    }
    backend.change(id, values);
    return "Changed " + values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ")) + " of " + id;
  }

  /**
   * The chosen actions: ticked boxes and a typed range ({@code 1,3-5}) together, else a nominal-time range
   * ({@code from} to {@code to}, Oozie's {@code -date from::to}).
   */
  static ActionSelection selection(ConsoleRequest request) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String n : request.formAll("n")) {
      if (!n.matches("\\d{1,9}")) {
        throw new ConsoleException(400, "Invalid action number: " + n);
      }
      parts.add(n);
    }
    String typed = trimmed(request.form("actions"));
    if (typed != null) {
      parts.add(typed);
    }
    if (!parts.isEmpty()) {
      return new ActionSelection("action", String.join(",", parts));
    }
    String from = trimmed(request.form("from"));
    String to = trimmed(request.form("to"));
    if (from != null) {
      return new ActionSelection("date", from + "::" + (to == null ? from : to));
    }
    throw new ConsoleException(400, "Choose actions first: tick them, type a range such as 1,3-5, or give nominal"
        + " times from/to such as 2026-01-01T00:00Z");
  }

  private static void requireCoordinator(JobType type, String control) {
    if (type != JobType.COORDINATOR) {
      throw new ConsoleException(400, "Invalid control " + control + ", it is for coordinators");
    }
  }

  private static boolean checked(ConsoleRequest request, String name) throws IOException {
    return "true".equals(request.form(name));
  }

  private static String describe(ActionSelection selection) {
    return ("date".equals(selection.type()) ? "the actions of " : "actions ") + selection.scope();
  }

  private static String numbers(List<Views.CoordAction> actions) {
    if (actions.isEmpty()) {
      return "no action";
    }
    return (actions.size() == 1 ? "action " : "actions ") + actions.stream()
        .map(a -> Integer.toString(a.actionNumber())).collect(Collectors.joining(", "));
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
