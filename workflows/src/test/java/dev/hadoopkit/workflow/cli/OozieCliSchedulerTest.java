package dev.hadoopkit.workflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/oozie} for coordinators without a server: the dry run prints Oozie's nominal times (a daily job across
 * a DST change keeps its wall-clock time, a monthly one from the 31st clamps month ends), a coordinator submitted
 * when no daemon answers gets a message saying how to start one, and usage errors exit 2.
 */
class OozieCliSchedulerTest {
  @TempDir
  Path root;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) throws Exception {
    return OozieCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  private Path coordinator(String frequency, String start, String end, String timezone) throws IOException {
    Path app = Files.createDirectories(root.resolve("coord"));
    Files.writeString(app.resolve("coordinator.xml"), """
        <coordinator-app name="c" frequency="%s" start="%s" end="%s" timezone="%s"
            xmlns="uri:oozie:coordinator:0.4">
          <action><workflow><app-path>file:///apps/wf</app-path></workflow></action>
        </coordinator-app>
        """.formatted(frequency, start, end, timezone));
    Path props = root.resolve("job.properties");
    Files.writeString(props, "oozie.coord.application.path=" + app + "\n");
    return props;
  }

  private List<String> actionLines() {
    return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> line.matches("\\d+  .*")).toList();
  }

  @Test
  void aDailyDryRunAcrossTheSpringDstChangeKeepsTheWallClockTime() throws Exception {
    // 02:00 in Los Angeles is 10:00 UTC in winter time and 09:00 UTC in summer time; on 8 March 2026 (the change)
    // 02:00 does not exist and Java's Calendar, as Oozie's materialization, gives 01:00 PST = 09:00 UTC
    Path props = coordinator("${coord:days(1)}", "2026-03-06T10:00Z", "2026-03-11T00:00Z", "America/Los_Angeles");
    assertEquals(0, run(Map.of(), "job", "-config", props.toString(), "-dryrun"), err.toString());
    List<String> lines = actionLines();
    assertEquals(List.of("1  2026-03-06T10:00Z", "2  2026-03-07T10:00Z", "3  2026-03-08T09:00Z",
        "4  2026-03-09T09:00Z", "5  2026-03-10T09:00Z"), lines.stream().map(l -> l.substring(0, l.indexOf('Z') + 1))
        .toList());
    assertTrue(lines.get(0).contains("READY  -"), lines.get(0));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("5 actions from 2026-03-06T10:00Z to 2026-03-10T09:00Z"),
        out.toString());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Nothing was run (-dryrun)."));
  }

  @Test
  void aMonthlyDryRunFromThe31stClampsMonthEndsFromTheOriginalStart() throws Exception {
    Path props = coordinator("${coord:months(1)}", "2027-01-31T00:00Z", "2027-06-01T00:00Z", "UTC");
    assertEquals(0, run(Map.of(), "job", "-config", props.toString(), "-dryrun"), err.toString());
    assertEquals(List.of("2027-01-31T00:00Z", "2027-02-28T00:00Z", "2027-03-31T00:00Z", "2027-04-30T00:00Z",
        "2027-05-31T00:00Z"), actionLines().stream().map(l -> l.split("  ")[1]).toList());
  }

  @Test
  void aCoordinatorWithoutADaemonSaysHowToStartOne() throws Exception {
    Path props = coordinator("${coord:days(1)}", "2026-03-06T10:00Z", "2026-03-11T00:00Z", "UTC");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    assertEquals(1, run(Map.of("OOZIE_URL", "http://127.0.0.1:" + port + "/oozie"), "job", "-config",
        props.toString(), "-run"));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("no Oozie server answers at http://127.0.0.1:" + port + "/oozie")
        && message.contains("bin/workflow serve"), message);
  }

  @Test
  void badUsageExitsTwoNamingTheProblem() throws Exception {
    assertEquals(2, run(Map.of(), "job", "-info"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("-info needs a value"), err.toString());
    err.reset();
    assertEquals(2, run(Map.of(), "job", "-run"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("need -config"), err.toString());
    err.reset();
    assertEquals(2, run(Map.of(), "job", "-info", "x", "-len", "ten"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("-len needs a number"), err.toString());
    err.reset();
    assertEquals(2, run(Map.of(), "jobs", "-jobtype", "coordinator", "-len", "x"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Invalid -len 'x': -len needs a number from 0"),
        err.toString());
    err.reset();
    assertEquals(2, run(Map.of(), "jobs", "-len", "x")); // embedded: the same rule
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Invalid -len 'x'"), err.toString());
    err.reset();
    assertEquals(2, run(Map.of(), "frobnicate"));
    assertEquals(2, run(Map.of()));
  }

  @Test
  void workflowRunOfACoordinatorSaysHowToRunIt() throws Exception {
    Path props = coordinator("${coord:days(1)}", "2026-03-06T10:00Z", "2026-03-11T00:00Z", "UTC");
    ByteArrayOutputStream runErr = new ByteArrayOutputStream();
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    int code = new WorkflowCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(runErr, true, StandardCharsets.UTF_8),
        Map.of("HK_WORKFLOW_STATE_DIR", root.resolve("state").toString())).withConf(conf)
        .run(new String[] {"run", "-config", props.toString()});
    assertEquals(2, code);
    String message = runErr.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("this is a coordinator (oozie.coord.application.path)")
        && message.contains("bin/workflow serve") && message.contains("-dryrun"), message);
    runErr.reset();
    assertEquals(2, new WorkflowCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(runErr, true, StandardCharsets.UTF_8), Map.of()).withConf(conf)
        .run(new String[] {"run", root.resolve("coord").toString()}));
    assertTrue(runErr.toString(StandardCharsets.UTF_8).contains("a coordinator app"), runErr.toString());
  }
}
