package dev.hadoopkit.workflow.server;

import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.Views;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Query string parsing and Oozie's small parameter languages (filters, -change values, action scopes). */
final class Params {
  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  static Params parse(String rawQuery) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        map.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    return new Params(map);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "E0302", "the query string has a malformed %-escape in '" + s + "'");
    }
  }

  /** The first value, or null. */
  String get(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** An integer parameter; absent or empty = {@code dflt}; anything else than an integer is a 400 naming it. */
  int integer(String name, int dflt) {
    String v = get(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw HttpError.badParam(name, v, "an integer is expected");
    }
  }

  /** {@code true}/{@code false} (absent = false). */
  boolean bool(String name) {
    String v = get(name);
    if (v == null || v.isBlank()) {
      return false;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw HttpError.badParam(name, v, "true or false is expected");
    };
  }

  /**
   * Oozie's filter {@code name1=value1;name2=value2;name1=value3} (also {@code ,}-free values): names lower-cased,
   * repeated names collect their values in order.
   */
  static Map<String, List<String>> filter(String param, String text, String code) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return map;
    }
    for (String token : text.split(";")) {
      if (token.isBlank()) {
        continue;
      }
      int eq = token.indexOf('=');
      if (eq <= 0) {
        throw new HttpError(400, code, "Invalid " + param + " [" + text + "], element '" + token.trim()
            + "' is not name=value (e.g. status=RUNNING;name=daily)");
      }
      String name = token.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (name.endsWith("!") || name.endsWith("<") || name.endsWith(">")) {
        throw new HttpError(400, code, "Invalid " + param + " [" + text + "], operator in '" + token.trim()
            + "' is not supported: only name=value");
      }
      map.computeIfAbsent(name, x -> new ArrayList<>()).add(token.substring(eq + 1).trim());
    }
    return map;
  }

  /** Oozie's -change value {@code endtime=…;concurrency=…;pausetime=…}; names lower-cased. */
  static Map<String, String> changeValue(String text) {
    if (text == null || text.isBlank()) {
      throw HttpError.missingParam("value",
          "-change needs -value 'endtime=2026-01-01T00:00Z;concurrency=2;pausetime=…'");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (String token : text.split(";")) {
      if (token.isBlank()) {
        continue;
      }
      int eq = token.indexOf('=');
      if (eq <= 0) {
        throw HttpError.badParam("value", text, "each element is name=value: endtime, concurrency, pausetime or status");
      }
      map.put(token.substring(0, eq).trim().toLowerCase(Locale.ROOT), token.substring(eq + 1).trim());
    }
    return map;
  }

  /** {@code type=action|date} with {@code scope}; neither = the whole job. */
  ActionSelection selection() {
    String type = get("type");
    String scope = get("scope");
    if (type == null || type.isBlank()) {
      if (scope != null && !scope.isBlank()) {
        throw HttpError.missingParam("type", "a scope needs type=action (1,3-4) or type=date (…::…)");
      }
      return ActionSelection.ALL;
    }
    String t = type.trim().toLowerCase(Locale.ROOT);
    if (!t.equals("action") && !t.equals("date")) {
      throw HttpError.badParam("type", type, "action or date is expected");
    }
    return new ActionSelection(t, scope == null || scope.isBlank() ? null : scope.trim());
  }

  /** Whether a coordinator action falls in a selection ({@code 1,3-5} or {@code date::date,date}). */
  static boolean selects(ActionSelection sel, Views.CoordAction a) {
    if (sel.isAll()) {
      return true;
    }
    try {
      for (String part : sel.scope().split(",")) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        if ("action".equals(sel.type())) {
          int dash = p.indexOf('-');
          int from = Integer.parseInt((dash < 0 ? p : p.substring(0, dash)).trim());
          int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
          if (a.actionNumber() >= from && a.actionNumber() <= to) {
            return true;
          }
        } else if (a.nominalTime() != null) {
          int sep = p.indexOf("::");
          Instant from = instant(sep < 0 ? p : p.substring(0, sep));
          Instant to = sep < 0 ? from : instant(p.substring(sep + 2));
          if (!a.nominalTime().isBefore(from) && !a.nominalTime().isAfter(to)) {
            return true;
          }
        }
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return true; // the backend accepted the scope; when we cannot read it, do not hide its actions
    }
    return false;
  }

  private static Instant instant(String s) {
    String t = s.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(t).toInstant();
    }
  }
}
