package dev.hadoopkit.workflow.server;

import static dev.hadoopkit.workflow.server.Exchanges.sendEmpty;
import static dev.hadoopkit.workflow.server.Exchanges.sendJson;

import com.sun.net.httpserver.HttpExchange;
import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /oozie/v{1,2}/job/{id}?action=start|suspend|resume|kill|change|rerun|coord-rerun|bundle-rerun|ignore}:
 * a job's controls, checked against the job's type.
 */
final class JobControlResource {
  private static final String ACTIONS =
      "start, suspend, resume, kill, change, rerun, coord-rerun, bundle-rerun or ignore";

  private final OozieBackend backend;

  JobControlResource(OozieBackend backend) {
    this.backend = backend;
  }

  void handle(HttpExchange ex, String id, Params q) throws IOException {
    String action = q.get("action");
    if (action == null || action.isBlank()) {
      throw HttpError.missingParam("action", ACTIONS);
    }
    JobType type = JobType.ofId(id);
    switch (action) {
      case "start" -> {
        backend.start(id);
        sendEmpty(ex);
      }
      case "suspend" -> {
        backend.suspend(id, q.selection());
        sendEmpty(ex);
      }
      case "resume" -> {
        backend.resume(id, q.selection());
        sendEmpty(ex);
      }
      case "kill" -> kill(ex, id, type, q.selection());
      case "change" -> {
        backend.change(id, Params.changeValue(q.get("value")));
        sendEmpty(ex);
      }
      case "rerun" -> {
        if (type != JobType.WF) {
          throw HttpError.badParam("action", action, "rerun is for workflows; a coordinator takes coord-rerun, "
              + "a bundle bundle-rerun");
        }
        backend.rerunWorkflow(id, HadoopConfXml.parse(Exchanges.body(ex)));
        sendEmpty(ex);
      }
      case "coord-rerun" -> sendJson(ex, 200, OozieJson.coordActions(coordRerun(id, type, action, q)));
      case "bundle-rerun" -> sendJson(ex, 200, OozieJson.coordActions(bundleRerun(id, type, action, q)));
      case "ignore" -> sendJson(ex, 200, OozieJson.coordActions(backend.ignore(id, q.selection())));
      case "dryrun" -> throw HttpError.badParam("action", action,
          "a dry run is POST /oozie/v2/jobs?action=dryrun with the configuration");
      case "update", "sla-enable", "sla-disable", "sla-change" ->
          throw HttpError.badParam("action", action, "not supported by this server");
      default -> throw HttpError.badParam("action", action, ACTIONS + " is expected");
    }
  }

  private void kill(HttpExchange ex, String id, JobType type, ActionSelection sel) throws IOException {
    backend.kill(id, sel);
    if (type != JobType.COORDINATOR || sel.isAll()) {
      sendEmpty(ex);
      return;
    }
    // the client prints the killed actions of a ranged kill from {"actions":[…]}
    Views.CoordJob c = (Views.CoordJob) backend.info(id, 1, Integer.MAX_VALUE, Map.of());
    List<Views.CoordAction> killed = new ArrayList<>();
    for (Views.CoordAction a : c.actions() == null ? List.<Views.CoordAction>of() : c.actions()) {
      if (Params.selects(sel, a) && "KILLED".equals(a.status())) {
        killed.add(a);
      }
    }
    sendJson(ex, 200, OozieJson.coordActions(killed));
  }

  private List<Views.CoordAction> coordRerun(String id, JobType type, String action, Params q) {
    if (type != JobType.COORDINATOR) {
      throw HttpError.badParam("action", action, "coord-rerun is for coordinators (…-C)");
    }
    ActionSelection sel = q.selection();
    if (sel.isAll()) {
      throw HttpError.missingParam("scope", "a coordinator rerun needs -action 1,3-4 or -date from::to");
    }
    return backend.coordRerun(id, sel, q.bool("refresh"), q.bool("nocleanup"), q.bool("failed"));
  }

  private List<Views.CoordAction> bundleRerun(String id, JobType type, String action, Params q) {
    if (type != JobType.BUNDLE) {
      throw HttpError.badParam("action", action, "bundle-rerun is for bundles (…-B)");
    }
    String coords = q.get("coord-scope");
    String dates = q.get("date-scope");
    boolean hasCoords = coords != null && !coords.isBlank();
    boolean hasDates = dates != null && !dates.isBlank();
    if (hasCoords == hasDates) {
      throw HttpError.missingParam(hasCoords ? "date-scope" : "coord-scope", "a bundle rerun takes either "
          + "-coordinator <names> or -date <from::to> (both at once is not supported)");
    }
    ActionSelection sel = hasCoords ? new ActionSelection("coord", coords.trim())
        : new ActionSelection("date", dates.trim());
    return backend.coordRerun(id, sel, q.bool("refresh"), q.bool("nocleanup"), false);
  }
}
