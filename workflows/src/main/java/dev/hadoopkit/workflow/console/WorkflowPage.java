package dev.hadoopkit.workflow.console;

import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /job/<workflow id>}: the run's facts, its DAG (the engine's own SVG, coloured by node state), a table of
 * its nodes and the tail of its log; kill while it runs, rerun (failed nodes, or skipping chosen nodes) when it has
 * ended. A run started by a coordinator action is rerun through its coordinator, as Oozie's coord-rerun does.
 */
final class WorkflowPage {
  static final Set<String> ENDED = Set.of("SUCCEEDED", "KILLED", "FAILED");
  private static final int LOG_LINES = 200;
  /** Node transitions inside a run are not on the event stream: while it runs, the page looks again this often. */

  private final OozieBackend backend;
  private final Clock clock;

  WorkflowPage(OozieBackend backend, Clock clock) {
    this.backend = backend;
    this.clock = clock;
  }

  String render(Views.WorkflowJob job, Layout.Frame frame) {
    Instant now = clock.instant();
    boolean ended = ENDED.contains(job.status());
    String coordinatorAction = job.parentId() != null && job.parentId().contains("@")
        && JobType.ofId(job.parentId()) == JobType.COORDINATOR ? job.parentId() : null;

    Html h = new Html();
    h.open("h1").text("Workflow ").element("span", job.appName(), "class", "name").text(" ");
    Layout.badge(h, job.id(), job.status());
    h.close("h1").line();
    h.open("section", "id", "summary", "data-live", "");
    Layout.facts(h, "Id", job.id(), "App path", job.appPath(), "User", job.user(), "Run", Integer.toString(job.run()),
        "Created", ConsoleText.time(job.createdTime()), "Start", ConsoleText.time(job.startTime()),
        "End", ConsoleText.time(job.endTime()), "Duration", ConsoleText.duration(job.startTime(), job.endTime(), now));
    if (job.parentId() != null) {
      h.open("p", "class", "parent").text(coordinatorAction != null ? "Started by coordinator action " : "Parent ");
      h.element("a", job.parentId(), "href", Html.jobLink(parentJob(job.parentId())) + anchor(job.parentId()),
          "class", "mono");
      h.close("p");
    }
    h.close("section").line();

    controls(h, job, ended, coordinatorAction);

    h.element("h2", "Graph");
    h.open("div", "id", "dag", "class", "dag", "data-live", "");
    h.trusted(svg(job.id()));
    h.close("div").line();

    h.element("h2", "Nodes");
    h.open("section", "id", "nodes", "data-live", "");
    nodes(h, job.actions(), now);
    h.close("section").line();

    h.element("h2", "Log (last " + LOG_LINES + " lines)");
    h.open("section", "id", "log", "data-live", "");
    h.element("pre", tail(log(job.id()), LOG_LINES), "class", "log");
    h.close("section").line();

    List<String> watch = new ArrayList<>(List.of(job.id()));
    if (job.parentId() != null) {
      watch.add(job.parentId());
    }
    return Layout.page(frame, job.appName() + " " + job.id(), "wf",
        new Layout.Live(watch, List.of(), 0), h);
  }

  private static String parentJob(String parentId) {
    int at = parentId.indexOf('@');
    return at < 0 ? parentId : parentId.substring(0, at);
  }

  private static String anchor(String parentId) {
    int at = parentId.indexOf('@');
    return at < 0 ? "" : "#action-" + Html.url(parentId.substring(at + 1));
  }

  private void controls(Html h, Views.WorkflowJob job, boolean ended, String coordinatorAction) {
    h.open("section", "class", "controls", "id", "controls", "data-live", "");
    if (!ended) {
      h.open("form", "method", "post", "action", Html.jobLink(job.id()) + "/kill", "class", "inline");
      h.element("button", "Kill", "type", "submit", "class", "danger", "id", "kill");
      h.close("form");
    } else if (coordinatorAction != null) {
      String coordinator = parentJob(coordinatorAction);
      String number = coordinatorAction.substring(coordinatorAction.indexOf('@') + 1);
      h.open("form", "method", "post", "action", Html.jobLink(coordinator) + "/rerun", "class", "inline");
      h.empty("input", "type", "hidden", "name", "actions", "value", number);
      h.empty("input", "type", "hidden", "name", "failed", "value", "true");
      h.empty("input", "type", "hidden", "name", "back", "value", Html.jobLink(job.id()));
      h.element("button", "Rerun failed nodes (coordinator action " + number + ")", "type", "submit", "id", "rerun");
      h.close("form");
    } else {
      h.open("form", "method", "post", "action", Html.jobLink(job.id()) + "/rerun", "class", "inline");
      h.open("label").empty("input", "type", "radio", "name", "mode", "value", "failed", "checked", "")
          .text(" failed nodes").close("label");
      h.open("label").empty("input", "type", "radio", "name", "mode", "value", "skip").text(" skip nodes ")
          .close("label");
      h.empty("input", "type", "text", "name", "skip", "placeholder", "node,node", "size", "24");
      h.element("button", "Rerun", "type", "submit", "id", "rerun");
      h.close("form");
    }
    h.close("section").line();
  }

  private String svg(String id) {
    String svg;
    try {
      svg = backend.pageGraph(id);
    } catch (NotFoundException e) {
      return "<p class=\"muted\">No graph: " + Html.escape(e.getMessage()) + "</p>";
    }
    // an XML declaration is not allowed inside HTML
    int start = svg.indexOf("<svg");
    return start < 0 ? "" : svg.substring(start);
  }

  private String log(String id) {
    try {
      return backend.log(id);
    } catch (NotFoundException e) {
      return "";
    }
  }

  static String tail(String text, int lines) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    int at = text.length();
    for (int n = 0; n <= lines && at > 0; n++) {
      at = text.lastIndexOf('\n', at - 1);
      if (at < 0) {
        return text;
      }
    }
    return text.substring(at + 1);
  }

  private static void nodes(Html h, List<Views.WorkflowAction> actions, Instant now) {
    if (actions == null || actions.isEmpty()) {
      h.element("p", "No node has run yet.", "class", "muted");
      return;
    }
    h.open("table", "class", "nodes");
    h.open("thead").open("tr");
    for (String column : List.of("Node", "Type", "Status", "Attempt", "Start", "End", "Duration", "External id",
        "Error code", "Error message", "Output")) {
      h.element("th", column);
    }
    h.close("tr").close("thead").open("tbody").line();
    for (Views.WorkflowAction a : actions) {
      h.open("tr", "data-node", a.name());
      h.element("td", a.name(), "class", "name");
      h.element("td", a.type());
      h.open("td").element("span", a.status(), "class", "badge " + ConsoleText.statusClass(a.status())).close("td");
      h.element("td", a.retries() + 1);
      h.element("td", ConsoleText.time(a.startTime())).element("td", ConsoleText.time(a.endTime()));
      h.element("td", ConsoleText.duration(a.startTime(), a.endTime(), now));
      h.open("td", "class", "mono");
      if (a.externalId() != null && isWebUrl(a.consoleUrl())) {
        h.element("a", a.externalId(), "href", a.consoleUrl(), "rel", "noopener noreferrer");
      } else {
        h.text(a.externalId());
      }
      h.close("td");
      h.element("td", a.errorCode());
      h.element("td", a.errorMessage(), "class", "message");
      h.open("td");
      if (a.data() != null && !a.data().isEmpty()) {
        h.open("details").element("summary", "output").element("pre", a.data()).close("details");
      }
      h.close("td");
      h.close("tr").line();
    }
    h.close("tbody").close("table").line();
  }

  /** Only http(s) links: a {@code javascript:} URL in an href would run when clicked. */
  static boolean isWebUrl(String url) {
    return url != null && (url.startsWith("http://") || url.startsWith("https://"));
  }

  /** For {@link ConsoleHandler}: the job of a page, with its actions. */
  static Views.WorkflowJob load(OozieBackend backend, String id) {
    return (Views.WorkflowJob) backend.info(id, 1, Integer.MAX_VALUE, Map.of());
  }
}
