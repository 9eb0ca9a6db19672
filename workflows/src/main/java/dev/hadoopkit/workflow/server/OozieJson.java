package dev.hadoopkit.workflow.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hadoopkit.workflow.server.api.JobType;
import dev.hadoopkit.workflow.server.api.Views;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders {@link Views} with exactly the field names of Oozie's {@code JsonTags} and the JSON types its
 * {@code JsonToBean} casts to: strings, integers (never floats), dates as RFC 822 GMT strings, {@code conf} as a
 * Hadoop configuration XML string, enum-valued fields (status, timeUnit, executionPolicy) as one of the client's
 * enum names. Fields of ours that Oozie does not have ({@code waitReason}, {@code sla}, ...) are added, never
 * replace one of Oozie's. {@code <}, {@code >}, {@code &} and {@code '} are escaped as JSON unicode escapes so a value can
 * never end a {@code <script>} block of a console page that inlines the JSON.
 */
public final class OozieJson {
  /** Oozie's JsonUtils format: {@code EEE, dd MMM yyyy HH:mm:ss zzz} in GMT, Locale.US. */
  public static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  /** The enum constants of the Oozie 5.2.1 client: any other value makes its {@code Enum.valueOf} throw. */
  public static final Set<String> WORKFLOW_STATUSES =
      Set.of("PREP", "RUNNING", "SUCCEEDED", "KILLED", "FAILED", "SUSPENDED");
  public static final Set<String> WORKFLOW_ACTION_STATUSES = Set.of("PREP", "RUNNING", "OK", "ERROR", "USER_RETRY",
      "START_RETRY", "START_MANUAL", "DONE", "END_RETRY", "END_MANUAL", "KILLED", "FAILED");
  public static final Set<String> JOB_STATUSES = Set.of("PREP", "RUNNING", "RUNNINGWITHERROR", "PREPSUSPENDED",
      "SUSPENDED", "SUSPENDEDWITHERROR", "PREPPAUSED", "PAUSED", "PAUSEDWITHERROR", "SUCCEEDED", "DONEWITHERROR",
      "KILLED", "FAILED", "IGNORED");
  public static final Set<String> COORD_ACTION_STATUSES = Set.of("WAITING", "READY", "SUBMITTED", "RUNNING",
      "SUSPENDED", "TIMEDOUT", "SUCCEEDED", "KILLED", "FAILED", "IGNORED", "SKIPPED");
  public static final Set<String> TIME_UNITS =
      Set.of("MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "END_OF_DAY", "END_OF_MONTH", "CRON", "NONE");
  public static final Set<String> EXECUTION_POLICIES = Set.of("FIFO", "LIFO", "LAST_ONLY", "NONE");

  static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
  }

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private OozieJson() {
  }

  public static String rfc822(Instant t) {
    return t == null ? null : RFC_822.format(t);
  }

  /** A job as Oozie's {@code show=info} answers it; {@code consoleUrl} maps a job id to its console page. */
  public static ObjectNode job(Views.JobView job, Function<String, String> consoleUrl) {
    if (job instanceof Views.WorkflowJob wf) {
      return workflow(wf, consoleUrl);
    } else if (job instanceof Views.CoordJob c) {
      return coordJob(c, consoleUrl);
    } else {
      return bundle((Views.BundleJob) job, consoleUrl);
    }
  }

  public static ObjectNode workflow(Views.WorkflowJob wf, Function<String, String> consoleUrl) {
    ObjectNode o = F.objectNode();
    o.put("appPath", wf.appPath());
    o.put("appName", wf.appName());
    o.put("id", wf.id());
    o.putNull("externalId");
    o.put("parentId", wf.parentId());
    o.put("conf", HadoopConfXml.write(wf.conf()));
    o.put("status", wf.status());
    o.put("lastModTime", rfc822(wf.lastModifiedTime()));
    o.put("createdTime", rfc822(wf.createdTime()));
    o.put("startTime", rfc822(wf.startTime()));
    o.put("endTime", rfc822(wf.endTime()));
    o.put("user", wf.user());
    o.put("group", wf.group());
    o.putNull("acl");
    o.put("run", wf.run());
    o.put("consoleUrl", consoleUrl.apply(wf.id()));
    ArrayNode actions = o.putArray("actions");
    for (Views.WorkflowAction a : nullToEmpty(wf.actions())) {
      actions.add(workflowAction(a));
    }
    o.put("toString", "Workflow id[" + wf.id() + "] status[" + wf.status() + "]");
    return o;
  }

  public static ObjectNode workflowAction(Views.WorkflowAction a) {
    ObjectNode o = F.objectNode();
    o.put("id", a.id());
    o.put("name", a.name());
    o.putNull("cred");
    o.put("type", a.type());
    o.put("conf", a.conf());
    o.put("status", a.status());
    o.put("retries", a.retries());
    o.put("startTime", rfc822(a.startTime()));
    o.put("endTime", rfc822(a.endTime()));
    o.put("transition", a.transition());
    o.put("data", a.data());
    o.putNull("stats");
    o.putNull("externalChildIDs");
    o.put("externalId", a.externalId());
    outcome(o, a.externalStatus(), a.consoleUrl(), a.errorCode(), a.errorMessage());
    o.put("toString", "Action name[" + a.name() + "] status[" + a.status() + "]");
    o.put("userRetryInterval", a.userRetryInterval());
    o.put("userRetryCount", a.retries());
    o.put("userRetryMax", a.userRetryMax());
    return o;
  }

  public static ObjectNode coordJob(Views.CoordJob c, Function<String, String> consoleUrl) {
    ObjectNode o = F.objectNode();
    o.put("coordJobPath", c.appPath());
    o.put("coordJobName", c.name());
    o.put("coordJobId", c.id());
    o.putNull("coordExternalId");
    o.put("bundleId", c.bundleId());
    o.put("conf", HadoopConfXml.write(c.conf()));
    o.put("status", c.status());
    o.put("executionPolicy", enumOr(c.executionPolicy(), "FIFO"));
    o.put("frequency", c.frequency());
    o.put("timeUnit", enumOr(c.timeUnit(), "NONE"));
    o.put("timeZone", c.timeZone());
    o.put("concurrency", c.concurrency());
    o.put("timeOut", c.timeout());
    // Oozie's lastActionTime is the nominal time after the last materialized action, i.e. the next one.
    o.put("lastAction", rfc822(c.nextMaterializedTime()));
    o.put("nextMaterializedTime", rfc822(c.nextMaterializedTime()));
    o.put("createdTime", rfc822(c.createdTime()));
    schedule(o, c.startTime(), c.endTime(), c.pauseTime());
    owner(o, c.user(), consoleUrl.apply(c.id()));
    o.put("mat_throttling", c.throttle());
    ArrayNode actions = o.putArray("actions");
    for (Views.CoordAction a : nullToEmpty(c.actions())) {
      actions.add(coordAction(a));
    }
    o.put("toString", "Coordinator application id[" + c.id() + "] status[" + c.status() + "]");
    o.put("total", c.totalActions());
    o.put("lastActionNumber", c.lastActionNumber());
    return o;
  }

  public static ObjectNode coordAction(Views.CoordAction a) {
    ObjectNode o = F.objectNode();
    o.put("id", a.id());
    o.put("coordJobId", a.jobId());
    o.putNull("type");
    o.put("actionNumber", a.actionNumber());
    o.putNull("createdConf");
    o.put("createdTime", rfc822(a.createdTime()));
    o.put("nominalTime", rfc822(a.nominalTime()));
    o.put("externalId", a.externalId());
    o.put("status", a.status());
    o.put("runConf", a.runConf());
    o.put("lastModifiedTime", rfc822(a.lastModifiedTime()));
    List<String> missing = nullToEmpty(a.missingDependencies());
    o.put("missingDependencies", missing.isEmpty() ? null : String.join("#", missing));
    o.putNull("pushMissingDependencies");
    outcome(o, a.externalStatus(), null, a.errorCode(), a.errorMessage());
    o.put("toString", "CoordinatorAction name[" + a.id() + "] status[" + a.status() + "]");
    o.put("actionXml", a.actionXml());
    o.put("waitReason", a.waitReason());
    if (a.sla() == null) {
      o.putNull("sla");
    } else {
      Views.Sla s = a.sla();
      ObjectNode sla = o.putObject("sla");
      sla.put("expectedStart", rfc822(s.expectedStart()));
      sla.put("expectedEnd", rfc822(s.expectedEnd()));
      if (s.expectedDurationMillis() == null) {
        sla.putNull("expectedDuration");
      } else {
        sla.put("expectedDuration", s.expectedDurationMillis());
      }
      sla.put("startMiss", s.startMiss());
      sla.put("endMiss", s.endMiss());
      sla.put("durationMiss", s.durationMiss());
    }
    return o;
  }

  public static ObjectNode bundle(Views.BundleJob b, Function<String, String> consoleUrl) {
    ObjectNode o = F.objectNode();
    o.put("bundleJobPath", b.appPath());
    o.put("bundleJobName", b.name());
    o.put("bundleJobId", b.id());
    o.putNull("bundleExternalId");
    o.put("conf", HadoopConfXml.write(b.conf()));
    o.put("status", b.status());
    o.put("timeUnit", "NONE");
    o.put("timeOut", 0);
    o.put("kickoffTime", rfc822(b.kickoffTime()));
    schedule(o, b.startTime(), b.endTime(), b.pauseTime());
    o.put("createdTime", rfc822(b.createdTime()));
    owner(o, b.user(), consoleUrl.apply(b.id()));
    ArrayNode coords = o.putArray("bundleCoordJobs");
    for (Views.CoordJob c : nullToEmpty(b.coordinators())) {
      coords.add(coordJob(c, consoleUrl));
    }
    o.put("toString", "Bundle id[" + b.id() + "] status[" + b.status() + "]");
    return o;
  }

  /** A listing as {@code GET /jobs} answers: {@code workflows}/{@code coordinatorjobs}/{@code bundlejobs}. */
  public static ObjectNode listing(JobType type, Views.Page<? extends Views.JobView> page,
      Function<String, String> consoleUrl) {
    ObjectNode o = F.objectNode();
    String key = switch (type) {
      case WF -> "workflows";
      case COORDINATOR -> "coordinatorjobs";
      case BUNDLE -> "bundlejobs";
    };
    ArrayNode items = o.putArray(key);
    for (Views.JobView j : nullToEmpty(page.items())) {
      items.add(job(j, consoleUrl));
    }
    o.put("total", page.total());
    o.put("offset", page.offset());
    o.put("len", page.len());
    return o;
  }

  /** {@code {"actions":[…]}} as coord-rerun, ignore and a ranged kill answer. */
  public static ObjectNode coordActions(List<Views.CoordAction> actions) {
    ObjectNode o = F.objectNode();
    ArrayNode arr = o.putArray("actions");
    for (Views.CoordAction a : nullToEmpty(actions)) {
      arr.add(coordAction(a));
    }
    return o;
  }

  public static ObjectNode event(Views.Event e) {
    ObjectNode o = F.objectNode();
    o.put("id", e.id());
    o.put("jobId", e.jobId());
    o.put("kind", e.kind());
    o.put("status", e.status());
    o.put("time", rfc822(e.time()));
    o.put("timeMillis", e.time() == null ? null : e.time().toEpochMilli());
    o.put("message", e.message());
    return o;
  }

  public static ObjectNode error(int status, String code, String message) {
    ObjectNode o = F.objectNode();
    o.put("httpStatusCode", status);
    o.put("errorCode", code);
    o.put("errorMessage", message);
    return o;
  }

  public static ObjectNode object() {
    return F.objectNode();
  }

  public static ArrayNode array() {
    return F.arrayNode();
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] bytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  /** An action's external status, console link and error, in the order of Oozie's JSON. */
  private static void outcome(ObjectNode o, String externalStatus, String consoleUrl, String errorCode,
      String errorMessage) {
    o.put("externalStatus", externalStatus);
    o.putNull("trackerUri");
    o.put("consoleUrl", consoleUrl);
    o.put("errorCode", errorCode);
    o.put("errorMessage", errorMessage);
  }

  /** A coordinator's or bundle's start, end and pause times. */
  private static void schedule(ObjectNode o, Instant start, Instant end, Instant pause) {
    o.put("startTime", rfc822(start));
    o.put("endTime", rfc822(end));
    o.put("pauseTime", rfc822(pause));
  }

  /** A coordinator's or bundle's owner (no group or ACL here) and console page. */
  private static void owner(ObjectNode o, String user, String consoleUrl) {
    o.put("user", user);
    o.putNull("group");
    o.putNull("acl");
    o.put("consoleUrl", consoleUrl);
  }

  private static String enumOr(String value, String dflt) {
    return value == null || value.isBlank() ? dflt : value.trim().toUpperCase(Locale.ROOT);
  }

  private static <T> List<T> nullToEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  /** Escapes {@code < > & '} (and U+2028/U+2029) as JSON unicode escapes inside JSON strings. */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private final int[] table;

    HtmlSafeEscapes() {
      table = CharacterEscapes.standardAsciiEscapesForJSON();
      table['<'] = CharacterEscapes.ESCAPE_STANDARD;
      table['>'] = CharacterEscapes.ESCAPE_STANDARD;
      table['&'] = CharacterEscapes.ESCAPE_STANDARD;
      table['\''] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029) {
        return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
