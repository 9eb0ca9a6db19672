package dev.hadoopkit.workflow.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How the console answers: pages with a strict content security policy, redirects after posts, flash messages. */
final class Responses {
  static final String FLASH_COOKIE = "hk_flash";
  /**
   * Scripts and styles only from the console's own files (no inline script can run, even if escaping failed
   * somewhere); data: for the favicon-free SVG; the event stream and the graph refetch are same-origin.
   */
  private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private Responses() {
  }

  static void html(HttpExchange exchange, int status, String page) throws IOException {
    exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    exchange.getResponseHeaders().set("Referrer-Policy", "same-origin");
    send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), "no-store");
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body, String cacheControl)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", cacheControl);
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  /** 303 See Other: after a POST the browser GETs the page again (reload does not repeat the post). */
  static void redirect(HttpExchange exchange, String location, Flash flash) throws IOException {
    if (flash != null) {
      exchange.getResponseHeaders().add("Set-Cookie", FLASH_COOKIE + "=" + flash.encode()
          + "; Path=/; Max-Age=60; HttpOnly; SameSite=Strict");
    }
    exchange.getResponseHeaders().set("Location", location);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(303, -1);
  }

  /** A one-time message shown on the page a POST redirects to. */
  record Flash(boolean error, String message) {
    static Flash ok(String message) {
      return new Flash(false, message);
    }

    static Flash error(String message) {
      return new Flash(true, message);
    }

    String encode() {
      return URLEncoder.encode((error ? "E:" : "I:") + message, StandardCharsets.UTF_8);
    }

    /** The flash of a request (null when none or unreadable); the page clears the cookie when it shows it. */
    static Flash read(ConsoleRequest request, HttpExchange exchange) {
      String raw = request.cookie(FLASH_COOKIE);
      if (raw == null || raw.isEmpty()) {
        return null;
      }
      exchange.getResponseHeaders().add("Set-Cookie", FLASH_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
      try {
        String text = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (text.length() < 2) {
          return null;
        }
        return new Flash(text.startsWith("E:"), text.substring(2));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
