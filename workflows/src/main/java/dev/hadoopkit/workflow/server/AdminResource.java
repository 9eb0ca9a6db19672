package dev.hadoopkit.workflow.server;

import static dev.hadoopkit.workflow.server.Exchanges.allow;
import static dev.hadoopkit.workflow.server.Exchanges.sendJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.hadoopkit.workflow.server.api.OozieBackend;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.TimeZone;
import java.util.TreeSet;

/** {@code GET /oozie/versions} and {@code /oozie/v{0,1,2}/admin/status|build-version|available-timezones}. */
final class AdminResource {
  private final OozieBackend backend;
  private final String buildVersion;

  AdminResource(OozieBackend backend, String buildVersion) {
    this.backend = backend;
    this.buildVersion = buildVersion;
  }

  void versions(HttpExchange ex, String method) throws IOException {
    allow(method, "GET");
    sendJson(ex, 200, OozieJson.array().add(0).add(1).add(2));
  }

  void handle(HttpExchange ex, String method, String version, String resource, Params q, String path)
      throws IOException {
    if (resource == null) {
      throw Exchanges.notFound(path);
    }
    switch (resource) {
      case "status" -> status(ex, method, version, q);
      case "build-version" -> {
        allow(method, "GET");
        ObjectNode o = OozieJson.object();
        o.put("buildVersion", buildVersion);
        ObjectNode info = o.putObject("buildInfo");
        info.put("build.version", buildVersion);
        info.put("build.user", "hadoopkit");
        info.put("vc.url", "hadoopkit");
        sendJson(ex, 200, o);
      }
      case "available-timezones" -> {
        allow(method, "GET");
        ObjectNode o = OozieJson.object();
        ArrayNode arr = o.putArray("available-timezones");
        for (String id : new TreeSet<>(Arrays.asList(TimeZone.getAvailableIDs()))) {
          arr.addObject().put("timezoneDisplayName", TimeZone.getTimeZone(id).getDisplayName(Locale.US))
              .put("timezoneId", id);
        }
        sendJson(ex, 200, o);
      }
      default -> throw new HttpError(404, "E0301", "Invalid resource [" + path + "]: this server provides admin/"
          + "status, admin/build-version and admin/available-timezones (metrics at /metrics)");
    }
  }

  private void status(HttpExchange ex, String method, String version, Params q) throws IOException {
    allow(method, "GET", "PUT");
    if (method.equals("PUT")) {
      throw new HttpError(400, "E0303", "Invalid parameter value, [systemmode] = [" + q.get("systemmode")
          + "]: this server's system mode cannot be changed over the API");
    }
    String mode = backend.systemMode();
    ObjectNode o = OozieJson.object();
    if (version.equals("v0")) {
      o.put("safeMode", !"NORMAL".equals(mode));
    } else {
      o.put("systemMode", mode);
    }
    sendJson(ex, 200, o);
  }
}
