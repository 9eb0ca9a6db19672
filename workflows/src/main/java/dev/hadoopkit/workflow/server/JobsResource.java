package dev.hadoopkit.workflow.server;

import static dev.hadoopkit.workflow.server.Exchanges.allow;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /oozie/v{1,2}/jobs}: {@code GET} lists, {@code POST} submits (configuration XML body; {@code
 * action=start|dryrun}), {@code PUT} kills, suspends or resumes the jobs a filter selects.
 */
final class JobsResource {
  private static final Logger LOG = LoggerFactory.getLogger(JobsResource.class);
  private static final int JOBS_DEFAULT_LEN = 50;

  private final OozieBackend backend;
  private final Function<String, String> consoleUrl;

  /** {@code consoleUrl} may be null: the request's Host then makes the URL. */
  JobsResource(OozieBackend backend, Function<String, String> consoleUrl) {
    this.backend = backend;
    this.consoleUrl = consoleUrl;
  }

  void handle(HttpExchange ex, String method, Params q) throws IOException {
    allow(method, "GET", "POST", "PUT");
    if (method.equals("POST")) {
      submit(ex, q);
      return;
    }
    if (q.get("external-id") != null) {
      throw new HttpError(400, "E0303", "Invalid parameter value, [external-id] = [" + q.get("external-id")
          + "]: lookup by external id is not supported");
    }
    if (q.get("bulk") != null) {
      throw new HttpError(400, "E0303", "Invalid parameter value, [bulk] = [" + q.get("bulk")
          + "]: bulk coordinator action queries are not supported; use jobs -jobtype coordinator and job -info");
    }
    JobType type = jobType(q.get("jobtype"));
    Map<String, List<String>> filter = Params.filter("jobs filter", q.get("filter"), "E0420");
    int offset = Math.max(1, q.integer("offset", 1));
    int len = q.integer("len", JOBS_DEFAULT_LEN);
    len = len < 1 ? JOBS_DEFAULT_LEN : len;
    Function<String, String> console = Exchanges.consoleUrl(ex, consoleUrl);
    if (method.equals("GET")) {
      sendJson(ex, 200, OozieJson.listing(type, backend.jobs(type, filter, offset, len), console));
      return;
    }
    List<Views.JobView> done = bulk(q.get("action"), type, filter, offset, len);
    sendJson(ex, 200, OozieJson.listing(type, new Views.Page<>(done, done.size(), offset, len), console));
  }

  /** PUT: bulk kill/suspend/resume of the jobs the filter selects; returns those it changed. */
  private List<Views.JobView> bulk(String action, JobType type, Map<String, List<String>> filter, int offset,
      int len) {
    if (action == null) {
      throw HttpError.missingParam("action", "kill, suspend or resume");
    }
    if (filter.isEmpty()) {
      throw HttpError.missingParam("filter", "a bulk " + action + " needs a filter (e.g. name=daily;status=RUNNING)");
    }
    Views.Page<Views.JobView> page = backend.jobs(type, filter, offset, len);
    List<Views.JobView> done = new ArrayList<>();
    for (Views.JobView j : page.items()) {
      try {
        switch (action) {
          case "kill" -> backend.kill(j.id(), ActionSelection.ALL);
          case "suspend" -> backend.suspend(j.id(), ActionSelection.ALL);
          case "resume" -> backend.resume(j.id(), ActionSelection.ALL);
          default -> throw HttpError.badParam("action", action, "kill, suspend or resume");
        }
        done.add(backend.info(j.id(), 1, 1, Map.of()));
      } catch (BadRequestException | NotFoundException skipped) {
        LOG.debug("bulk {} skips {}: {}", action, j.id(), skipped.getMessage());
      }
    }
    return done;
  }

  private static JobType jobType(String text) {
    try {
      return JobType.parse(text);
    } catch (BadRequestException e) {
      throw HttpError.badParam("jobtype", text, "wf, coordinator (coord) or bundle is expected");
    }
  }

  private void submit(HttpExchange ex, Params q) throws IOException {
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("xml")) {
      throw new HttpError(400, "E0300", "Invalid content-type [" + contentType + "]: send application/xml "
          + "(a Hadoop configuration)");
    }
    if (q.get("jobtype") != null) {
      throw new HttpError(400, "E0303", "Invalid parameter value, [jobtype] = [" + q.get("jobtype")
          + "]: proxy submissions (-submitmr, -submitpig, …) are not supported; submit an application path");
    }
    Map<String, String> conf = HadoopConfXml.parse(Exchanges.body(ex));
    String user = q.get("user");
    if (user != null && !user.isBlank()) {
      conf.putIfAbsent("user.name", user);
    }
    String action = q.get("action");
    ObjectNode o = OozieJson.object();
    if (action == null || action.equals("start")) {
      o.put("id", backend.submit(conf, action != null));
    } else if (action.equals("dryrun")) {
      List<String> lines = backend.dryrun(conf);
      boolean workflow = conf.get("oozie.coord.application.path") == null
          && conf.get("oozie.bundle.application.path") == null;
      // The client prints "OK" for a workflow; for a coordinator it splits the text at "action for new instance".
      o.put("id", workflow ? "OK" : String.join("\n", lines));
      ArrayNode arr = o.putArray("lines");
      lines.forEach(arr::add);
    } else {
      throw HttpError.badParam("action", action, "start or dryrun (or none: submit only)");
    }
    sendJson(ex, 201, o);
  }
}
