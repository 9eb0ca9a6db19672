package dev.hadoopkit.workflow.console;

import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /?type=wf|coordinator|bundle&status=…&name=…&offset=…&len=…}: one kind of jobs, newest first, a page at a
 * time (the backend pages; {@code total} counts every match). Badges follow the event stream; a job-level event of
 * a job that is not on the page (a new submission) refreshes the table.
 */
final class JobsPage {
  static final int DEFAULT_LEN = 50;
  static final int MAX_LEN = 500;
  private static final List<String> WORKFLOW_STATUSES =
      List.of("PREP", "RUNNING", "SUSPENDED", "SUCCEEDED", "KILLED", "FAILED");
  private static final List<String> JOB_STATUSES = List.of("PREP", "RUNNING", "RUNNINGWITHERROR", "SUSPENDED",
      "PAUSED", "SUCCEEDED", "DONEWITHERROR", "KILLED", "FAILED");

  private final OozieBackend backend;
  private final Clock clock;

  JobsPage(OozieBackend backend, Clock clock) {
    this.backend = backend;
    this.clock = clock;
  }

  String render(ConsoleRequest request, Layout.Frame frame) {
    String typeParam = request.query("type");
    JobType type;
    try {
      type = JobType.parse(typeParam);
    } catch (RuntimeException e) {
      throw new ConsoleException(400, "Invalid type, wf, coordinator or bundle is expected: " + typeParam);
    }
    String typeName = switch (type) {
      case WF -> "wf";
      case COORDINATOR -> "coordinator";
      case BUNDLE -> "bundle";
    };
    String status = trimmed(request.query("status"));
    String name = trimmed(request.query("name"));
    int offset = Math.max(1, request.queryInt("offset", 1));
    int len = Math.min(MAX_LEN, Math.max(1, request.queryInt("len", DEFAULT_LEN)));
    Map<String, List<String>> filter = new LinkedHashMap<>();
    if (status != null) {
      filter.put("status", List.of(status.toUpperCase(Locale.ROOT)));
    }
    if (name != null) {
      filter.put("name", List.of(name));
    }
    Views.Page<Views.JobView> page = backend.jobs(type, filter, offset, len);

    Html h = new Html();
    String title = switch (type) {
      case WF -> "Workflow jobs";
      case COORDINATOR -> "Coordinator jobs";
      case BUNDLE -> "Bundle jobs";
    };
    h.element("h1", title).line();
    filterForm(h, typeName, type == JobType.WF ? WORKFLOW_STATUSES : JOB_STATUSES, status, name, len);
    h.open("section", "id", "jobs", "data-live", "");
    int last = Math.min(page.total(), offset + page.items().size() - 1);
    h.element("p", page.total() == 0 ? "No jobs match." : "Jobs " + offset + "–" + last + " of " + page.total(),
        "class", "count");
    if (!page.items().isEmpty()) {
      table(h, type, page.items());
    }
    pager(h, typeName, status, name, offset, len, page.total());
    h.close("section").line();
    String kind = switch (type) {
      case WF -> "workflow";
      case COORDINATOR -> "coordinator";
      case BUNDLE -> "bundle";
    };
    return Layout.page(frame, title, typeName, new Layout.Live(List.of(), List.of(kind), 0), h);
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void filterForm(Html h, String type, List<String> statuses, String status, String name, int len) {
    h.open("form", "method", "get", "action", "/", "class", "filters");
    h.empty("input", "type", "hidden", "name", "type", "value", type);
    h.open("label").text("Status ");
    h.open("select", "name", "status");
    h.element("option", "any", "value", "");
    for (String s : statuses) {
      h.element("option", s, "value", s, "selected", s.equalsIgnoreCase(status == null ? "" : status) ? "" : null);
    }
    h.close("select").close("label");
    h.open("label").text("App name ");
    h.empty("input", "type", "text", "name", "name", "value", name, "placeholder", "exact name");
    h.close("label");
    h.empty("input", "type", "hidden", "name", "len", "value", Integer.toString(len));
    h.element("button", "Filter", "type", "submit");
    h.close("form").line();
  }

  private void table(Html h, JobType type, List<Views.JobView> jobs) {
    Instant now = clock.instant();
    h.open("table", "class", "jobs");
    h.open("thead").open("tr");
    for (String column : switch (type) {
      case WF -> List.of("Job", "App name", "Status", "User", "Run", "Created", "Start", "End", "Duration");
      case COORDINATOR -> List.of("Job", "App name", "Status", "User", "Frequency", "Start", "End",
          "Next materialized", "Actions");
      case BUNDLE -> List.of("Job", "App name", "Status", "User", "Kick-off", "Start", "Coordinators");
    }) {
      h.element("th", column);
    }
    h.close("tr").close("thead").open("tbody").line();
    for (Views.JobView job : jobs) {
      h.open("tr", "data-job", job.id());
      h.open("td").element("a", job.id(), "href", Html.jobLink(job.id()), "class", "mono").close("td");
      if (job instanceof Views.WorkflowJob w) {
        h.element("td", w.appName());
        h.open("td");
        Layout.badge(h, w.id(), w.status());
        h.close("td");
        h.element("td", w.user()).element("td", w.run());
        h.element("td", ConsoleText.time(w.createdTime())).element("td", ConsoleText.time(w.startTime()));
        h.element("td", ConsoleText.time(w.endTime()));
        h.element("td", ConsoleText.duration(w.startTime(), w.endTime(), now));
      } else if (job instanceof Views.CoordJob c) {
        h.element("td", c.name());
        h.open("td");
        Layout.badge(h, c.id(), c.status());
        h.close("td");
        h.element("td", c.user()).element("td", frequency(c));
        h.element("td", ConsoleText.time(c.startTime())).element("td", ConsoleText.time(c.endTime()));
        h.element("td", ConsoleText.time(c.nextMaterializedTime())).element("td", c.totalActions());
      } else if (job instanceof Views.BundleJob b) {
        h.element("td", b.name());
        h.open("td");
        Layout.badge(h, b.id(), b.status());
        h.close("td");
        h.element("td", b.user()).element("td", ConsoleText.time(b.kickoffTime()));
        h.element("td", ConsoleText.time(b.startTime()));
        h.element("td", b.coordinators() == null ? 0 : b.coordinators().size());
      }
      h.close("tr").line();
    }
    h.close("tbody").close("table").line();
  }

  static String frequency(Views.CoordJob c) {
    if (c.frequency() == null) {
      return "";
    }
    return "CRON".equals(c.timeUnit()) ? c.frequency() : c.frequency() + " " + c.timeUnit();
  }

  private static void pager(Html h, String type, String status, String name, int offset, int len, int total) {
    if (offset <= 1 && offset + len > total) {
      return;
    }
    h.open("nav", "class", "pager");
    if (offset > 1) {
      h.element("a", "← newer", "href", link(type, status, name, Math.max(1, offset - len), len), "rel", "prev");
    }
    if (offset + len <= total) {
      h.element("a", "older →", "href", link(type, status, name, offset + len, len), "rel", "next");
    }
    h.close("nav");
  }

  private static String link(String type, String status, String name, int offset, int len) {
    return "/?type=" + type + (status == null ? "" : "&status=" + Html.url(status))
        + (name == null ? "" : "&name=" + Html.url(name)) + "&offset=" + offset + "&len=" + len;
  }
}
