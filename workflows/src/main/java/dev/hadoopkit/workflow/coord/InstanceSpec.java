package dev.hadoopkit.workflow.coord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code <instance>} (or range end) pre-parsed once per job, so materializing an action evaluates no EL for the
 * usual forms: {@code ${coord:current(n)}}, {@code ${coord:offset(n, 'UNIT')}}, {@code ${coord:absolute('date')}},
 * {@code ${coord:latest(n)}}, {@code ${coord:future(n, limit)}} and a literal date. Anything else is evaluated per
 * action in the action-create phase.
 */
sealed interface InstanceSpec {
  Pattern CURRENT = Pattern.compile("\\$\\{\\s*coord:current\\(\\s*(-?\\d+)\\s*\\)\\s*}");
  Pattern LATEST = Pattern.compile("\\$\\{\\s*coord:latest\\(\\s*(-?\\d+)\\s*\\)\\s*}");
  Pattern FUTURE = Pattern.compile("\\$\\{\\s*coord:future\\(\\s*(-?\\d+)\\s*,\\s*(\\d+)\\s*\\)\\s*}");
  Pattern OFFSET = Pattern.compile("\\$\\{\\s*coord:offset\\(\\s*(-?\\d+)\\s*,\\s*['\"](\\w+)['\"]\\s*\\)\\s*}");
  Pattern ABSOLUTE = Pattern.compile("\\$\\{\\s*coord:absolute\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*}");
  Pattern LATEST_RANGE = Pattern.compile("\\$\\{coord:latestRange\\((-?\\d+), (-?\\d+)\\)}");
  Pattern FUTURE_RANGE = Pattern.compile("\\$\\{coord:futureRange\\((\\d+), (\\d+), (\\d+)\\)}");
  Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(Z|[+-]\\d{2}:?\\d{2})");

  /** The EL function family, for the rule that both ends of a range use the same one. */
  default String kind() {
    if (this instanceof Current) {
      return "current";
    }
    if (this instanceof Offset) {
      return "offset";
    }
    if (this instanceof Latest) {
      return "latest";
    }
    if (this instanceof Future) {
      return "future";
    }
    return "absolute"; // Absolute and Fixed; Expression overrides
  }

  record Current(int n) implements InstanceSpec {
  }

  record Offset(int n, String unit) implements InstanceSpec {
  }

  record Absolute(String date) implements InstanceSpec {
  }

  record Latest(int n) implements InstanceSpec {
  }

  record Future(int n, int limit) implements InstanceSpec {
  }

  /** A fixed date written as is. */
  record Fixed(String date) implements InstanceSpec {
  }

  /** Any other expression, evaluated for each action. */
  record Expression(String text) implements InstanceSpec {
    @Override
    public String kind() {
      String t = text.replaceAll("\\s", "");
      for (String kind : new String[] {"latest", "future", "offset", "absolute", "current"}) {
        if (t.contains("coord:" + kind + "(") || t.contains("coord:" + kind + "Range(")) {
          return kind;
        }
      }
      return "expression";
    }
  }

  static InstanceSpec parse(String raw) {
    String text = raw.trim();
    Matcher m;
    if ((m = CURRENT.matcher(text)).matches()) {
      return new Current(Integer.parseInt(m.group(1)));
    }
    if ((m = LATEST.matcher(text)).matches()) {
      return new Latest(Integer.parseInt(m.group(1)));
    }
    if ((m = FUTURE.matcher(text)).matches()) {
      return new Future(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if ((m = OFFSET.matcher(text)).matches()) {
      return new Offset(Integer.parseInt(m.group(1)), m.group(2).toUpperCase(java.util.Locale.ROOT));
    }
    if ((m = ABSOLUTE.matcher(text)).matches()) {
      return new Absolute(m.group(1));
    }
    if (DATE.matcher(text).matches()) {
      return new Fixed(text);
    }
    return new Expression(text);
  }

  /** True when the text holds a comma outside ${…}: more than one instance in one element (E1021 in Oozie). */
  static boolean hasStaticComma(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        return true;
      }
    }
    return false;
  }
}
