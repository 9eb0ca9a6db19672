package dev.hadoopkit.workflow.console;

import dev.hadoopkit.workflow.server.OozieHttpServer;

/**
 * {@code /login}: when the daemon listens beyond loopback its mutating requests need the server token. The user
 * types it once; the server has checked it (its guard accepts a {@code token} form field) before this page sets it
 * as the {@code hk_token} cookie — HttpOnly (no script reads it) and SameSite=Strict (no other site's form sends it),
 * which the REST API accepts from same-origin pages.
 */
final class LoginPage {
  private static final String TOKEN_CHARACTERS = "[A-Za-z0-9._~+/=-]{1,512}";

  String form(Layout.Frame frame, boolean tokenRequired, String next) {
    Html h = new Html();
    h.element("h1", "Log in").line();
    if (!tokenRequired) {
      h.element("p", "This server listens on loopback only and needs no token: every control works as is.");
      return Layout.page(frame, "Log in", "", Layout.Live.NONE, h);
    }
    h.element("p", "Paste the server token (the file server.token in the daemon's state directory).",
        "class", "muted");
    h.open("form", "method", "post", "action", "/login", "class", "login");
    h.empty("input", "type", "hidden", "name", "next", "value", safeNext(next));
    h.open("label").text("Token ");
    h.empty("input", "type", "password", "name", "token", "id", "token", "size", "50", "autocomplete", "off");
    h.close("label");
    h.element("button", "Log in", "type", "submit", "id", "login");
    h.close("form");
    return Layout.page(frame, "Log in", "", Layout.Live.NONE, h);
  }

  /** The Set-Cookie value for a token the server's guard accepted. */
  static String cookie(String token) {
    if (token == null || !token.trim().matches(TOKEN_CHARACTERS)) {
      throw new ConsoleException(400, "Invalid token: it is the one line of the daemon's server.token file");
    }
    return OozieHttpServer.TOKEN_COOKIE + "=" + token.trim() + "; Path=/; HttpOnly; SameSite=Strict";
  }

  static String clearCookie() {
    return OozieHttpServer.TOKEN_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
  }

  /** Only a path of this console: an absolute URL (or {@code //host}) here would be an open redirect. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return next;
  }
}
