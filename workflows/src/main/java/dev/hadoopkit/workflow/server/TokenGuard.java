package dev.hadoopkit.workflow.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The token rule: with a {@link ServerToken}, mutating requests (POST, PUT, DELETE) must carry it as {@code
 * Authorization: Bearer}, a {@code token} parameter, or the {@value OozieHttpServer#TOKEN_COOKIE} cookie of a
 * same-origin page. Without a token every request passes (a loopback bind).
 */
final class TokenGuard {
  /** A log-in form is a few hundred bytes; a bigger body is not searched for a token. */
  private static final int FORM_TOKEN_MAX_BODY = 64 << 10;

  private final ServerToken token;

  /** {@code token} may be null: nothing is checked. */
  TokenGuard(ServerToken token) {
    this.token = token;
  }

  /** Throws a 401 (or a 403 for a cross-origin cookie) unless the request may go on. */
  void authorize(HttpExchange ex, Params q) {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    if (token == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && token.matches(auth.substring(7))) {
      return;
    }
    if (token.matches(q.get("token"))) {
      return;
    }
    String cookie = cookie(ex, OozieHttpServer.TOKEN_COOKIE);
    if (token.matches(cookie)) {
      checkSameOrigin(ex);
      return;
    }
    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"hadoopkit\"");
    throw new HttpError(401, "E0501", (auth == null && q.get("token") == null && cookie == null ? "missing" : "wrong")
        + " token: this server needs one for " + method + " requests; send the header 'Authorization: Bearer <token>'"
        + " (oozie CLI: java -Dheader:Authorization='Bearer <token>'), the token is in the daemon's "
        + ServerToken.FILE_NAME);
  }

  /** A cookie rides along on cross-site form posts too: only same-origin pages may use it. */
  private static void checkSameOrigin(HttpExchange ex) {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    String host = ex.getRequestHeaders().getFirst("Host");
    if (origin == null || origin.equals("null") || host == null) {
      return;
    }
    String originHost;
    try {
      originHost = URI.create(origin).getRawAuthority();
    } catch (IllegalArgumentException e) {
      originHost = null;
    }
    if (!host.equalsIgnoreCase(originHost)) {
      throw new HttpError(403, "E0501", "a request from origin " + origin + " may not use the "
          + OozieHttpServer.TOKEN_COOKIE + " cookie of " + host);
    }
  }

  /**
   * Another engineer's handler, with the token rule for its mutating requests too. An HTML form cannot set a header,
   * so a url-encoded form POST may also carry the token as its {@code token} field (the console's log-in form); the
   * body is read here and handed on unchanged.
   */
  HttpHandler guarded(HttpHandler h) {
    return ex -> {
      try {
        authorize(ex, Params.parse(ex.getRequestURI().getRawQuery()));
      } catch (HttpError e) {
        if (!formToken(ex)) {
          try (ex) {
            Exchanges.sendError(ex, e.status(), e.code(), e.getMessage());
          }
          return;
        }
        ex.getResponseHeaders().remove("WWW-Authenticate");
      }
      h.handle(ex);
    };
  }

  /** Whether a url-encoded form POST carries the token in its {@code token} field (its body stays readable). */
  private boolean formToken(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (token == null || !ex.getRequestMethod().equalsIgnoreCase("POST") || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(FORM_TOKEN_MAX_BODY + 1);
    }
    ex.setStreams(new ByteArrayInputStream(body), null);
    if (body.length > FORM_TOKEN_MAX_BODY) {
      return false;
    }
    try {
      return token.matches(Params.parse(new String(body, StandardCharsets.ISO_8859_1)).get("token"));
    } catch (HttpError malformed) {
      return false;
    }
  }

  private static String cookie(HttpExchange ex, String name) {
    List<String> headers = ex.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return null;
    }
    for (String h : headers) {
      for (String part : h.split(";")) {
        String p = part.trim();
        if (p.startsWith(name + "=")) {
          return p.substring(name.length() + 1);
        }
      }
    }
    return null;
  }
}
