package dev.hadoopkit.workflow.console;

import java.util.Collection;

/**
 * The frame of every page: header with the job tabs and the submit link, the flash message of the last post, a
 * log-in hint when the server needs its token for controls, and the live-update hooks read by {@code console.js}:
 * {@code data-watch} (ids whose events refresh the page's {@code data-live} parts) and {@code data-watch-kinds}
 * (event kinds that do).
 */
final class Layout {
  /** What the frame needs to know of the request. */
  record Frame(Responses.Flash flash, boolean tokenRequired, boolean hasToken, String here) {
  }

  /**
   * Live-update hooks of a page: the ids whose events re-fetch it, the kinds of job whose new jobs do, and an
   * optional slow poll (no page needs one now that node changes are on the stream).
   */
  record Live(Collection<String> watchIds, Collection<String> watchKinds, int pollMillis) {
    static final Live NONE = new Live(java.util.List.of(), java.util.List.of(), 0);
  }

  private Layout() {
  }

  static String page(Frame frame, String title, String tab, Live live, Html content) {
    Html h = new Html();
    h.trusted("<!DOCTYPE html>\n");
    h.open("html", "lang", "en").line();
    h.open("head").line();
    h.empty("meta", "charset", "utf-8").line();
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").line();
    h.element("title", title + " · hadoopkit workflows").line();
    h.empty("link", "rel", "stylesheet", "href", "/static/console.css").line();
    h.empty("link", "rel", "icon", "href", "/static/favicon.svg", "type", "image/svg+xml").line();
    h.open("script", "src", "/static/console.js", "defer", "").close("script").line();
    h.close("head").line();
    h.open("body", "data-watch", String.join(" ", live.watchIds()),
        "data-watch-kinds", String.join(" ", live.watchKinds()),
        "data-poll", live.pollMillis() > 0 ? Integer.toString(live.pollMillis()) : null).line();
    h.open("header", "class", "top");
    h.element("a", "hadoopkit workflows", "class", "brand", "href", "/");
    h.open("nav");
    tab(h, tab, "wf", "Workflows", "/?type=wf");
    tab(h, tab, "coordinator", "Coordinators", "/?type=coordinator");
    tab(h, tab, "bundle", "Bundles", "/?type=bundle");
    tab(h, tab, "submit", "Submit", "/submit");
    h.close("nav");
    h.element("span", "", "id", "live-state", "class", "live-state", "title", "live updates");
    if (frame.tokenRequired()) {
      if (frame.hasToken()) {
        h.open("form", "method", "post", "action", "/logout", "class", "inline");
        h.element("button", "Log out", "type", "submit", "class", "link");
        h.close("form");
      } else {
        h.element("a", "Log in", "href", "/login?next=" + Html.url(frame.here()), "class", "login");
      }
    }
    h.close("header").line();
    h.open("main").line();
    if (frame.tokenRequired() && !frame.hasToken()) {
      h.open("p", "class", "flash info");
      h.text("This server needs its token for controls (kill, rerun, submit …): ");
      h.element("a", "log in", "href", "/login?next=" + Html.url(frame.here()));
      h.text(". Pages can be read without it.");
      h.close("p").line();
    }
    if (frame.flash() != null) {
      h.element("p", frame.flash().message(), "class", frame.flash().error() ? "flash error" : "flash ok",
          "role", frame.flash().error() ? "alert" : "status", "id", "flash").line();
    }
    h.trusted(content.toString());
    h.close("main").line();
    h.close("body").line();
    h.close("html").line();
    return h.toString();
  }

  private static void tab(Html h, String active, String tab, String label, String href) {
    h.element("a", label, "href", href, "class", tab.equals(active) ? "tab active" : "tab");
  }

  /** A status badge that {@code console.js} keeps current from the event stream. */
  static void badge(Html h, String id, String status) {
    h.element("span", status, "class", "badge " + ConsoleText.statusClass(status), "data-status-of", id, "data-status",
        status);
  }

  /** A definition list of label/value pairs; empty values are left out. */
  static void facts(Html h, String... pairs) {
    h.open("dl", "class", "facts");
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] == null || pairs[i + 1].isEmpty()) {
        continue;
      }
      h.element("dt", pairs[i]).element("dd", pairs[i + 1]);
    }
    h.close("dl").line();
  }
}
