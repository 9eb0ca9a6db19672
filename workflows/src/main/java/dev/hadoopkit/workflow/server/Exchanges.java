package dev.hadoopkit.workflow.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading requests and writing answers of the Oozie API: bodies with a size limit, JSON and text answers with the
 * security headers, Oozie's error answer (JSON body plus {@code oozie-error-code}/{@code oozie-error-message}
 * headers), the 404/405 errors of the routing, and the console URL of a job.
 */
final class Exchanges {
  private static final Logger LOG = LoggerFactory.getLogger(Exchanges.class);
  static final int MAX_BODY = 8 << 20;

  private Exchanges() {
  }

  static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] data = in.readNBytes(MAX_BODY + 1);
      if (data.length > MAX_BODY) {
        throw new HttpError(413, "E0400", "the request body is larger than " + (MAX_BODY >> 20) + " MB");
      }
      return data;
    }
  }

  static void sendJson(HttpExchange ex, int status, JsonNode json) throws IOException {
    sendBytes(ex, status, "application/json; charset=utf-8", OozieJson.bytes(json));
  }

  static void send(HttpExchange ex, int status, String contentType, String text) throws IOException {
    sendBytes(ex, status, contentType, (text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
  }

  static void sendEmpty(HttpExchange ex) throws IOException {
    securityHeaders(ex);
    ex.sendResponseHeaders(200, -1);
  }

  private static void securityHeaders(HttpExchange ex) {
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
  }

  private static void sendBytes(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    securityHeaders(ex);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  /** Oozie's error answer; a connection already gone is only logged. */
  static void sendError(HttpExchange ex, int status, String code, String message) {
    String msg = message == null || message.isBlank() ? "error " + status : message;
    try {
      ex.getResponseHeaders().set("oozie-error-code", code);
      ex.getResponseHeaders().set("oozie-error-message", headerSafe(msg));
      sendBytes(ex, status, "application/json; charset=utf-8", OozieJson.bytes(OozieJson.error(status, code, msg)));
    } catch (IOException | IllegalStateException e) {
      LOG.debug("cannot send error {} for {}: {}", status, ex.getRequestURI(), e.toString());
    }
  }

  /** One line of printable ASCII (header values are Latin-1 on the wire; CR/LF would split the header). */
  static String headerSafe(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 2000));
    for (int i = 0; i < s.length() && sb.length() < 2000; i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : (c == '\n' || c == '\r' || c == '\t' ? ' ' : '?'));
    }
    return sb.toString().trim();
  }

  static HttpError notFound(String path) {
    return new HttpError(404, "E0301", "Invalid resource [" + path + "]: the API is under /oozie/v2/ "
        + "(jobs, job/<id>, admin/status, events), metrics at /metrics");
  }

  /** A 405 naming the methods allowed unless {@code method} is one of them. */
  static void allow(String method, String... allowed) {
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    throw new HttpError(405, "E0301", "method " + method + " is not allowed here: use " + String.join(" or ", allowed))
        .allow(String.join(", ", allowed) + ", OPTIONS");
  }

  /**
   * A job's console URL: the configured one, else {@code http://<Host header>/oozie?job=<id>} (a Host header that
   * is not a plain host[:port] is replaced by the address the request came in on).
   */
  static Function<String, String> consoleUrl(HttpExchange ex, Function<String, String> configured) {
    if (configured != null) {
      return configured;
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null || !host.matches("[A-Za-z0-9.\\-:\\[\\]]+")) {
      InetSocketAddress a = ex.getLocalAddress();
      host = a.getAddress().getHostAddress() + ":" + a.getPort();
    }
    String base = "http://" + host + "/oozie?job=";
    return id -> base + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
