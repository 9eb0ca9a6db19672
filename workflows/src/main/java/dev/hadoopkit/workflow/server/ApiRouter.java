package dev.hadoopkit.workflow.server;

import static dev.hadoopkit.workflow.server.Exchanges.allow;
import static dev.hadoopkit.workflow.server.Exchanges.notFound;
import static dev.hadoopkit.workflow.server.Exchanges.sendError;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.NotFoundException;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing table of {@code /oozie} and {@code /metrics}: {@code OPTIONS} everywhere, the token rule, then
 * {@code versions}, {@code v{0,1,2}/admin/…}, {@code v{1,2}/jobs}, {@code v{1,2}/job/{id}}, {@code v2/events}; each
 * resource family is its own class. Backend exceptions become Oozie's error answers here.
 */
final class ApiRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

  private final OozieBackend backend;
  private final TokenGuard guard;
  private final EventStreams events;
  private final AdminResource admin;
  private final JobsResource jobs;
  private final JobInfoResource jobInfo;
  private final JobControlResource jobControl;

  ApiRouter(OozieBackend backend, TokenGuard guard, EventStreams events, String buildVersion,
      Function<String, String> consoleUrl) {
    this.backend = backend;
    this.guard = guard;
    this.events = events;
    this.admin = new AdminResource(backend, buildVersion);
    this.jobs = new JobsResource(backend, consoleUrl);
    this.jobInfo = new JobInfoResource(backend, consoleUrl);
    this.jobControl = new JobControlResource(backend);
  }

  @Override
  public void handle(HttpExchange ex) {
    boolean handedOver = false;
    try {
      handedOver = dispatch(ex);
    } catch (HttpError e) {
      if (e.allow() != null) {
        ex.getResponseHeaders().set("Allow", e.allow());
      }
      sendError(ex, e.status(), e.code(), e.getMessage());
    } catch (ConflictException e) {
      sendError(ex, 409, codeOr(e.code(), "E1018"), e.getMessage());
    } catch (BadRequestException e) {
      sendError(ex, 400, codeOr(e.code(), "E0400"), e.getMessage());
    } catch (NotFoundException e) {
      sendError(ex, 404, "E0604", e.getMessage());
    } catch (IOException e) {
      LOG.debug("{} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString());
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("{} {} failed (incident {})", ex.getRequestMethod(), ex.getRequestURI().getPath(), incident, e);
      sendError(ex, 500, "E0307", "Runtime error [internal error, incident " + incident
          + ", see the daemon's log]");
    } finally {
      if (!handedOver) {
        ex.close();
      }
    }
  }

  private static String codeOr(String code, String dflt) {
    return code == null || code.isBlank() ? dflt : code;
  }

  /** Returns true when the exchange was handed over (event stream) and must stay open. */
  private boolean dispatch(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().getPath();
    Params q = Params.parse(ex.getRequestURI().getRawQuery());
    if (method.equals("OPTIONS")) {
      // hadoop-auth's PseudoAuthenticator (oozie -auth SIMPLE) sends OPTIONS ?user.name=… first and needs a 200.
      ex.getResponseHeaders().set("Allow", "GET, POST, PUT, OPTIONS");
      ex.sendResponseHeaders(200, -1);
      return false;
    }
    guard.authorize(ex, q);

    if (path.equals("/metrics")) {
      allow(method, "GET");
      Exchanges.send(ex, 200, PrometheusText.CONTENT_TYPE, PrometheusText.render(backend.metrics()));
      return false;
    }
    if (!path.equals("/oozie") && !path.startsWith("/oozie/")) {
      throw notFound(path);
    }
    List<String> seg = new ArrayList<>();
    for (String s : path.substring("/oozie".length()).split("/")) {
      if (!s.isEmpty()) {
        seg.add(s);
      }
    }
    if (seg.isEmpty()) {
      // Oozie's console URL form http://host/oozie?job=<id>: send browsers to the console at /
      allow(method, "GET");
      String query = ex.getRequestURI().getRawQuery();
      ex.getResponseHeaders().set("Location", "/" + (query == null ? "" : "?" + query));
      ex.sendResponseHeaders(302, -1);
      return false;
    }
    if (seg.size() == 1 && seg.get(0).equals("versions")) {
      admin.versions(ex, method);
      return false;
    }
    String version = seg.get(0);
    if (!version.equals("v0") && !version.equals("v1") && !version.equals("v2")) {
      throw notFound(path);
    }
    String collection = seg.size() > 1 ? seg.get(1) : "";
    String resource = seg.size() > 2 ? String.join("/", seg.subList(2, seg.size())) : null;
    switch (collection) {
      case "admin" -> admin.handle(ex, method, version, resource, q, path);
      case "jobs" -> {
        if (resource != null) {
          throw notFound(path);
        }
        jobs.handle(ex, method, q);
      }
      case "job" -> {
        if (resource == null) {
          throw new HttpError(404, "E0301", "Invalid resource [" + path + "]: a job id is expected, /oozie/"
              + version + "/job/<id>");
        }
        allow(method, "GET", "PUT");
        if (method.equals("GET")) {
          jobInfo.handle(ex, resource, q);
        } else {
          jobControl.handle(ex, resource, q);
        }
      }
      case "events" -> {
        if (resource != null) {
          throw notFound(path);
        }
        allow(method, "GET");
        events.attach(ex);
        return true;
      }
      default -> throw notFound(path);
    }
    return false;
  }
}
