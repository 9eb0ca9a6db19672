package dev.hadoopkit.workflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What Apache Oozie 5.2.1's CLI prints for workflow jobs ({@code OozieCLI.printJob}, {@code printJobs}), from the
 * JSON of Oozie's REST API: the same bytes whether {@code bin/oozie} asks a daemon or the embedded engine, so scripts
 * that parse Oozie's output keep working. Widths, rulers (132 dashes), tab-separated {@code -verbose} columns and
 * dates ({@code yyyy-MM-dd HH:mm GMT}, seconds with -verbose) are Oozie's.
 */
final class OozieFormat {
  static final String RULER = "-".repeat(132);
  private static final String WORKFLOW_JOBS = "%-41s%-13s%-10s%-10s%-10s%-24s%-24s";
  private static final String WORKFLOW_ACTION = "%-78s%-10s%-23s%-11s%-10s";
  private static final String TAB = "\t";
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'GMT'", Locale.US);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'",
      Locale.US);

  private OozieFormat() {
  }

  /** {@code oozie job -info <workflow id> [-verbose]}. */
  static void printWorkflow(PrintStream out, JsonNode job, boolean verbose) {
    out.println("Job ID : " + text(job.path("id")));
    out.println(RULER);
    out.println("Workflow Name : " + text(job.path("appName")));
    out.println("App Path      : " + text(job.path("appPath")));
    out.println("Status        : " + job.path("status").asText());
    out.println("Run           : " + job.path("run").asInt());
    out.println("User          : " + text(job.path("user")));
    out.println("Group         : " + text(job.path("group")));
    out.println("Created       : " + date(job.path("createdTime"), verbose));
    out.println("Started       : " + date(job.path("startTime"), verbose));
    out.println("Last Modified : " + date(job.path("lastModTime"), verbose));
    out.println("Ended         : " + date(job.path("endTime"), verbose));
    out.println("CoordAction ID: " + text(job.path("parentId")));
    JsonNode actions = job.path("actions");
    if (actions.size() > 0) {
      out.println();
      out.println("Actions");
      out.println(RULER);
      if (verbose) {
        out.println(String.join(TAB, "ID", "Console URL", "Error Code", "Error Message", "External ID",
            "External Status", "Name", "Retries", "Tracker URI", "Type", "Started", "Status", "Ended"));
        out.println(RULER);
        for (JsonNode a : actions) {
          out.println(String.join(TAB, text(a.path("id")), text(a.path("consoleUrl")), text(a.path("errorCode")),
              text(a.path("errorMessage")), text(a.path("externalId")), text(a.path("externalStatus")),
              text(a.path("name")), Integer.toString(a.path("retries").asInt()), text(a.path("trackerUri")),
              text(a.path("type")), date(a.path("startTime"), true), a.path("status").asText(),
              date(a.path("endTime"), true)));
          out.println(RULER);
        }
      } else {
        out.println(String.format(WORKFLOW_ACTION, "ID", "Status", "Ext ID", "Ext Status", "Err Code"));
        out.println(RULER);
        for (JsonNode a : actions) {
          out.println(String.format(WORKFLOW_ACTION, text(a.path("id")), a.path("status").asText(),
              text(a.path("externalId")), text(a.path("externalStatus")), text(a.path("errorCode"))));
          out.println(RULER);
        }
      }
    } else {
      out.println(RULER);
    }
    out.println();
  }

  /** {@code oozie jobs [-jobtype wf] [-verbose]}: {@code listing} is the REST answer ({@code workflows}). */
  static void printWorkflowJobs(PrintStream out, JsonNode listing, boolean verbose) {
    JsonNode jobs = listing.path("workflows");
    if (jobs.size() == 0) {
      out.println("No Jobs match your criteria!");
      return;
    }
    if (verbose) {
      out.println(String.join(TAB, "Job ID", "App Name", "App Path", "Console URL", "User", "Group", "Run",
          "Created", "Started", "Status", "Last Modified", "Ended"));
      out.println(RULER);
      for (JsonNode job : jobs) {
        out.println(String.join(TAB, text(job.path("id")), text(job.path("appName")), text(job.path("appPath")),
            text(job.path("consoleUrl")), text(job.path("user")), text(job.path("group")),
            Integer.toString(job.path("run").asInt()), date(job.path("createdTime"), true),
            date(job.path("startTime"), true), job.path("status").asText(), date(job.path("lastModTime"), true),
            date(job.path("endTime"), true)));
        out.println(RULER);
      }
      return;
    }
    out.println(String.format(WORKFLOW_JOBS, "Job ID", "App Name", "Status", "User", "Group", "Started", "Ended"));
    out.println(RULER);
    for (JsonNode job : jobs) {
      out.println(String.format(WORKFLOW_JOBS, text(job.path("id")), text(job.path("appName")),
          job.path("status").asText(), text(job.path("user")), text(job.path("group")),
          date(job.path("startTime"), false), date(job.path("endTime"), false)));
      out.println(RULER);
    }
  }

  /** Oozie's {@code maskIfNull}: "-" for a missing value. */
  private static String text(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "-";
    }
    return value.asText();
  }

  /** An RFC 822 date of the REST answer as Oozie's CLI prints it in GMT (its default -timezone). */
  static String date(JsonNode value, boolean verbose) {
    if (value == null || value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
      return "-";
    }
    try {
      ZonedDateTime t = ZonedDateTime.parse(value.asText(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .withZoneSameInstant(ZoneId.of("GMT"));
      return (verbose ? SECONDS : MINUTES).format(t);
    } catch (DateTimeParseException e) {
      return value.asText();
    }
  }
}
