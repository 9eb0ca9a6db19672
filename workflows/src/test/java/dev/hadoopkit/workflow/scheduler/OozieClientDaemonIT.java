package dev.hadoopkit.workflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.server.OozieCliProcess;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REAL Apache Oozie 5.2.1 CLI ({@link OozieCliProcess}, a JVM of its own) against the REAL scheduler daemon
 * ({@link SchedulerDaemon}, in this JVM on an ephemeral loopback port, local file system and LocalJobRunner), with
 * real applications in a temp dir: what the client prints, and what the daemon's state then is.
 *
 * <pre>
 *   wf "demo-wf":   start -> make (fs mkdir) -> greet (shell echo) -> end
 *   wf "sleeper":   start -> nap (shell sleep 120) -> end                  (killed by the client)
 *   coord "hourly": every hour from 3 h ago, 6 actions; 4 due now -> catch-up runs wf "stamp" (fs mkdir)
 *   coord "gated":  every hour from 2 h ago, input file://…/data/${YEAR}${MONTH}${DAY}${HOUR} never appears
 *                   -> 3 WAITING actions (killed, ignored one by one)
 *   coord "sleepy": "hourly" with concurrency 1 running wf "sleeper" (action and coordinator kills stop it)
 *   bundle "pair":  coordinators one, two (each "hourly"-like)
 *   coord "secretcoord" + wf "secretwf": job property dbPassword=s3cretpw echoed by a shell action
 * </pre>
 * Every wait has a deadline ({@link #WAIT}); every CLI run has one too ({@link OozieCliProcess}).
 */
@Timeout(600)
class OozieClientDaemonIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final DateTimeFormatter CLIENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'GMT'")
      .withZone(ZoneOffset.UTC);
  private static final Pattern JOB_ID = Pattern.compile("^job: (\\d{7}-\\d{15}-hk-[WCB])$", Pattern.MULTILINE);

  @TempDir
  Path root;

  SchedulerDaemon daemon;
  OozieCliProcess cli;
  final ByteArrayOutputStream daemonOut = new ByteArrayOutputStream();
  Instant hour;

  @BeforeEach
  void startDaemon() throws Exception {
    // the tests count the actions due "now": keep a test from straddling the top of an hour (waits at most 90 s)
    Instant next = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Duration left = Duration.between(Instant.now(), next);
    if (left.compareTo(Duration.ofSeconds(90)) < 0) {
      Thread.sleep(left.toMillis() + 1000);
    }
    Path state = root.resolve("state");
    Configuration hadoop = new Configuration();
    hadoop.set("fs.defaultFS", "file:///");
    hadoop.set("mapreduce.framework.name", "local");
    EngineSettings engine = new EngineSettings(state, 4, 64 * 1024, false, Clock.systemUTC());
    daemon = SchedulerDaemon.start(new SchedulerDaemon.Options(0, "127.0.0.1", state, 4, false), engine, hadoop,
        new PrintStream(daemonOut, true, StandardCharsets.UTF_8));
    cli = new OozieCliProcess("http://127.0.0.1:" + daemon.port() + "/oozie").workDir(root);
    hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    writeApps();
  }

  @AfterEach
  void stopDaemon() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
  }

  // ------------------------------------------------------------------------------------------------- apps

  /** A workflow app starting at {@code first}, its actions, a kill node {@code fail} and {@code end}. */
  private static String workflow(String name, String first, String actions) {
    return """
        <workflow-app xmlns="uri:oozie:workflow:0.5" name="%s">
          <start to="%s"/>
        %s
          <kill name="fail"><message>failed: ${wf:errorMessage(wf:lastErrorNode())}</message></kill>
          <end name="end"/>
        </workflow-app>
        """.formatted(name, first, actions);
  }

  private void writeApps() throws IOException {
    write("apps/demo/workflow.xml", workflow("demo-wf", "make", """
          <action name="make">
            <fs><mkdir path="${out}/demo"/></fs>
            <ok to="greet"/><error to="fail"/>
          </action>
          <action name="greet">
            <shell xmlns="uri:oozie:shell-action:0.3">
              <exec>echo</exec><argument>hello-${who}</argument><capture-output/>
            </shell>
            <ok to="end"/><error to="fail"/>
          </action>"""));
    write("apps/sleeper/workflow.xml", workflow("sleeper", "nap", """
          <action name="nap">
            <shell xmlns="uri:oozie:shell-action:0.3"><exec>sleep</exec><argument>120</argument></shell>
            <ok to="end"/><error to="fail"/>
          </action>"""));
    write("apps/stamp/workflow.xml", workflow("stamp", "make", """
          <action name="make">
            <fs><mkdir path="${out}/${stamp}"/></fs>
            <ok to="end"/><error to="fail"/>
          </action>"""));
    String hourly = """
        <coordinator-app name="%s" frequency="${coord:hours(1)}" start="${start}" end="${end}" timezone="UTC"
            xmlns="uri:oozie:coordinator:0.4">
          <controls><concurrency>2</concurrency></controls>
          <action><workflow><app-path>${wfApp}</app-path>
            <configuration>
              <property><name>out</name><value>${out}</value></property>
              <property><name>stamp</name><value>%s-${coord:formatTime(coord:nominalTime(), 'yyyyMMddHH')}</value></property>
            </configuration>
          </workflow></action>
        </coordinator-app>
        """;
    write("apps/hourly/coordinator.xml", hourly.formatted("hourly", "hourly"));
    write("apps/one/coordinator.xml", hourly.formatted("one", "one"));
    write("apps/two/coordinator.xml", hourly.formatted("two", "two"));
    write("apps/gated/coordinator.xml", """
        <coordinator-app name="gated" frequency="${coord:hours(1)}" start="${start}" end="${end}" timezone="UTC"
            xmlns="uri:oozie:coordinator:0.4">
          <datasets>
            <dataset name="feed" frequency="${coord:hours(1)}" initial-instance="2020-01-01T00:00Z" timezone="UTC">
              <uri-template>file://${data}/${YEAR}${MONTH}${DAY}${HOUR}</uri-template>
            </dataset>
          </datasets>
          <input-events><data-in name="in" dataset="feed"><instance>${coord:current(0)}</instance></data-in></input-events>
          <action><workflow><app-path>${wfApp}</app-path>
            <configuration>
              <property><name>out</name><value>${out}</value></property>
              <property><name>stamp</name><value>gated</value></property>
            </configuration>
          </workflow></action>
        </coordinator-app>
        """);
    write("apps/pair/bundle.xml", """
        <bundle-app name="pair" xmlns="uri:oozie:bundle:0.2">
          <coordinator name="one">
            <app-path>${apps}/one</app-path>
          </coordinator>
          <coordinator name="two">
            <app-path>${apps}/two</app-path>
          </coordinator>
        </bundle-app>
        """);
  }

  private Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path props(String name, String... lines) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("nameNode=file:///\njobTracker=local\n");
    text.append("out=").append(root.resolve("out")).append('\n');
    text.append("apps=").append(root.resolve("apps")).append('\n');
    text.append("wfApp=").append(root.resolve("apps/stamp")).append('\n');
    text.append("data=").append(root.resolve("data")).append('\n');
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return write(name + ".properties", text.toString());
  }

  private Path workflowProps(String app, String... lines) throws IOException {
    String[] all = new String[lines.length + 1];
    all[0] = "oozie.wf.application.path=" + root.resolve("apps").resolve(app);
    System.arraycopy(lines, 0, all, 1, lines.length);
    return props("wf-" + app, all);
  }

  /** Hourly from {@code fromHours} before this hour to {@code toHours} after it. */
  private Path coordProps(String app, int fromHours, int toHours, String... lines) throws IOException {
    String[] all = new String[lines.length + 3];
    all[0] = "oozie.coord.application.path=" + root.resolve("apps").resolve(app);
    all[1] = "start=" + time(hour.minus(Duration.ofHours(fromHours)));
    all[2] = "end=" + time(hour.plus(Duration.ofHours(toHours)));
    System.arraycopy(lines, 0, all, 3, lines.length);
    return props("coord-" + app, all);
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC).format(instant);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static String jobId(OozieCliProcess.Result run) {
    Matcher m = JOB_ID.matcher(run.stdout());
    assertTrue(m.find(), "no 'job: <id>' in\n" + run.stdout() + "\nstderr:\n" + run.stderr());
    return m.group(1);
  }

  private OozieCliProcess.Result fails(String... args) throws Exception {
    OozieCliProcess.Result r = cli.run(args);
    assertNotEquals(0, r.exitCode(), "oozie " + String.join(" ", args) + " should fail:\n" + r.stdout());
    assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    return r;
  }

  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + WAIT.toSeconds() + " s waiting for " + what + "; daemon said:\n" + daemonOut);
      }
      Thread.sleep(50);
    }
  }

  private Views.WorkflowJob wf(String id) {
    return (Views.WorkflowJob) daemon.backend().info(id, 1, Integer.MAX_VALUE, Map.of());
  }

  private Views.CoordJob coord(String id) {
    return (Views.CoordJob) daemon.backend().info(id, 1, 1000, Map.of());
  }

  private Views.BundleJob bundle(String id) {
    return (Views.BundleJob) daemon.backend().info(id, 1, 1000, Map.of());
  }

  private Views.CoordAction action(String coordId, int number) {
    return coord(coordId).actions().get(number - 1);
  }

  private static boolean hasLine(String text, String... parts) {
    return text.lines().anyMatch(l -> {
      for (String part : parts) {
        if (!l.contains(part)) {
          return false;
        }
      }
      return true;
    });
  }

  private static void assertLine(OozieCliProcess.Result r, String... parts) {
    assertTrue(hasLine(r.stdout(), parts), "no line with " + List.of(parts) + " in\n" + r.stdout() + "\nstderr:\n"
        + r.stderr());
  }

  // ------------------------------------------------------------------------------------------------ tests

  @Test
  void workflowRunInfoLogDefinitionAndSubmitStart() throws Exception {
    cli.run("admin", "-status").assertOk().assertLine("System mode: NORMAL");

    String id = jobId(cli.run("job", "-run", "-config", workflowProps("demo", "who=world").toString())
        .assertOk());
    assertTrue(id.endsWith("-W"), id);
    await(id + " to succeed", () -> wf(id).status().equals("SUCCEEDED"));
    assertTrue(Files.isDirectory(root.resolve("out/demo")), "the fs action ran");

    OozieCliProcess.Result info = cli.run("job", "-info", id).assertOk();
    info.assertLine("Job ID : " + id).assertLine("Workflow Name : demo-wf")
        .assertLine("App Path      : file:" + root.resolve("apps/demo")).assertLine("Status        : SUCCEEDED")
        .assertLine("Run           : 0").assertLine("User          : " + System.getProperty("user.name"));
    assertLine(info, id + "@make", "OK");
    assertLine(info, id + "@greet", "OK");
    OozieCliProcess.Result page = cli.run("job", "-info", id, "-offset", "2", "-len", "1").assertOk();
    assertLine(page, id + "@make", "OK");
    assertFalse(hasLine(page.stdout(), id + "@greet") || hasLine(page.stdout(), id + "@:start:"), page.stdout());
    cli.run("job", "-info", id + "@greet").assertOk().assertLine("Type              : shell")
        .assertLine("Status            : OK");

    OozieCliProcess.Result log = cli.run("job", "-log", id).assertOk();
    assertTrue(log.stdout().contains("greet"), log.stdout());
    assertTrue(log.stdout().contains("SUCCEEDED"), log.stdout());
    assertTrue(log.stdout().contains("hello-world"), "the shell action's stdout is in the log:\n" + log.stdout());
    cli.run("job", "-definition", id).assertOk().assertLine("<workflow-app xmlns=\"uri:oozie:workflow:0.5\" "
        + "name=\"demo-wf\">");

    String submitted = jobId(cli.run("job", "-submit", "-config", workflowProps("demo", "who=later").toString())
        .assertOk());
    assertEquals("PREP", wf(submitted).status());
    cli.run("job", "-info", submitted).assertOk().assertLine("Status        : PREP");
    cli.run("job", "-start", submitted).assertOk();
    await(submitted + " to succeed after -start", () -> wf(submitted).status().equals("SUCCEEDED"));

    cli.run("job", "-rerun", id, "-D", "oozie.wf.rerun.failnodes=true").assertOk();
    await(id + " to end its rerun", () -> wf(id).run() == 1 && wf(id).status().equals("SUCCEEDED"));
    cli.run("job", "-info", id).assertOk().assertLine("Run           : 1").assertLine("Status        : SUCCEEDED");
    OozieCliProcess.Result badSkip = fails("job", "-rerun", id, "-D", "oozie.wf.rerun.skip.nodes=make,nope");
    assertTrue(badSkip.stderr().contains("E0807") && badSkip.stderr().contains("[nope]"), badSkip.stderr());
    assertEquals(1, wf(id).run(), "a refused rerun does not run");
    cli.run("job", "-rerun", id, "-D", "oozie.wf.rerun.skip.nodes=make").assertOk();
    await(id + " to end its second rerun", () -> wf(id).run() == 2 && wf(id).status().equals("SUCCEEDED"));
    // issue 12 item 4: "fix a property and rerun" — the rerun's -config reaches the run
    cli.run("job", "-rerun", id, "-config", workflowProps("demo", "who=fixed").toString()).assertOk();
    await(id + " to end its rerun with who=fixed", () -> wf(id).run() == 3 && wf(id).status().equals("SUCCEEDED"));
    OozieCliProcess.Result fixedLog = cli.run("job", "-log", id).assertOk();
    assertTrue(fixedLog.stdout().contains("hello-fixed"), "the rerun sees who=fixed:\n" + fixedLog.stdout());

    OozieCliProcess.Result suspend = fails("job", "-suspend", id);
    assertTrue(suspend.stderr().contains("workflow") && !suspend.stderr().contains("no coordinator job"),
        suspend.stderr());
    assertEquals("SUCCEEDED", wf(id).status());
    OozieCliProcess.Result ended = fails("job", "-kill", id);
    assertTrue(ended.stderr().contains("E0725") && ended.stderr().contains("has already ended (SUCCEEDED)"),
        ended.stderr());
    assertEquals("SUCCEEDED", wf(id).status());

    OozieCliProcess.Result wfs = cli.run("jobs", "-jobtype", "wf").assertOk();
    assertLine(wfs, id, "demo-wf", "SUCCEEDED");
    assertLine(wfs, submitted, "demo-wf", "SUCCEEDED");
    cli.run("jobs", "-jobtype", "wf", "-filter", "status=RUNNING").assertOk()
        .assertLine("No Jobs match your criteria!");
  }

  @Test
  void killOfASleepingShellWorkflow() throws Exception {
    String id = jobId(cli.run("job", "-run", "-config", workflowProps("sleeper").toString()).assertOk());
    await("the nap to run", () -> wf(id).actions().stream()
        .anyMatch(a -> a.name().equals("nap") && a.status().equals("RUNNING")));
    OozieCliProcess.Result running = cli.run("jobs", "-jobtype", "wf", "-filter", "status=RUNNING").assertOk();
    assertLine(running, id, "sleeper", "RUNNING");

    long asked = System.nanoTime();
    cli.run("job", "-kill", id).assertOk();
    await(id + " to end KILLED", () -> wf(id).status().equals("KILLED"));
    assertTrue(System.nanoTime() - asked < Duration.ofSeconds(30).toNanos(), "the sleep (120 s) did not finish");
    cli.run("job", "-info", id).assertOk().assertLine("Status        : KILLED");
    assertLine(cli.run("job", "-info", id).assertOk(), id + "@nap", "KILLED");
  }

  @Test
  void hourlyCoordinatorCatchUpInfoLogControls() throws Exception {
    Path properties = coordProps("hourly", 3, 3);
    OozieCliProcess.Result dry = cli.run("job", "-dryrun", "-config", properties.toString()).assertOk();
    dry.assertLine("***coordJob after parsing: ***").assertLine("***total coord actions is 6 ***")
        .assertLine("coordAction instance: 6:");
    assertLine(dry, time(hour.minus(Duration.ofHours(3))).replace("Z", ""));
    assertTrue(daemon.backend().jobs(dev.hadoopkit.workflow.server.api.JobType.COORDINATOR, Map.of(), 1, 100)
        .items().isEmpty(), "a dry run stores nothing");

    String id = jobId(cli.run("job", "-run", "-config", properties.toString()).assertOk());
    assertTrue(id.endsWith("-C"), id);
    await("the 4 due actions to succeed", () -> {
      List<Views.CoordAction> actions = coord(id).actions();
      return actions.size() == 4 && actions.stream().allMatch(a -> a.status().equals("SUCCEEDED"));
    });
    for (int n = 1; n <= 4; n++) {
      Instant nominal = hour.minus(Duration.ofHours(4 - n));
      assertEquals(nominal, action(id, n).nominalTime(), "nominal time of action " + n);
      String stamp = "hourly-" + DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC).format(nominal);
      assertTrue(Files.isDirectory(root.resolve("out").resolve(stamp)), stamp + " made by action " + n);
    }

    OozieCliProcess.Result info = cli.run("job", "-info", id).assertOk();
    info.assertLine("Job ID : " + id).assertLine("Job Name    : hourly").assertLine("Status      : RUNNING")
        .assertLine("Start Time  : " + CLIENT_TIME.format(hour.minus(Duration.ofHours(3))))
        .assertLine("End Time    : " + CLIENT_TIME.format(hour.plus(Duration.ofHours(3))))
        .assertLine("Concurrency : 2").assertLine("Pause Time  : -");
    for (int n = 1; n <= 4; n++) {
      assertLine(info, id + "@" + n, "SUCCEEDED", action(id, n).externalId(),
          CLIENT_TIME.format(hour.minus(Duration.ofHours(4 - n))));
    }
    assertFalse(hasLine(info.stdout(), id + "@5"), "action 5 is not due yet:\n" + info.stdout());
    OozieCliProcess.Result page = cli.run("job", "-info", id, "-offset", "2", "-len", "2").assertOk();
    assertLine(page, id + "@2");
    assertLine(page, id + "@3");
    assertFalse(hasLine(page.stdout(), id + "@1") || hasLine(page.stdout(), id + "@4"), page.stdout());
    OozieCliProcess.Result desc = cli.run("job", "-info", id, "-order", "desc", "-len", "1").assertOk();
    assertLine(desc, id + "@4");
    assertFalse(hasLine(desc.stdout(), id + "@3"), desc.stdout());

    String firstWf = action(id, 1).externalId();
    assertNotNull(firstWf);
    cli.run("job", "-info", id + "@1").assertOk().assertLine("ID : " + id + "@1")
        .assertLine("Action Number        : 1").assertLine("Status               : SUCCEEDED")
        .assertLine("External ID          : " + firstWf).assertLine("Job ID               : " + id)
        .assertLine("Nominal Time         : " + CLIENT_TIME.format(hour.minus(Duration.ofHours(3))));
    cli.run("job", "-info", firstWf).assertOk().assertLine("Workflow Name : stamp")
        .assertLine("CoordAction ID: " + id + "@1");

    OozieCliProcess.Result log = cli.run("job", "-log", id).assertOk();
    for (int n = 1; n <= 4; n++) {
      assertTrue(log.stdout().contains(action(id, n).externalId()), "log of action " + n + "'s workflow in\n"
          + log.stdout());
    }
    OozieCliProcess.Result second = cli.run("job", "-log", id, "-action", "2").assertOk();
    assertTrue(second.stdout().contains(action(id, 2).externalId()), second.stdout());
    assertFalse(second.stdout().contains(action(id, 1).externalId()), "only action 2:\n" + second.stdout());
    OozieCliProcess.Result byDateLog = cli.run("job", "-log", id, "-date",
        time(hour.minus(Duration.ofHours(1))) + "::" + time(hour)).assertOk();
    assertTrue(byDateLog.stdout().contains(action(id, 3).externalId())
        && byDateLog.stdout().contains(action(id, 4).externalId())
        && !byDateLog.stdout().contains(action(id, 2).externalId()), byDateLog.stdout());
    cli.run("job", "-definition", id).assertOk().assertLine("<coordinator-app name=\"hourly\"");

    OozieCliProcess.Result coords = cli.run("jobs", "-jobtype", "coordinator", "-filter", "status=RUNNING")
        .assertOk();
    assertLine(coords, id, "hourly", "RUNNING", "60", "MINUTE", CLIENT_TIME.format(hour.plus(Duration.ofHours(1))));

    // suspend / resume
    cli.run("job", "-suspend", id).assertOk();
    assertEquals("SUSPENDED", coord(id).status());
    cli.run("job", "-info", id).assertOk().assertLine("Status      : SUSPENDED");
    cli.run("jobs", "-jobtype", "coordinator", "-filter", "status=RUNNING").assertOk()
        .assertLine("No Jobs match your criteria!");
    cli.run("job", "-resume", id).assertOk();
    assertEquals("RUNNING", coord(id).status());

    // change
    Instant newEnd = hour.plus(Duration.ofHours(5));
    cli.run("job", "-change", id, "-value", "endtime=" + time(newEnd) + ";concurrency=3").assertOk();
    assertEquals(newEnd, coord(id).endTime());
    assertEquals(3, coord(id).concurrency());
    cli.run("job", "-info", id).assertOk().assertLine("End Time    : " + CLIENT_TIME.format(newEnd))
        .assertLine("Concurrency : 3");
    OozieCliProcess.Result bad = fails("job", "-change", id, "-value", "concurrency=lots");
    assertTrue(bad.stderr().contains("E1015") && bad.stderr().contains("concurrency must be a number, not 'lots'"),
        bad.stderr());
    OozieCliProcess.Result early = fails("job", "-change", id, "-value", "endtime="
        + time(hour.minus(Duration.ofHours(2))));
    assertTrue(early.stderr().contains("E1015") && early.stderr().contains("not after the last materialized"),
        early.stderr());
    assertEquals(newEnd, coord(id).endTime(), "a refused change changes nothing");

    // a pause time in the future is shown; an empty one clears it
    Instant pause = hour.plus(Duration.ofHours(4));
    cli.run("job", "-change", id, "-value", "pausetime=" + time(pause)).assertOk();
    assertEquals(pause, coord(id).pauseTime());
    cli.run("job", "-info", id).assertOk().assertLine("Pause Time  : " + CLIENT_TIME.format(pause));
    cli.run("job", "-change", id, "-value", "pausetime=").assertOk();
    assertEquals(null, coord(id).pauseTime());

    // rerun of action 1: its output is made again, by a new run of the same workflow id or a new one
    Path firstOut = root.resolve("out").resolve("hourly-" + DateTimeFormatter.ofPattern("yyyyMMddHH")
        .withZone(ZoneOffset.UTC).format(hour.minus(Duration.ofHours(3))));
    Files.delete(firstOut);
    OozieCliProcess.Result rerun = cli.run("job", "-rerun", id, "-action", "1").assertOk();
    rerun.assertLine("Action ID").assertLine(id + "@1\t" + CLIENT_TIME.format(hour.minus(Duration.ofHours(3))));
    await("action 1 to run again", () -> Files.isDirectory(firstOut)
        && action(id, 1).status().equals("SUCCEEDED"));
    String rerunWf = action(id, 1).externalId();
    OozieCliProcess.Result allRuns = cli.run("job", "-info", id + "@1", "-allruns").assertOk();
    allRuns.assertLine("Job ID").assertLine(rerunWf);
    assertLine(allRuns, rerunWf, "SUCCEEDED");

    String from = time(hour.minus(Duration.ofHours(2)));
    String to = time(hour.minus(Duration.ofHours(1)));
    OozieCliProcess.Result byDate = cli.run("job", "-rerun", id, "-date", from + "::" + to).assertOk();
    assertLine(byDate, id + "@2");
    assertLine(byDate, id + "@3");
    assertFalse(hasLine(byDate.stdout(), id + "@4"), byDate.stdout());
    await("actions 2 and 3 to succeed again", () -> action(id, 2).status().equals("SUCCEEDED")
        && action(id, 3).status().equals("SUCCEEDED"));

    // kill
    cli.run("job", "-kill", id).assertOk();
    assertEquals("KILLED", coord(id).status());
    cli.run("job", "-info", id).assertOk().assertLine("Status      : KILLED");
    cli.run("jobs", "-jobtype", "coordinator", "-filter", "status=KILLED").assertOk().assertLine(id);
    OozieCliProcess.Result twice = fails("job", "-kill", id);
    assertTrue(twice.stderr().contains("E1020") && twice.stderr().contains("has already ended (KILLED)"),
        twice.stderr());
  }

  @Test
  void waitingCoordinatorActionsKillIgnoreAndErrors() throws Exception {
    String id = jobId(cli.run("job", "-submit", "-config", coordProps("gated", 2, 2).toString()).assertOk());
    assertEquals("PREP", coord(id).status());
    cli.run("job", "-info", id).assertOk().assertLine("Status      : PREP");
    Thread.sleep(500);
    assertTrue(coord(id).actions().isEmpty(), "a PREP coordinator materializes nothing");
    cli.run("job", "-start", id).assertOk();
    await("3 WAITING actions", () -> {
      List<Views.CoordAction> actions = coord(id).actions();
      return actions.size() == 3 && actions.stream().allMatch(a -> a.status().equals("WAITING"));
    });
    OozieCliProcess.Result info = cli.run("job", "-info", id).assertOk();
    for (int n = 1; n <= 3; n++) {
      assertLine(info, id + "@" + n, "WAITING", CLIENT_TIME.format(hour.minus(Duration.ofHours(3 - n))));
    }
    String missing = "file://" + root.resolve("data") + "/" + DateTimeFormatter.ofPattern("yyyyMMddHH")
        .withZone(ZoneOffset.UTC).format(hour.minus(Duration.ofHours(2)));
    cli.run("job", "-info", id + "@1").assertOk().assertLine("Status               : WAITING")
        .assertLine("First Missing Dependency : " + missing);
    cli.run("job", "-info", id, "-verbose").assertOk().assertLine(missing);

    OozieCliProcess.Result killed = cli.run("job", "-kill", id, "-action", "2").assertOk();
    killed.assertLine(id + "@2\t" + CLIENT_TIME.format(hour.minus(Duration.ofHours(1))));
    assertEquals("KILLED", action(id, 2).status());
    assertEquals("WAITING", action(id, 1).status());

    OozieCliProcess.Result ignored = cli.run("job", "-ignore", id, "-action", "3").assertOk();
    assertLine(ignored, id + "@3", "IGNORED");
    assertEquals("IGNORED", action(id, 3).status());
    OozieCliProcess.Result notAgain = fails("job", "-ignore", id, "-action", "3");
    assertTrue(notAgain.stderr().contains("E1024"), notAgain.stderr());

    // a filter name the daemon does not know is refused: ignored, it would select (and here kill) every job
    assertEquals("RUNNINGWITHERROR", coord(id).status(), "action 2 was killed");
    OozieCliProcess.Result typo = fails("jobs", "-kill", "-jobtype", "coordinator", "-filter", "nmae=gated");
    assertTrue(typo.stderr().contains("E0420") && typo.stderr().contains("[nmae]"), typo.stderr());
    assertEquals("RUNNINGWITHERROR", coord(id).status());
    cli.run("jobs", "-suspend", "-jobtype", "coordinator", "-filter", "name=gated").assertOk().assertLine(id);
    assertEquals("SUSPENDED", coord(id).status());
    cli.run("jobs", "-resume", "-jobtype", "coordinator", "-filter", "name=gated;status=SUSPENDED").assertOk();
    assertEquals("RUNNINGWITHERROR", coord(id).status());

    String unknownAction = id + "@99";
    OozieCliProcess.Result noAction = fails("job", "-info", unknownAction);
    assertTrue(noAction.stderr().contains("E0604") && noAction.stderr().contains(unknownAction), noAction.stderr());

    String unknown = "0000099-260101000000000-hk-C";
    OozieCliProcess.Result r = fails("job", "-info", unknown);
    assertTrue(r.stderr().contains("E0604") && r.stderr().contains("no coordinator job " + unknown),
        r.stderr());
    OozieCliProcess.Result k = fails("job", "-kill", "0000099-260101000000000-hk-W");
    assertTrue(k.stderr().contains("E0604") && k.stderr().contains("0000099-260101000000000-hk-W"), k.stderr());

    cli.run("job", "-kill", id).assertOk();
    assertEquals("KILLED", coord(id).status());
    assertEquals("KILLED", action(id, 1).status());
    assertEquals("IGNORED", action(id, 3).status());
  }

  @Test
  void bundleWithTwoCoordinators() throws Exception {
    Path properties = props("bundle", "oozie.bundle.application.path=" + root.resolve("apps/pair"),
        "start=" + time(hour.minus(Duration.ofHours(1))), "end=" + time(hour.plus(Duration.ofHours(3))));
    String id = jobId(cli.run("job", "-run", "-config", properties.toString()).assertOk());
    assertTrue(id.endsWith("-B"), id);
    await("both coordinators to run their 2 actions", () -> {
      Views.BundleJob b = bundle(id);
      return b.status().equals("RUNNING") && b.coordinators().size() == 2 && b.coordinators().stream()
          .allMatch(c -> coord(c.id()).actions().stream().filter(a -> a.status().equals("SUCCEEDED")).count() == 2);
    });
    Views.BundleJob b = bundle(id);
    OozieCliProcess.Result info = cli.run("job", "-info", id).assertOk();
    info.assertLine("Job ID : " + id).assertLine("Job Name : pair").assertLine("Status   : RUNNING")
        .assertLine("App Path : file:" + root.resolve("apps/pair"));
    for (Views.CoordJob c : b.coordinators()) {
      assertLine(info, c.id(), "RUNNING", "60", "MINUTE", CLIENT_TIME.format(hour.minus(Duration.ofHours(1))));
      assertEquals(id, c.bundleId());
    }
    cli.run("jobs", "-jobtype", "bundle", "-filter", "status=RUNNING").assertOk().assertLine(id);
    OozieCliProcess.Result coords = cli.run("jobs", "-jobtype", "coordinator").assertOk();
    assertLine(coords, b.coordinators().get(0).id());
    assertLine(coords, b.coordinators().get(1).id());
    cli.run("job", "-definition", id).assertOk().assertLine("<bundle-app name=\"pair\"");
    OozieCliProcess.Result dry = cli.run("job", "-dryrun", "-config", properties.toString()).assertOk();
    dry.assertLine("***Bundle job after parsing: ***").assertLine("coordinator one:").assertLine("coordinator two:");
    assertEquals(2, bundle(id).coordinators().size(), "a dry run adds nothing");
    cli.run("job", "-dryrun", "-config", workflowProps("demo", "who=dry").toString()).assertOk().assertLine("OK");

    // rerun of one coordinator by name, then of one nominal time in both
    String oneId = b.coordinators().stream().filter(c -> c.name().equals("one")).findFirst().orElseThrow().id();
    String twoId = b.coordinators().stream().filter(c -> c.name().equals("two")).findFirst().orElseThrow().id();
    String earlier = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC)
        .format(hour.minus(Duration.ofHours(1)));
    Path oneOut = root.resolve("out/one-" + earlier);
    Path twoOut = root.resolve("out/two-" + earlier);
    Files.delete(oneOut);
    Files.delete(twoOut);
    Instant twoFirst = action(twoId, 1).lastModifiedTime();
    cli.run("job", "-rerun", id, "-coordinator", "one").assertOk()
        .assertLine("Coordinators [one] of bundle " + id + " are scheduled to rerun");
    await("coordinator one to run again", () -> Files.isDirectory(oneOut)
        && action(oneId, 1).status().equals("SUCCEEDED") && action(oneId, 2).status().equals("SUCCEEDED"));
    assertFalse(Files.exists(twoOut), "coordinator two was not named");
    assertEquals(twoFirst, action(twoId, 1).lastModifiedTime(), "coordinator two was not rerun");

    Instant oneSecond = action(oneId, 2).lastModifiedTime();
    Instant twoSecond = action(twoId, 2).lastModifiedTime();
    String at = time(hour.minus(Duration.ofHours(1)));
    cli.run("job", "-rerun", id, "-date", at + "::" + at).assertOk()
        .assertLine("All coordinators of bundle " + id + " are scheduled to rerun");
    await("action 1 of both to run again", () -> Files.isDirectory(twoOut)
        && action(oneId, 1).status().equals("SUCCEEDED") && action(twoId, 1).status().equals("SUCCEEDED"));
    assertEquals(oneSecond, action(oneId, 2).lastModifiedTime(), "not in the date range");
    assertEquals(twoSecond, action(twoId, 2).lastModifiedTime(), "not in the date range");
    OozieCliProcess.Result noSuch = fails("job", "-rerun", id, "-coordinator", "three");
    assertTrue(noSuch.stderr().contains("E1025") && noSuch.stderr().contains("has no coordinator 'three'"),
        noSuch.stderr());

    // change and suspend/resume reach the coordinators
    Instant newEnd = hour.plus(Duration.ofHours(5));
    cli.run("job", "-change", id, "-value", "endtime=" + time(newEnd)).assertOk();
    assertEquals(newEnd, coord(oneId).endTime());
    assertEquals(newEnd, coord(twoId).endTime());
    OozieCliProcess.Result concurrency = fails("job", "-change", id, "-value", "concurrency=3");
    assertTrue(concurrency.stderr().contains("E1015") && concurrency.stderr().contains("of bundle"),
        concurrency.stderr());
    cli.run("job", "-suspend", id).assertOk();
    assertEquals("SUSPENDED", bundle(id).status());
    assertEquals("SUSPENDED", coord(oneId).status());
    cli.run("job", "-info", id).assertOk().assertLine("Status   : SUSPENDED");
    cli.run("job", "-resume", id).assertOk();
    assertEquals("RUNNING", bundle(id).status());
    assertEquals("RUNNING", coord(twoId).status());

    cli.run("job", "-kill", id).assertOk();
    assertEquals("KILLED", bundle(id).status());
    for (Views.CoordJob c : b.coordinators()) {
      assertEquals("KILLED", coord(c.id()).status());
    }
  }

  @Test
  void killOfACoordinatorActionAndOfTheCoordinatorKillTheirWorkflows() throws Exception {
    write("apps/sleepy/coordinator.xml", Files.readString(root.resolve("apps/hourly/coordinator.xml"))
        .replace("<concurrency>2</concurrency>", "<concurrency>1</concurrency>"));
    String id = jobId(cli.run("job", "-run", "-config", coordProps("sleepy", 1, 2,
        "wfApp=" + root.resolve("apps/sleeper")).toString()).assertOk());
    await("action 1 to sleep", () -> coord(id).actions().size() == 2
        && action(id, 1).status().equals("RUNNING") && action(id, 1).externalId() != null);
    String first = action(id, 1).externalId();
    await(first + " to run its nap", () -> wf(first).actions().stream()
        .anyMatch(a -> a.name().equals("nap") && a.status().equals("RUNNING")));
    assertNotEquals("RUNNING", action(id, 2).status(), "concurrency 1");

    cli.run("job", "-kill", id, "-action", "1").assertOk().assertLine(id + "@1");
    await(first + " to be killed with its action", () -> wf(first).status().equals("KILLED")
        && action(id, 1).status().equals("KILLED"));
    await("action 2 to start once action 1 is gone", () -> action(id, 2).status().equals("RUNNING")
        && action(id, 2).externalId() != null);
    String second = action(id, 2).externalId();
    await(second + " to run its nap", () -> wf(second).status().equals("RUNNING"));

    cli.run("job", "-kill", id).assertOk();
    await("the coordinator's running workflow to be killed", () -> wf(second).status().equals("KILLED"));
    assertEquals("KILLED", coord(id).status());
    assertEquals("KILLED", action(id, 2).status());
    OozieCliProcess.Result info = cli.run("job", "-info", id).assertOk();
    assertLine(info, id + "@1", "KILLED", first);
    assertLine(info, id + "@2", "KILLED", second);
    OozieCliProcess.Result again = fails("job", "-change", id, "-value", "concurrency=2");
    assertTrue(again.stderr().contains("E1016") && again.stderr().contains("has ended"), again.stderr());
  }

  @Test
  void secretPropertiesStayMasked() throws Exception {
    String secret = "s3cretpw";
    write("apps/secretwf/workflow.xml", """
        <workflow-app xmlns="uri:oozie:workflow:0.5" name="secretwf">
          <start to="use"/>
          <action name="use">
            <shell xmlns="uri:oozie:shell-action:0.3">
              <exec>echo</exec><argument>connecting with ${dbPassword}</argument>
            </shell>
            <ok to="end"/><error to="fail"/>
          </action>
          <kill name="fail"><message>failed: ${wf:errorMessage(wf:lastErrorNode())}</message></kill>
          <end name="end"/>
        </workflow-app>
        """);
    write("apps/secretcoord/coordinator.xml", """
        <coordinator-app name="secretcoord" frequency="${coord:hours(1)}" start="${start}" end="${end}"
            timezone="UTC" xmlns="uri:oozie:coordinator:0.4">
          <action><workflow><app-path>${secretApp}</app-path>
            <configuration>
              <property><name>dbPassword</name><value>${dbPassword}</value></property>
            </configuration>
          </workflow></action>
        </coordinator-app>
        """);
    Path properties = coordProps("secretcoord", 0, 1, "dbPassword=" + secret,
        "secretApp=" + root.resolve("apps/secretwf"));
    String id = jobId(cli.run("job", "-run", "-config", properties.toString()).assertOk());
    await("the secret coordinator's action to succeed", () -> coord(id).actions().size() == 1
        && coord(id).actions().get(0).status().equals("SUCCEEDED"));
    String workflow = action(id, 1).externalId();

    List<OozieCliProcess.Result> outputs = List.of(
        cli.run("job", "-info", id, "-verbose").assertOk(),
        cli.run("job", "-info", id + "@1").assertOk(),
        cli.run("job", "-configcontent", id).assertOk(),
        cli.run("job", "-definition", id).assertOk(),
        cli.run("job", "-log", id).assertOk(),
        cli.run("job", "-info", workflow, "-verbose").assertOk(),
        cli.run("job", "-configcontent", workflow).assertOk(),
        cli.run("job", "-log", workflow).assertOk(),
        cli.run("jobs", "-jobtype", "coordinator", "-verbose").assertOk());
    for (OozieCliProcess.Result r : outputs) {
      assertFalse(r.stdout().contains(secret) || r.stderr().contains(secret), "the secret shows in\n" + r.stdout());
    }
    assertTrue(outputs.get(2).stdout().contains("<name>dbPassword</name>")
        && outputs.get(2).stdout().contains("<value>********</value>"), outputs.get(2).stdout());
    assertTrue(outputs.get(6).stdout().contains("<value>********</value>"), outputs.get(6).stdout());
    assertTrue(outputs.get(7).stdout().contains("connecting with ********"), outputs.get(7).stdout());
  }
}
