package dev.hadoopkit.workflow.console;

import dev.hadoopkit.workflow.server.api.Views;
import java.util.ArrayList;
import java.util.List;

/** {@code /job/<bundle id>}: the bundle's facts and controls, and its coordinators with their states. */
final class BundlePage {
  String render(Views.BundleJob job, Layout.Frame frame) {
    Html h = new Html();
    h.open("h1").text("Bundle ").element("span", job.name(), "class", "name").text(" ");
    Layout.badge(h, job.id(), job.status());
    h.close("h1").line();
    h.open("section", "id", "summary", "data-live", "");
    Layout.facts(h, "Id", job.id(), "App path", job.appPath(), "User", job.user(),
        "Kick-off", ConsoleText.time(job.kickoffTime()), "Created", ConsoleText.time(job.createdTime()),
        "Start", ConsoleText.time(job.startTime()), "End", ConsoleText.time(job.endTime()),
        "Pause", ConsoleText.time(job.pauseTime()));
    h.close("section").line();

    h.open("section", "class", "controls");
    String base = Html.jobLink(job.id());
    for (String[] control : new String[][] {{"suspend", "Suspend"}, {"resume", "Resume"}, {"kill", "Kill bundle"}}) {
      h.open("form", "method", "post", "action", base + "/" + control[0], "class", "inline");
      h.element("button", control[1], "type", "submit", "id", control[0],
          "class", control[0].equals("kill") ? "danger" : null);
      h.close("form");
    }
    h.close("section").line();

    h.element("h2", "Coordinators");
    h.open("section", "id", "coordinators", "data-live", "");
    List<Views.CoordJob> coordinators = job.coordinators() == null ? List.of() : job.coordinators();
    if (coordinators.isEmpty()) {
      h.element("p", "No coordinator has been started yet (kick-off " + ConsoleText.time(job.kickoffTime()) + ").",
          "class", "muted");
    } else {
      h.open("table", "class", "jobs");
      h.open("thead").open("tr");
      for (String column : List.of("Coordinator", "Name", "Status", "Frequency", "Start", "End",
          "Next materialized", "Actions")) {
        h.element("th", column);
      }
      h.close("tr").close("thead").open("tbody").line();
      for (Views.CoordJob c : coordinators) {
        h.open("tr", "data-job", c.id());
        h.open("td").element("a", c.id(), "href", Html.jobLink(c.id()), "class", "mono").close("td");
        h.element("td", c.name());
        h.open("td");
        Layout.badge(h, c.id(), c.status());
        h.close("td");
        h.element("td", JobsPage.frequency(c)).element("td", ConsoleText.time(c.startTime()));
        h.element("td", ConsoleText.time(c.endTime())).element("td", ConsoleText.time(c.nextMaterializedTime()));
        h.element("td", c.totalActions());
        h.close("tr").line();
      }
      h.close("tbody").close("table").line();
    }
    h.close("section").line();
    List<String> watch = new ArrayList<>(List.of(job.id()));
    coordinators.forEach(c -> watch.add(c.id()));
    return Layout.page(frame, job.name() + " " + job.id(), "bundle", new Layout.Live(watch, List.of("coordinator"), 0), h);
  }
}
