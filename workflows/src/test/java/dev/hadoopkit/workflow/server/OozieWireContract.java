package dev.hadoopkit.workflow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Oozie 5.2.1's {@code JsonToBean} reads of each bean and the JSON type it casts to (S string or null, I integer,
 * D RFC 822 GMT date or null, E one of the client enum's names, never null, A array). Checking a rendered object
 * against it catches what would make the real client throw (ClassCastException on a float, NPE/IAE on a missing
 * or unknown enum value).
 */
final class OozieWireContract {
  static final Pattern RFC_822 = Pattern.compile(
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
          + "\\d{2}:\\d{2}:\\d{2} GMT");

  static final Map<String, String> WF_JOB = fields("externalId S appPath S appName S id S conf S status E:wf "
      + "lastModTime D createdTime D startTime D endTime D user S group S acl S run I consoleUrl S actions A "
      + "parentId S toString S");
  static final Map<String, String> WF_ACTION = fields("id S name S type S conf S status E:wfaction retries I "
      + "startTime D endTime D transition S data S stats S externalChildIDs S externalId S externalStatus S "
      + "trackerUri S consoleUrl S errorCode S errorMessage S toString S userRetryInterval I userRetryCount I "
      + "userRetryMax I cred S");
  static final Map<String, String> COORD_JOB = fields("coordJobPath S coordJobName S coordJobId S conf S "
      + "status E:job executionPolicy E:execution frequency S timeUnit E:timeunit timeZone S concurrency I "
      + "timeOut I lastAction D nextMaterializedTime D createdTime D startTime D endTime D pauseTime D user S "
      + "group S acl S consoleUrl S actions A toString S bundleId S coordExternalId S");
  static final Map<String, String> COORD_ACTION = fields("id S coordJobId S actionNumber I createdConf S "
      + "createdTime D nominalTime D externalId S status E:coordaction runConf S lastModifiedTime D "
      + "missingDependencies S pushMissingDependencies S externalStatus S trackerUri S consoleUrl S errorCode S "
      + "errorMessage S toString S");
  static final Map<String, String> BUNDLE_JOB = fields("bundleJobPath S bundleJobName S bundleJobId S "
      + "bundleExternalId S conf S status E:job timeUnit E:timeunit timeOut I kickoffTime D startTime D endTime D "
      + "pauseTime D createdTime D user S group S consoleUrl S bundleCoordJobs A toString S acl S");

  private OozieWireContract() {
  }

  private static Map<String, String> fields(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    String[] t = spec.trim().split("\\s+");
    for (int i = 0; i < t.length; i += 2) {
      m.put(t[i], t[i + 1]);
    }
    return m;
  }

  private static Set<String> enumValues(String kind) {
    return switch (kind) {
      case "wf" -> OozieJson.WORKFLOW_STATUSES;
      case "wfaction" -> OozieJson.WORKFLOW_ACTION_STATUSES;
      case "job" -> OozieJson.JOB_STATUSES;
      case "coordaction" -> OozieJson.COORD_ACTION_STATUSES;
      case "execution" -> OozieJson.EXECUTION_POLICIES;
      case "timeunit" -> OozieJson.TIME_UNITS;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  static void check(String what, Map<String, String> contract, JsonNode o) {
    assertTrue(o.isObject(), what + " is not an object: " + o);
    for (Map.Entry<String, String> f : contract.entrySet()) {
      String name = f.getKey();
      String type = f.getValue();
      assertTrue(o.has(name), what + " lacks the field '" + name + "' that JsonToBean reads: " + o);
      JsonNode v = o.get(name);
      switch (type.charAt(0)) {
        case 'S' -> assertTrue(v.isNull() || v.isTextual(), what + "." + name + " must be a string or null: " + v);
        case 'I' -> assertTrue(v.isIntegralNumber(), what + "." + name + " must be an integer: " + v);
        case 'D' -> assertTrue(v.isNull() || (v.isTextual() && RFC_822.matcher(v.asText()).matches()),
            what + "." + name + " must be an RFC 822 GMT date or null: " + v);
        case 'A' -> assertTrue(v.isArray(), what + "." + name + " must be an array: " + v);
        case 'E' -> {
          assertTrue(v.isTextual(), what + "." + name + " must be an enum name (never null): " + v);
          Set<String> allowed = enumValues(type.substring(2));
          if (!allowed.contains(v.asText())) {
            fail(what + "." + name + " = " + v.asText() + " is not one of the client's " + allowed);
          }
        }
        default -> throw new IllegalStateException(type);
      }
    }
  }

  static void workflow(JsonNode o) {
    check("workflow", WF_JOB, o);
    for (JsonNode a : o.get("actions")) {
      check("workflow action", WF_ACTION, a);
    }
  }

  static void coordinator(JsonNode o) {
    check("coordinator", COORD_JOB, o);
    for (JsonNode a : o.get("actions")) {
      check("coordinator action", COORD_ACTION, a);
    }
  }

  static void bundle(JsonNode o) {
    check("bundle", BUNDLE_JOB, o);
    for (JsonNode c : o.get("bundleCoordJobs")) {
      coordinator(c);
    }
  }

  static void rfc822(String expected, JsonNode v) {
    assertEquals(expected, v.asText());
  }
}
