package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.coord.time.Frequency;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Element;

/**
 * The values of one coordinator parse: texts evaluated with the job's properties in an EL phase, and the typed
 * attributes (frequency, dates, time zone, whole numbers) with their E1003 checks. In lenient mode (validation
 * without job properties) a text that uses undefined variables gives null and its variables are collected.
 */
final class CoordValues {
  private final Map<String, String> conf;
  private final boolean lenient;
  private final Set<String> undefined = new TreeSet<>();

  CoordValues(Map<String, String> conf, boolean lenient) {
    this.conf = conf;
    this.lenient = lenient;
  }

  Map<String, String> conf() {
    return conf;
  }

  boolean lenient() {
    return lenient;
  }

  /** The variables used but defined nowhere (lenient mode only). */
  Set<String> undefined() {
    return undefined;
  }

  /** Evaluates in a phase; in lenient mode a text using undefined variables gives null (its checks are skipped). */
  String value(String text, Phase phase, Location where, String what) throws WorkflowException {
    CoordElContext context = new CoordElContext(phase, conf);
    if (lenient) {
      Set<String> missing = CoordEl.missingVariables(text, context);
      if (!missing.isEmpty()) {
        undefined.addAll(missing);
        return null;
      }
    }
    return CoordEl.evaluate(text, context, where, what).trim();
  }

  /** Checks that a text evaluates in {@code context} (in lenient mode, unless it uses undefined variables). */
  void check(String text, CoordElContext context, Location where, String what) throws WorkflowException {
    if (lenient) {
      Set<String> missing = CoordEl.missingVariables(text, context);
      if (!missing.isEmpty()) {
        undefined.addAll(missing);
        return;
      }
    }
    CoordEl.evaluate(text, context, where, what);
  }

  Frequency frequency(Element element, Location where, String what, boolean cronAllowed) throws WorkflowException {
    String raw = element.getAttribute("frequency");
    String text = value(raw, Phase.FREQUENCY, where, what);
    if (text == null) {
      return null;
    }
    Frequency frequency;
    try {
      frequency = Frequency.parse(text);
    } catch (IllegalArgumentException e) {
      throw new WorkflowException(ErrorCode.E1003, where, "invalid " + what + " '" + raw + "': " + e.getMessage()
          + ". Use ${coord:minutes(n)}, ${coord:hours(n)}, ${coord:days(n)}, ${coord:months(n)}, their endOf"
          + " forms, a number of minutes or a cron expression such as '0 1 * * *'.");
    }
    if (!cronAllowed && frequency instanceof Frequency.Cron) {
      throw new WorkflowException(ErrorCode.E1003, where, "invalid " + what + " '" + raw + "': a dataset"
          + " frequency must be a fixed interval, not a cron expression. Use ${coord:hours(1)}, ${coord:days(1)}…");
    }
    if (frequency.minimumInterval().compareTo(CoordinatorParser.MINIMUM_FREQUENCY) < 0) {
      throw new WorkflowException(ErrorCode.E1003, where, what + " '" + raw + "' is faster than the allowed"
          + " minimum of 1 minute. Use a frequency of at least ${coord:minutes(1)}.");
    }
    return frequency;
  }

  Instant date(Element element, String attribute, Phase phase, Location where) throws WorkflowException {
    String raw = element.getAttribute(attribute);
    String text = value(raw, phase, where, "the " + attribute + " attribute");
    if (text == null) {
      return null;
    }
    try {
      return CoordTimes.parse(text);
    } catch (RuntimeException e) {
      throw new WorkflowException(ErrorCode.E1003, where, "invalid " + attribute + " '" + text + "': "
          + e.getMessage() + ". Write dates as Oozie does, in UTC: yyyy-MM-ddTHH:mmZ (e.g. 2009-01-01T01:00Z).");
    }
  }

  ZoneId zone(Element element, Location where) throws WorkflowException {
    String raw = element.getAttribute("timezone");
    String text = value(raw, Phase.NOFUNCS, where, "the timezone attribute");
    if (text == null) {
      return ZoneId.of("UTC");
    }
    try {
      return CoordTimes.zone(text);
    } catch (RuntimeException e) {
      throw new WorkflowException(ErrorCode.E1003, where, "invalid timezone '" + text + "': " + e.getMessage()
          + ". Use UTC, GMT[+-]hh:mm or a zone id such as America/Los_Angeles.");
    }
  }

  long integer(String text, String what, Location where, String expected) throws WorkflowException {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new WorkflowException(ErrorCode.E1003, where, "invalid " + what + " '" + text + "': expected "
          + expected + ".");
    }
  }
}
