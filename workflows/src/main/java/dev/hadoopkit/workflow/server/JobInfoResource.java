package dev.hadoopkit.workflow.server;

import static dev.hadoopkit.workflow.server.Exchanges.send;
import static dev.hadoopkit.workflow.server.Exchanges.sendJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /oozie/v{1,2}/job/{id}?show=info|status|definition|log|graph|allruns}: what a job or action is. */
final class JobInfoResource {
  private static final int COORD_DEFAULT_LEN = 1000;

  private final OozieBackend backend;
  private final Function<String, String> consoleUrl;

  /** {@code consoleUrl} may be null: the request's Host then makes the URL. */
  JobInfoResource(OozieBackend backend, Function<String, String> consoleUrl) {
    this.backend = backend;
    this.consoleUrl = consoleUrl;
  }

  void handle(HttpExchange ex, String id, Params q) throws IOException {
    String show = q.get("show");
    show = show == null || show.isEmpty() ? "info" : show;
    switch (show) {
      case "info" -> {
        if (!id.contains("@")) {
          sendJson(ex, 200, OozieJson.job(info(id, q), Exchanges.consoleUrl(ex, consoleUrl)));
          return;
        }
        Object action = action(id);
        sendJson(ex, 200, action instanceof Views.CoordAction ca ? OozieJson.coordAction(ca)
            : OozieJson.workflowAction((Views.WorkflowAction) action));
      }
      case "status" -> sendJson(ex, 200, OozieJson.object().put("status", status(id)));
      case "definition" -> {
        JobType.ofId(id);
        send(ex, 200, "application/xml; charset=utf-8", backend.definition(id));
      }
      case "log" -> send(ex, 200, "text/plain; charset=utf-8", log(id, q));
      case "graph" -> {
        JobType.ofId(id);
        String format = q.get("format");
        if (format != null && !format.isBlank() && !format.equalsIgnoreCase("svg")) {
          throw HttpError.badParam("format", format, "svg is the only graph format");
        }
        send(ex, 200, "image/svg+xml; charset=utf-8", backend.graph(id));
      }
      case "allruns" -> sendJson(ex, 200, allRuns(ex, id, show));
      case "errorlog", "auditlog" -> throw HttpError.badParam("show", show, "not kept by this server; use show=log");
      default -> throw HttpError.badParam("show", show,
          "info, status, definition, log, graph or allruns is expected");
    }
  }

  /** A coordinator's or workflow's action ({@code …@n}, {@code …@node}); a 404 when there is none. */
  private Object action(String id) {
    Object action = backend.action(id);
    if (action instanceof Views.CoordAction || action instanceof Views.WorkflowAction) {
      return action;
    }
    throw new NotFoundException("no action " + id);
  }

  private String status(String id) {
    if (!id.contains("@")) {
      JobType.ofId(id);
      return backend.info(id, 1, 1, Map.of()).status();
    }
    Object action = action(id);
    return action instanceof Views.CoordAction ca ? ca.status() : ((Views.WorkflowAction) action).status();
  }

  private String log(String id, Params q) {
    JobType type = JobType.ofId(id);
    if (q.get("logfilter") != null && !q.get("logfilter").isBlank()) {
      throw HttpError.badParam("logfilter", q.get("logfilter"),
          "filtering log lines is not supported; -log <id> returns the whole log");
    }
    ActionSelection sel = q.selection();
    if (sel.isAll()) {
      return backend.log(id);
    }
    if (type != JobType.COORDINATOR) {
      throw HttpError.badParam("type", q.get("type"),
          "-action and -date select the actions of a coordinator's log (…-C); " + id + " is not one");
    }
    return actionsLog(id, sel);
  }

  /**
   * {@code -info <coord>@n -allruns}: a rerun runs the action's workflow again under its id (its run number grows),
   * so the action's one workflow holds every run.
   */
  private ObjectNode allRuns(HttpExchange ex, String id, String show) {
    if (!id.contains("@") || JobType.ofId(id) != JobType.COORDINATOR) {
      throw HttpError.badParam("show", show, "allruns is for a coordinator action (…-C@<n>)");
    }
    Object action = backend.action(id);
    ObjectNode o = OozieJson.object();
    ArrayNode workflows = o.putArray("workflows");
    if (action instanceof Views.CoordAction ca && ca.externalId() != null && !ca.externalId().isBlank()) {
      workflows.add(OozieJson.job(backend.info(ca.externalId(), 1, Integer.MAX_VALUE, Map.of()),
          Exchanges.consoleUrl(ex, consoleUrl)));
    }
    return o;
  }

  /** {@code -log <coord> -action 1,3-4 | -date a::b}: the logs of the chosen actions' workflows, in order. */
  private String actionsLog(String id, ActionSelection sel) {
    Views.CoordJob job = (Views.CoordJob) backend.info(id, 1, Integer.MAX_VALUE, Map.of());
    List<Views.CoordAction> chosen = new ArrayList<>();
    for (Views.CoordAction a : job.actions() == null ? List.<Views.CoordAction>of() : job.actions()) {
      if (Params.selects(sel, a)) {
        chosen.add(a);
      }
    }
    if (chosen.isEmpty()) {
      throw new BadRequestException("E1025", "no action of " + id + " matches " + sel.type() + " " + sel.scope()
          + " (it has " + job.lastActionNumber() + " materialized)");
    }
    StringBuilder text = new StringBuilder();
    for (Views.CoordAction a : chosen) {
      if (a.externalId() != null && !a.externalId().isBlank()) {
        text.append(backend.log(a.externalId()));
      }
    }
    return text.toString();
  }

  /** A job with the page of its actions that offset, len, filter and order ask for. */
  private Views.JobView info(String id, Params q) {
    JobType type = JobType.ofId(id);
    int offset = Math.max(1, q.integer("offset", 1));
    int len = q.integer("len", 0);
    Map<String, List<String>> filter = Params.filter("job filter", q.get("filter"), "E0421");
    if (type != JobType.COORDINATOR) {
      return backend.info(id, offset, len < 1 ? Integer.MAX_VALUE : len, filter);
    }
    len = len < 1 ? COORD_DEFAULT_LEN : len;
    String order = q.get("order");
    if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
      return backend.info(id, offset, len, filter);
    }
    if (!order.equalsIgnoreCase("desc")) {
      throw HttpError.badParam("order", order, "asc or desc is expected");
    }
    Views.CoordJob all = (Views.CoordJob) backend.info(id, 1, Integer.MAX_VALUE, filter);
    List<Views.CoordAction> reversed = new ArrayList<>(all.actions() == null ? List.of() : all.actions());
    Collections.reverse(reversed);
    int from = Math.min(offset - 1, reversed.size());
    List<Views.CoordAction> page = reversed.subList(from, Math.min(reversed.size(), from + len));
    return new Views.CoordJob(all.id(), all.name(), all.appPath(), all.user(), all.status(), all.conf(),
        all.frequency(), all.timeUnit(), all.timeZone(), all.concurrency(), all.timeout(), all.executionPolicy(),
        all.throttle(), all.startTime(), all.endTime(), all.pauseTime(), all.nextMaterializedTime(),
        all.lastActionNumber(), all.bundleId(), all.createdTime(), all.totalActions(), List.copyOf(page));
  }
}
