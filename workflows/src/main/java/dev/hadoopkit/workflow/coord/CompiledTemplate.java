package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.coord.time.UriTemplates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dataset URI template split once into literal text and date fields, resolved per instance without regex or
 * String.format: the same result as {@link UriTemplates#resolve(String, Instant)} (Oozie 5.2 takes the fields in its
 * processing zone, UTC), at a fraction of the cost, for materializing thousands of actions.
 */
final class CompiledTemplate {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*(YEAR|MONTH|DAY|HOUR|MINUTE)\\s*}");

  private final List<String> literals = new ArrayList<>();
  private final List<String> fields = new ArrayList<>();
  private final int length;

  CompiledTemplate(String template) {
    Matcher m = VARIABLE.matcher(template);
    int at = 0;
    while (m.find()) {
      literals.add(template.substring(at, m.start()));
      fields.add(m.group(1));
      at = m.end();
    }
    literals.add(template.substring(at));
    length = template.length() + 8;
  }

  String resolve(Instant instance) {
    if (fields.isEmpty()) {
      return literals.get(0);
    }
    ZonedDateTime t = instance.atZone(ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < fields.size(); i++) {
      out.append(literals.get(i));
      switch (fields.get(i)) {
        case "YEAR" -> pad(out, t.getYear(), 4);
        case "MONTH" -> pad(out, t.getMonthValue(), 2);
        case "DAY" -> pad(out, t.getDayOfMonth(), 2);
        case "HOUR" -> pad(out, t.getHour(), 2);
        default -> pad(out, t.getMinute(), 2);
      }
    }
    return out.append(literals.get(fields.size())).toString();
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
