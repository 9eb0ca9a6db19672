package dev.hadoopkit.workflow.console;

import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /job/<coordinator id>?status=…&offset=…&len=…}: the coordinator's facts and controls, a timeline grid of its
 * actions by nominal time (one square each, coloured by state, SLA misses marked, a link to the action's workflow
 * run) and a table of the same actions with why each waiting one waits. Only a page of actions is built — by
 * default the latest {@value #DEFAULT_LEN} — so a coordinator with 10,000 actions answers as fast as one with ten.
 */
final class CoordinatorPage {
  static final int DEFAULT_LEN = 200;
  static final int MAX_LEN = 1000;
  private static final List<String> ACTION_STATUSES = List.of("WAITING", "READY", "SUBMITTED", "RUNNING",
      "SUSPENDED", "TIMEDOUT", "SKIPPED", "SUCCEEDED", "KILLED", "FAILED", "IGNORED");
  private static final int MISSING_SHOWN = 3;

  private final OozieBackend backend;

  CoordinatorPage(OozieBackend backend) {
    this.backend = backend;
  }

  String render(String id, ConsoleRequest request, Layout.Frame frame) {
    String status = request.query("status");
    status = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
    Map<String, List<String>> filter = status == null ? Map.of() : Map.of("status", List.of(status));
    int len = Math.min(MAX_LEN, Math.max(1, request.queryInt("len", DEFAULT_LEN)));
    // one cheap call for the count (no action is built), then the page: the latest actions unless asked otherwise
    int total = ((Views.CoordJob) backend.info(id, 1, 0, filter)).totalActions();
    int offset = request.query("offset") == null ? Math.max(1, total - len + 1)
        : Math.max(1, request.queryInt("offset", 1));
    Views.CoordJob job = (Views.CoordJob) backend.info(id, offset, len, filter);
    List<Views.CoordAction> actions = job.actions() == null ? List.of() : job.actions();

    Html h = new Html();
    h.open("h1").text("Coordinator ").element("span", job.name(), "class", "name").text(" ");
    Layout.badge(h, job.id(), job.status());
    h.close("h1").line();
    h.open("section", "id", "summary", "data-live", "");
    Layout.facts(h, "Id", job.id(), "App path", job.appPath(), "User", job.user(),
        "Frequency", JobsPage.frequency(job), "Time zone", job.timeZone(), "Start", ConsoleText.time(job.startTime()),
        "End", ConsoleText.time(job.endTime()), "Pause", ConsoleText.time(job.pauseTime()),
        "Next materialized", ConsoleText.time(job.nextMaterializedTime()),
        "Concurrency", job.concurrency() == Integer.MAX_VALUE ? "unlimited" : Integer.toString(job.concurrency()),
        "Throttle", Integer.toString(job.throttle()), "Execution", job.executionPolicy(),
        "Timeout", job.timeout() <= 0 ? "none" : job.timeout() + " min",
        "Actions", Integer.toString(job.lastActionNumber()));
    if (job.bundleId() != null) {
      h.open("p").text("Part of bundle ").element("a", job.bundleId(), "href", Html.jobLink(job.bundleId()),
          "class", "mono").close("p");
    }
    h.close("section").line();
    jobControls(h, job);

    h.element("h2", "Actions");
    statusFilter(h, job.id(), status, len);
    h.open("section", "id", "grid-section", "data-live", "");
    int last = offset + actions.size() - 1;
    h.element("p", total == 0 ? "No actions" + (status == null ? " yet." : " are " + status + ".")
        : "Actions " + (actions.isEmpty() ? 0 : actions.get(0).actionNumber()) + "–"
        + (actions.isEmpty() ? 0 : actions.get(actions.size() - 1).actionNumber()) + " (" + offset + "–" + last
        + " of " + total + (status == null ? "" : " " + status) + ")", "class", "count");
    grid(h, actions);
    pager(h, job.id(), status, offset, len, total);
    h.close("section").line();

    actionsForm(h, job.id(), actions);
    return Layout.page(frame, job.name() + " " + job.id(), "coordinator",
        new Layout.Live(List.of(job.id()), List.of(), 0), h);
  }

  private static void jobControls(Html h, Views.CoordJob job) {
    h.open("section", "class", "controls");
    String base = Html.jobLink(job.id());
    button(h, base + "/suspend", "Suspend", "suspend", "");
    button(h, base + "/resume", "Resume", "resume", "");
    button(h, base + "/kill", "Kill coordinator", "kill", "danger");
    h.open("form", "method", "post", "action", base + "/change", "class", "inline change");
    h.open("label").text("End ");
    h.empty("input", "type", "text", "name", "endtime", "value", ConsoleText.oozieTime(job.endTime()),
        "placeholder", "2026-01-31T00:00Z", "size", "18");
    h.close("label");
    h.open("label").text(" Concurrency ");
    h.empty("input", "type", "number", "name", "concurrency", "min", "-1",
        "value", job.concurrency() == Integer.MAX_VALUE ? "-1" : Integer.toString(job.concurrency()));
    h.close("label");
    h.open("label").text(" Pause at ");
    h.empty("input", "type", "text", "name", "pausetime", "value", ConsoleText.oozieTime(job.pauseTime()),
        "placeholder", "none", "size", "18");
    h.close("label");
    h.element("button", "Change", "type", "submit", "id", "change");
    h.close("form");
    h.close("section").line();
  }

  private static void button(Html h, String action, String label, String id, String cssClass) {
    h.open("form", "method", "post", "action", action, "class", "inline");
    h.element("button", label, "type", "submit", "id", id, "class", cssClass.isEmpty() ? null : cssClass);
    h.close("form");
  }

  private static void statusFilter(Html h, String id, String status, int len) {
    h.open("form", "method", "get", "action", Html.jobLink(id), "class", "filters");
    h.open("label").text("Status ");
    h.open("select", "name", "status");
    h.element("option", "any", "value", "");
    for (String s : ACTION_STATUSES) {
      h.element("option", s, "value", s, "selected", s.equals(status) ? "" : null);
    }
    h.close("select").close("label");
    h.empty("input", "type", "hidden", "name", "len", "value", Integer.toString(len));
    h.element("button", "Show", "type", "submit");
    h.close("form").line();
  }

  /** Squares in nominal-time order, a day label where the day changes. */
  private static void grid(Html h, List<Views.CoordAction> actions) {
    h.open("div", "class", "grid", "id", "grid");
    Instant day = null;
    for (Views.CoordAction a : actions) {
      Instant nominal = a.nominalTime();
      Instant thisDay = nominal == null ? null : nominal.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
          .toInstant();
      if (thisDay != null && !thisDay.equals(day)) {
        h.element("span", ConsoleText.time(thisDay).substring(0, 10), "class", "day");
        day = thisDay;
      }
      boolean slaMiss = a.sla() != null && (a.sla().startMiss() || a.sla().endMiss() || a.sla().durationMiss());
      String title = "#" + a.actionNumber() + " " + ConsoleText.oozieTime(nominal) + " " + a.status()
          + (slaMiss ? " — SLA missed" : "") + (a.waitReason() == null ? "" : " — " + a.waitReason());
      String href = a.externalId() != null ? Html.jobLink(a.externalId()) : "#action-" + a.actionNumber();
      h.element("a", a.actionNumber(), "class", "cell " + ConsoleText.statusClass(a.status())
          + (slaMiss ? " sla-miss" : ""), "href", href, "title", title, "data-status-of", a.id(),
          "data-status", a.status(), "data-action", Integer.toString(a.actionNumber()));
    }
    h.close("div").line();
    h.open("p", "class", "legend");
    for (String s : List.of("WAITING", "READY", "RUNNING", "SUCCEEDED", "FAILED", "KILLED", "TIMEDOUT", "IGNORED")) {
      h.element("span", s, "class", "badge " + ConsoleText.statusClass(s));
    }
    h.element("span", "SLA missed", "class", "badge sla-miss");
    h.close("p").line();
  }

  private static void pager(Html h, String id, String status, int offset, int len, int total) {
    if (offset <= 1 && offset + len > total) {
      return;
    }
    h.open("nav", "class", "pager");
    String base = Html.jobLink(id) + "?len=" + len + (status == null ? "" : "&status=" + Html.url(status));
    if (offset > 1) {
      h.element("a", "← earlier", "href", base + "&offset=" + Math.max(1, offset - len), "rel", "prev");
    }
    if (offset + len <= total) {
      h.element("a", "later →", "href", base + "&offset=" + (offset + len), "rel", "next");
      h.element("a", "latest", "href", base);
    }
    h.close("nav").line();
  }

  /** The table of actions (newest first) inside the form that kills, reruns or ignores the chosen ones. */
  private static void actionsForm(Html h, String id, List<Views.CoordAction> actions) {
    String base = Html.jobLink(id);
    h.open("form", "method", "post", "action", base + "/rerun", "id", "actions-form", "class", "actions");
    h.empty("input", "type", "hidden", "name", "scope", "value", "actions");
    h.open("fieldset").element("legend", "Chosen actions: the ticked ones, or a range, or a date range");
    h.open("label").text("Actions ");
    h.empty("input", "type", "text", "name", "actions", "placeholder", "1,3-5", "size", "12");
    h.close("label");
    h.open("label").text(" Nominal from ");
    h.empty("input", "type", "text", "name", "from", "placeholder", "2026-01-01T00:00Z", "size", "18");
    h.close("label");
    h.open("label").text(" to ");
    h.empty("input", "type", "text", "name", "to", "placeholder", "2026-01-02T00:00Z", "size", "18");
    h.close("label");
    h.open("div", "class", "buttons");
    h.element("button", "Kill", "type", "submit", "formaction", base + "/kill", "class", "danger",
        "id", "kill-actions");
    h.element("button", "Rerun", "type", "submit", "formaction", base + "/rerun", "id", "rerun-actions");
    h.open("label").empty("input", "type", "checkbox", "name", "failed", "value", "true")
        .text(" failed nodes only").close("label");
    h.open("label").empty("input", "type", "checkbox", "name", "refresh", "value", "true")
        .text(" refresh inputs").close("label");
    h.open("label").empty("input", "type", "checkbox", "name", "nocleanup", "value", "true")
        .text(" no cleanup").close("label");
    h.element("button", "Ignore", "type", "submit", "formaction", base + "/ignore", "id", "ignore-actions");
    h.close("div");
    h.close("fieldset").line();

    h.open("section", "id", "actions", "data-live", "");
    if (!actions.isEmpty()) {
      h.open("table", "class", "actions");
      h.open("thead").open("tr");
      for (String column : List.of("", "#", "Nominal time", "Status", "Workflow", "Created", "Last modified",
          "Waiting for", "SLA", "Error")) {
        h.element("th", column);
      }
      h.close("tr").close("thead").open("tbody").line();
      List<Views.CoordAction> newestFirst = new ArrayList<>(actions);
      Collections.reverse(newestFirst);
      for (Views.CoordAction a : newestFirst) {
        row(h, a);
      }
      h.close("tbody").close("table").line();
    }
    h.close("section");
    h.close("form").line();
  }

  private static void row(Html h, Views.CoordAction a) {
    String number = Integer.toString(a.actionNumber());
    h.open("tr", "id", "action-" + number, "data-action", number);
    h.open("td").empty("input", "type", "checkbox", "name", "n", "value", number, "aria-label",
        "choose action " + number).close("td");
    h.element("td", number);
    h.element("td", ConsoleText.time(a.nominalTime()));
    h.open("td");
    Layout.badge(h, a.id(), a.status());
    h.close("td");
    h.open("td", "class", "mono");
    if (a.externalId() != null) {
      h.element("a", a.externalId(), "href", Html.jobLink(a.externalId()));
    }
    h.close("td");
    h.element("td", ConsoleText.time(a.createdTime())).element("td", ConsoleText.time(a.lastModifiedTime()));
    h.open("td", "class", "wait");
    if (a.waitReason() != null) {
      h.element("div", a.waitReason());
    }
    List<String> missing = a.missingDependencies() == null ? List.of() : a.missingDependencies();
    if (!missing.isEmpty() && ("WAITING".equals(a.status()) || "READY".equals(a.status())
        || "TIMEDOUT".equals(a.status()))) {
      h.open("ul", "class", "missing");
      for (String uri : missing.subList(0, Math.min(MISSING_SHOWN, missing.size()))) {
        h.element("li", uri, "class", "mono");
      }
      if (missing.size() > MISSING_SHOWN) {
        h.element("li", "… " + (missing.size() - MISSING_SHOWN) + " more");
      }
      h.close("ul");
    }
    h.close("td");
    h.open("td", "class", "sla");
    sla(h, a.sla());
    h.close("td");
    h.element("td", a.errorCode() == null ? a.errorMessage()
        : a.errorCode() + (a.errorMessage() == null ? "" : ": " + a.errorMessage()), "class", "message");
    h.close("tr").line();
  }

  private static void sla(Html h, Views.Sla sla) {
    if (sla == null) {
      return;
    }
    if (sla.startMiss()) {
      h.element("div", "start missed (by " + ConsoleText.time(sla.expectedStart()) + ")", "class", "sla-miss");
    }
    if (sla.endMiss()) {
      h.element("div", "end missed (by " + ConsoleText.time(sla.expectedEnd()) + ")", "class", "sla-miss");
    }
    if (sla.durationMiss()) {
      h.element("div", "ran too long", "class", "sla-miss");
    }
    if (!sla.startMiss() && !sla.endMiss() && !sla.durationMiss()) {
      h.element("div", "met so far", "class", "muted");
    }
  }
}
