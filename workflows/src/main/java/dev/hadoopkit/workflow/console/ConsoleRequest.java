package dev.hadoopkit.workflow.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request to the console: its query, its form fields (url-encoded or multipart) and its cookies. */
final class ConsoleRequest {
  /** Bigger than any job.properties; a larger upload is refused, not truncated. */
  static final int MAX_BODY = 1 << 20;

  private final HttpExchange exchange;
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private Map<String, List<String>> form;

  ConsoleRequest(HttpExchange exchange) {
    this.exchange = exchange;
    this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    this.path = exchange.getRequestURI().getPath();
    this.query = decodePairs(exchange.getRequestURI().getRawQuery());
  }

  HttpExchange exchange() {
    return exchange;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  boolean isPost() {
    return method.equals("POST");
  }

  /** The first value of a query parameter, or null. */
  String query(String name) {
    return first(query, name);
  }

  int queryInt(String name, int dflt) {
    String value = query(name);
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConsoleException(400, "Invalid " + name + ", an integer is expected: " + value);
    }
  }

  /** The first value of a form field (POST body), or null. */
  String form(String name) throws IOException {
    return first(form(), name);
  }

  List<String> formAll(String name) throws IOException {
    return form().getOrDefault(name, List.of());
  }

  private Map<String, List<String>> form() throws IOException {
    if (form != null) {
      return form;
    }
    if (!isPost()) {
      form = Map.of();
      return form;
    }
    byte[] body = body();
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("multipart/form-data")) {
      form = Multipart.parse(body, type);
    } else {
      form = decodePairs(new String(body, StandardCharsets.ISO_8859_1));
    }
    return form;
  }

  private byte[] body() throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] data = in.readNBytes(MAX_BODY + 1);
      if (data.length > MAX_BODY) {
        throw new ConsoleException(413, "The form is larger than " + (MAX_BODY >> 10) + " KB");
      }
      return data;
    }
  }

  String cookie(String name) {
    List<String> headers = exchange.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return null;
    }
    for (String header : headers) {
      for (String part : header.split(";")) {
        String p = part.trim();
        if (p.startsWith(name + "=")) {
          return p.substring(name.length() + 1);
        }
      }
    }
    return null;
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /**
   * Whether a POST comes from a page of this console. Browsers send {@code Origin} (and {@code Sec-Fetch-Site}) on
   * form posts; a page of another site posting here (CSRF: any web page can post a form to 127.0.0.1) shows another
   * origin. Clients that send neither (curl, scripts) are not browsers riding on a user's session.
   */
  boolean isSameOrigin() {
    String fetchSite = header("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return false;
    }
    String origin = header("Origin");
    if (origin == null) {
      return true;
    }
    String host = header("Host");
    try {
      return host != null && !origin.equals("null") && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String first(Map<String, List<String>> map, String name) {
    List<String> values = map.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, List<String>> decodePairs(String raw) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return map;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      map.computeIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), k -> new ArrayList<>())
          .add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return map;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ConsoleException(400, "Invalid %-escape in the request: " + text);
    }
  }
}
