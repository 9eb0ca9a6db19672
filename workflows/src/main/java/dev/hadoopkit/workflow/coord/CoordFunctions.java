package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.coord.time.FrequencyFunctions;
import dev.hadoopkit.workflow.el.ElEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Oozie's {@code coord:} EL functions, bound by {@link ElEvaluator} ({@code coord_current} is {@code coord:current}).
 * Each works in the phases where Oozie's tables (oozie-default.xml, {@code oozie.service.ELService.functions.coord-*})
 * have it; in a check phase it validates and echoes itself, elsewhere it says where it may be used.
 */
public final class CoordFunctions {
  private static final Set<Phase> FREQUENCY = EnumSet.of(Phase.FREQUENCY, Phase.TIMEOUT);
  private static final Set<Phase> INSTANCES = EnumSet.of(Phase.INSTANCES_CHECK, Phase.ACTION_CREATE);
  private static final Set<Phase> DATA = EnumSet.of(Phase.DATA_CHECK, Phase.SLA_CHECK, Phase.ACTION_START,
      Phase.SLA_CREATE);
  private static final Set<Phase> DATES = EnumSet.of(Phase.INITIAL_INSTANCE, Phase.INSTANCES_CHECK,
      Phase.ACTION_CREATE, Phase.DATA_CHECK, Phase.SLA_CHECK, Phase.ACTION_START, Phase.SLA_CREATE);

  private CoordFunctions() {
  }

  static CoordElContext context() {
    CoordElContext context = ElEvaluator.currentScope().extension(CoordElContext.class);
    if (context == null) {
      throw new IllegalStateException("coord: functions are only available in coordinator applications");
    }
    return context;
  }

  private static CoordElContext allowed(String function, Set<Phase> phases) {
    CoordElContext context = context();
    if (!phases.contains(context.phase)) {
      throw new IllegalArgumentException("coord:" + function + "() cannot be used in " + context.phase.where()
          + " (Oozie allows it only in " + describe(phases) + ")");
    }
    return context;
  }

  private static String describe(Set<Phase> phases) {
    if (phases.equals(FREQUENCY)) {
      return "frequency and timeout";
    }
    if (phases.equals(INSTANCES)) {
      return "<instance>, <start-instance> and <end-instance>";
    }
    if (phases.equals(DATA)) {
      return "the action's <configuration> and <sla:info>";
    }
    return "instances, the action's <configuration> and <sla:info>";
  }

  // ---- frequencies: a frequency text at submission; minutes in <timeout>

  public static String coord_minutes(int n) {
    allowed("minutes", FREQUENCY);
    return FrequencyFunctions.coord_minutes(n);
  }

  public static String coord_hours(int n) {
    return context().phase == Phase.TIMEOUT ? String.valueOf(n * 60L) : frequency("hours",
        FrequencyFunctions.coord_hours(n));
  }

  public static String coord_days(int n) {
    return context().phase == Phase.TIMEOUT ? String.valueOf(n * 1440L) : frequency("days",
        FrequencyFunctions.coord_days(n));
  }

  public static String coord_months(int n) {
    return context().phase == Phase.TIMEOUT ? String.valueOf(n * 43200L) : frequency("months",
        FrequencyFunctions.coord_months(n));
  }

  public static String coord_endOfDays(int n) {
    allowed("endOfDays", EnumSet.of(Phase.FREQUENCY));
    return FrequencyFunctions.coord_endOfDays(n);
  }

  public static String coord_endOfWeeks(int n) {
    allowed("endOfWeeks", EnumSet.of(Phase.FREQUENCY));
    return FrequencyFunctions.coord_endOfWeeks(n);
  }

  public static String coord_endOfMonths(int n) {
    allowed("endOfMonths", EnumSet.of(Phase.FREQUENCY));
    return FrequencyFunctions.coord_endOfMonths(n);
  }

  private static String frequency(String function, String text) {
    allowed(function, FREQUENCY);
    return text;
  }

  // ---- job identity and properties: every phase

  public static String coord_conf(String name) {
    String value = context().conf.get(name);
    return value == null ? "" : value;
  }

  public static String coord_user() {
    return context().user();
  }

  public static String coord_name() {
    CoordElContext context = allowed("name", DATA);
    return context.phase.isCheck() || context.identity == null ? "${coord:name()}" : context.identity.name();
  }

  /** The coordinator job id ({@code 0000001-…-C}). */
  public static String coord_id() {
    CoordElContext context = allowed("id", DATA);
    return context.phase.isCheck() || context.identity == null ? "${coord:id()}" : context.identity.jobId();
  }

  /** The action id, {@code <job id>@<n>}. */
  public static String coord_actionId() {
    CoordElContext context = allowed("actionId", DATA);
    if (context.phase.isCheck() || context.identity == null) {
      return "${coord:actionId()}";
    }
    return context.identity.actionId(actionNumber(context));
  }

  private static int actionNumber(CoordElContext context) {
    return context.actionNumber;
  }

  // ---- dataset instances

  public static String coord_current(int n) {
    CoordElContext context = allowed("current", INSTANCES);
    if (context.phase == Phase.INSTANCES_CHECK) {
      return "${coord:current(" + n + ")}";
    }
    return context.dataset.calendar().current(context.nominalTime, n).map(CoordTimes::format).orElse("");
  }

  public static String coord_currentRange(int start, int end) {
    CoordElContext context = allowed("currentRange", INSTANCES);
    if (context.phase == Phase.INSTANCES_CHECK) {
      return "${coord:currentRange(" + start + ", " + end + ")}";
    }
    List<String> out = new ArrayList<>();
    for (int i = end; i >= start; i--) {
      context.dataset.calendar().current(context.nominalTime, i).map(CoordTimes::format).ifPresent(out::add);
    }
    return String.join(",", out);
  }

  public static String coord_offset(int n, String unit) {
    CoordElContext context = allowed("offset", INSTANCES);
    String normalized = unit == null ? "" : unit.trim().toUpperCase(java.util.Locale.ROOT);
    if (!List.of("MINUTE", "HOUR", "DAY", "MONTH", "YEAR").contains(normalized)) {
      throw new IllegalArgumentException("coord:offset(" + n + ", '" + unit + "'): the unit must be one of"
          + " MINUTE, HOUR, DAY, MONTH, YEAR");
    }
    if (context.phase == Phase.INSTANCES_CHECK) {
      return "${coord:offset(" + n + ", '" + normalized + "')}";
    }
    return context.dataset.calendar().offset(context.nominalTime, n, normalized).map(CoordTimes::format).orElse("");
  }

  public static String coord_absolute(String date) {
    CoordElContext context = allowed("absolute", INSTANCES);
    Instant instant = CoordTimes.parse(date);
    if (context.phase == Phase.INSTANCES_CHECK) {
      return "${coord:absolute('" + date + "')}";
    }
    return CoordTimes.format(context.dataset.calendar().absolute(instant));
  }

  public static String coord_latest(int n) {
    allowed("latest", INSTANCES);
    if (n > 0) {
      throw new IllegalArgumentException("coord:latest(" + n + "): n must be 0 or negative (latest(0) is the newest"
          + " available instance)");
    }
    return "${coord:latest(" + n + ")}";
  }

  public static String coord_latestRange(int start, int end) {
    allowed("latestRange", INSTANCES);
    if (start > 0 || end > 0) {
      throw new IllegalArgumentException("coord:latestRange(" + start + ", " + end + "): offsets must be <= 0");
    }
    return "${coord:latestRange(" + start + ", " + end + ")}";
  }

  public static String coord_future(int n, int limit) {
    allowed("future", INSTANCES);
    if (n < 0 || limit <= 0) {
      throw new IllegalArgumentException("coord:future(" + n + ", " + limit + "): n must be >= 0 and the limit > 0");
    }
    return "${coord:future(" + n + ", " + limit + ")}";
  }

  public static String coord_futureRange(int start, int end, int limit) {
    allowed("futureRange", INSTANCES);
    if (start < 0 || end < 0 || limit <= 0) {
      throw new IllegalArgumentException("coord:futureRange(" + start + ", " + end + ", " + limit
          + "): offsets must be >= 0 and the limit > 0");
    }
    return "${coord:futureRange(" + start + ", " + end + ", " + limit + ")}";
  }

  public static int coord_hoursInDay(int n) {
    CoordElContext context = allowed("hoursInDay", INSTANCES);
    if (context.phase == Phase.INSTANCES_CHECK) {
      return 24;
    }
    Optional<Instant> instance = context.dataset.calendar().current(context.nominalTime, n);
    if (instance.isEmpty()) {
      return -1;
    }
    LocalDate day = instance.get().atZone(context.dataset.timezone()).toLocalDate();
    ZonedDateTime from = day.atStartOfDay(context.dataset.timezone());
    ZonedDateTime to = day.plusDays(1).atStartOfDay(context.dataset.timezone());
    return (int) Duration.between(from, to).toHours();
  }

  public static int coord_daysInMonth(int n) {
    CoordElContext context = allowed("daysInMonth", INSTANCES);
    if (context.phase == Phase.INSTANCES_CHECK) {
      return 30;
    }
    Optional<Instant> instance = context.dataset.calendar().current(context.nominalTime, n);
    return instance.map(i -> YearMonth.from(i.atZone(context.dataset.timezone())).lengthOfMonth()).orElse(-1);
  }

  /** Minutes between the dataset's timezone and the coordinator's at the nominal time. */
  public static int coord_tzOffset() {
    CoordElContext context = allowed("tzOffset", INSTANCES);
    if (context.phase == Phase.INSTANCES_CHECK || context.dataset == null) {
      return 0;
    }
    int dataset = context.dataset.timezone().getRules().getOffset(context.nominalTime).getTotalSeconds();
    int coordinator = context.coordinatorZone.getRules().getOffset(context.nominalTime).getTotalSeconds();
    return (dataset - coordinator) / 60;
  }

  // ---- action data and times

  public static String coord_dataIn(String name) {
    CoordElContext context = allowed("dataIn", EnumSet.of(Phase.DATA_CHECK, Phase.ACTION_START));
    if (context.phase == Phase.DATA_CHECK) {
      if (!context.dataInNames.contains(name)) {
        throw new IllegalArgumentException("coord:dataIn('" + name + "'): no <data-in> or named <input-logic>"
            + " node of that name (known: " + String.join(", ", context.dataInNames) + ")");
      }
      return "${coord:dataIn('" + name + "')}";
    }
    List<String> uris = context.inputs.get(name);
    if (uris == null) {
      throw new IllegalArgumentException("coord:dataIn('" + name + "'): no data-in of that name");
    }
    return String.join(",", uris);
  }

  public static String coord_dataOut(String name) {
    CoordElContext context = allowed("dataOut", DATA);
    if (context.phase.isCheck()) {
      if (!context.dataOutNames.contains(name)) {
        throw new IllegalArgumentException("coord:dataOut('" + name + "'): no <data-out> of that name (known: "
            + String.join(", ", context.dataOutNames) + ")");
      }
      return "${coord:dataOut('" + name + "')}";
    }
    List<String> uris = context.outputs.get(name);
    if (uris == null) {
      throw new IllegalArgumentException("coord:dataOut('" + name + "'): no data-out of that name");
    }
    return String.join(",", uris);
  }

  public static String coord_nominalTime() {
    CoordElContext context = allowed("nominalTime", DATA);
    return context.phase.isCheck() ? "2009-01-01T00:00Z" : CoordTimes.format(context.nominalTime);
  }

  public static String coord_actualTime() {
    CoordElContext context = allowed("actualTime", DATA);
    if (context.phase.isCheck()) {
      return "2009-01-01T00:00Z";
    }
    return CoordTimes.format(context.actualTime != null ? context.actualTime : context.nominalTime);
  }

  public static String coord_formatTime(String dateTime, String pattern) {
    allowed("formatTime", DATES);
    return CoordTimes.formatTime(dateTime, pattern);
  }

  public static String coord_dateOffset(String dateTime, int offset, String unit) {
    allowed("dateOffset", DATES);
    return CoordTimes.dateOffset(dateTime, offset, unit);
  }

  public static String coord_dateTzOffset(String dateTime, String timezone) {
    allowed("dateTzOffset", DATES);
    return CoordTimes.dateTzOffset(dateTime, timezone);
  }

  public static String coord_epochTime(String dateTime, String millis) {
    allowed("epochTime", DATES);
    return CoordTimes.epochTime(dateTime, Boolean.parseBoolean(millis == null ? "false" : millis.trim()));
  }

  // ---- bundles

  public static String bundle_conf(String name) {
    String value = context().conf.get(name);
    return value == null ? "" : value;
  }
}
