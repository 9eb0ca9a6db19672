package dev.hadoopkit.workflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/oozie job|jobs|admin} against a server ({@code -oozie URL} or {@code OOZIE_URL}): Oozie's options and
 * output shapes ({@code job: <id>}, the {@code -info} tables), plus, for coordinator actions that wait, why.
 */
final class OozieRemote {
  private static final String LINE = "-".repeat(120);

  private final OozieHttpClient client;
  private final PrintStream out;

  OozieRemote(OozieHttpClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  /** Submits (and with {@code start} runs) a job from properties; prints {@code job: <id>}. */
  int submit(Map<String, String> conf, boolean start) throws Exception {
    JsonNode answer = client.postXml("/v2/jobs", start ? Map.of("action", "start") : Map.of(), configurationXml(conf));
    out.println("job: " + answer.path("id").asText());
    return 0;
  }

  /** Relative app paths and ${user.dir} mean the submitting user's directory, not the daemon's. */
  static Map<String, String> forSubmission(Map<String, String> conf) {
    Map<String, String> out = new LinkedHashMap<>(conf);
    out.putIfAbsent("user.name", System.getProperty("user.name"));
    out.putIfAbsent("user.dir", System.getProperty("user.dir"));
    for (String key : List.of("oozie.wf.application.path", "oozie.coord.application.path",
        "oozie.bundle.application.path")) {
      String value = out.get(key);
      if (value != null && !value.isBlank() && !value.contains(":") && !value.startsWith("/")
          && !value.startsWith("$")) {
        out.put(key, Path.of(value).toAbsolutePath().normalize().toString());
      }
    }
    return out;
  }

  static String configurationXml(Map<String, String> conf) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n");
    conf.forEach((k, v) -> xml.append("  <property><name>").append(escape(k)).append("</name><value>")
        .append(escape(v)).append("</value></property>\n"));
    return xml.append("</configuration>\n").toString();
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  int info(String id, int offset, int len, String filter, boolean verbose) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("show", "info");
    params.put("offset", Integer.toString(offset));
    params.put("len", Integer.toString(len));
    if (filter != null) {
      params.put("filter", filter);
    }
    JsonNode job = client.getJson("/v2/job/" + id, params);
    if (job.has("coordJobId")) {
      printCoordinator(job);
    } else if (job.has("bundleJobId")) {
      printBundle(job);
    } else if (job.has("actionNumber")) {
      printCoordAction(job);
    } else {
      OozieFormat.printWorkflow(out, job, verbose); // Oozie's own layout, the same as the embedded engine's
    }
    return 0;
  }

  /** {@code -status <id>}: the job's status alone. */
  int status(String id) throws Exception {
    out.println(client.getJson("/v2/job/" + id, Map.of("show", "status")).path("status").asText());
    return 0;
  }

  private void printCoordinator(JsonNode job) {
    out.println("Job ID : " + job.path("coordJobId").asText());
    out.println(LINE);
    fields(job, "Job Name", "coordJobName", "App Path", "coordJobPath", "Status", "status", "Start Time", "startTime",
        "End Time", "endTime", "Pause Time", "pauseTime", "Concurrency", "concurrency");
    field("Frequency", new com.fasterxml.jackson.databind.node.TextNode(job.path("frequency").asText() + " "
        + job.path("timeUnit").asText() + " (" + job.path("timeZone").asText() + ")"));
    field("Next Materialized", job.path("nextMaterializedTime"));
    out.println(LINE);
    out.println(String.format("%-44s %-10s %-32s %-8s %-30s %-30s", "ID", "Status", "Ext ID", "Err Code",
        "Created", "Nominal Time"));
    for (JsonNode action : job.path("actions")) {
      out.println(String.format("%-44s %-10s %-32s %-8s %-30s %-30s", action.path("id").asText(),
          action.path("status").asText(), text(action.path("externalId")), text(action.path("errorCode")),
          text(action.path("createdTime")), text(action.path("nominalTime"))));
      String why = action.path("waitReason").asText("");
      if (!why.isEmpty()) {
        out.println("    why: " + why);
      }
      JsonNode sla = action.path("sla");
      if (sla.path("startMiss").asBoolean(false) || sla.path("endMiss").asBoolean(false)
          || sla.path("durationMiss").asBoolean(false)) {
        out.println("    SLA missed:" + (sla.path("startMiss").asBoolean(false) ? " start (expected "
            + sla.path("expectedStart").asText() + ")" : "") + (sla.path("endMiss").asBoolean(false)
            ? " end (expected " + sla.path("expectedEnd").asText() + ")" : "")
            + (sla.path("durationMiss").asBoolean(false) ? " duration" : ""));
      }
    }
    out.println(LINE);
    int total = job.path("total").asInt(job.path("actions").size());
    if (total > job.path("actions").size()) {
      out.println(job.path("actions").size() + " of " + total + " actions shown (use -offset N -len M)");
    }
  }

  private void printCoordAction(JsonNode action) {
    out.println("ID : " + action.path("id").asText());
    out.println(LINE);
    fields(action, "Action Number", "actionNumber", "Console URL", "consoleUrl", "Error Code", "errorCode",
        "Error Message", "errorMessage", "External ID", "externalId", "External Status", "externalStatus",
        "Job ID", "coordJobId", "Tracker URI", "trackerUri", "Created", "createdTime", "Nominal Time", "nominalTime",
        "Status", "status", "Last Modified", "lastModifiedTime", "Missing Dependencies", "missingDependencies",
        "Waiting Because", "waitReason");
    out.println(LINE);
  }

  private void printBundle(JsonNode job) {
    out.println("Job ID : " + job.path("bundleJobId").asText());
    out.println(LINE);
    fields(job, "Job Name", "bundleJobName", "App Path", "bundleJobPath", "Status", "status",
        "Kickoff time", "kickoffTime");
    out.println(LINE);
    out.println(String.format("%-44s %-24s %-16s %-30s %-30s", "Job ID", "Job Name", "Status", "Freq", "Unit"));
    for (JsonNode coordinator : job.path("bundleCoordJobs")) {
      out.println(String.format("%-44s %-24s %-16s %-30s %-30s", coordinator.path("coordJobId").asText(),
          coordinator.path("coordJobName").asText(), coordinator.path("status").asText(),
          text(coordinator.path("frequency")), text(coordinator.path("timeUnit"))));
    }
    out.println(LINE);
  }

  /** {@code label : value} lines; {@code labelsAndKeys} alternates a label and the JSON field it shows. */
  private void fields(JsonNode node, String... labelsAndKeys) {
    for (int i = 0; i < labelsAndKeys.length; i += 2) {
      field(labelsAndKeys[i], node.path(labelsAndKeys[i + 1]));
    }
  }

  private void field(String name, JsonNode value) {
    out.println(String.format("%-20s: %s", name, text(value)));
  }

  private static String text(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "-";
    }
    String text = value.isTextual() ? value.asText() : value.toString();
    return text.isEmpty() ? "-" : text;
  }

  int show(String id, String what) throws Exception {
    String text = client.getText("/v2/job/" + id, Map.of("show", what));
    out.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
    return 0;
  }

  /** suspend, resume, kill, start, change, rerun, ignore. */
  int control(String id, String action, Map<String, String> params, String body) throws Exception {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("action", action);
    all.putAll(params);
    String answer = client.put("/v2/job/" + id, all, body);
    if (("coord-rerun".equals(action) || "ignore".equals(action)) && !answer.isBlank()) {
      JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer);
      JsonNode actions = json.has("actions") ? json.get("actions") : json.path("coordinatoractions");
      for (JsonNode a : actions) {
        out.println(String.format("%-44s %-10s %-32s %s", a.path("id").asText(), a.path("status").asText(),
            text(a.path("externalId")), text(a.path("nominalTime"))));
      }
    }
    return 0;
  }

  int jobs(String jobType, String filter, int offset, int len, boolean verbose) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("jobtype", jobType);
    params.put("offset", Integer.toString(offset));
    params.put("len", Integer.toString(len));
    if (filter != null) {
      params.put("filter", filter);
    }
    JsonNode page = client.getJson("/v2/jobs", params);
    if (page.has("coordinatorjobs")) {
      out.println(String.format("%-40s %-24s %-18s %-6s %-8s %-30s %-30s", "Job ID", "App Name", "Status", "Freq",
          "Unit", "Started", "Next Materialized"));
      out.println(LINE);
      for (JsonNode job : page.get("coordinatorjobs")) {
        out.println(String.format("%-40s %-24s %-18s %-6s %-8s %-30s %-30s", job.path("coordJobId").asText(),
            job.path("coordJobName").asText(), job.path("status").asText(), text(job.path("frequency")),
            text(job.path("timeUnit")), text(job.path("startTime")), text(job.path("nextMaterializedTime"))));
      }
    } else if (page.has("bundlejobs")) {
      out.println(String.format("%-40s %-24s %-18s %-30s %-30s", "Job ID", "Bundle Name", "Status", "Kickoff",
          "Created"));
      out.println(LINE);
      for (JsonNode job : page.get("bundlejobs")) {
        out.println(String.format("%-40s %-24s %-18s %-30s %-30s", job.path("bundleJobId").asText(),
            job.path("bundleJobName").asText(), job.path("status").asText(), text(job.path("kickoffTime")),
            text(job.path("createdTime"))));
      }
    } else {
      OozieFormat.printWorkflowJobs(out, page, verbose); // Oozie's own layout, the same as the embedded engine's
      return 0;
    }
    out.println(LINE);
    return 0;
  }

  int adminStatus() throws Exception {
    JsonNode status = client.getJson("/v2/admin/status", Map.of());
    out.println("System mode: " + status.path("systemMode").asText());
    return 0;
  }

  static List<String> splitValues(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(";")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }
}
