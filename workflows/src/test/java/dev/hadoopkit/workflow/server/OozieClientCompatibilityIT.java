package dev.hadoopkit.workflow.server;

import static dev.hadoopkit.workflow.server.InMemoryOozieBackend.BUNDLE;
import static dev.hadoopkit.workflow.server.InMemoryOozieBackend.COORD;
import static dev.hadoopkit.workflow.server.InMemoryOozieBackend.WF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REAL Apache Oozie 5.2.1 CLI (separate JVM, see {@link OozieCliProcess}) against {@link OozieHttpServer} over
 * the in-memory backend: what it prints for each command and its exit codes.
 */
@Timeout(300)
class OozieClientCompatibilityIT {
  @TempDir
  Path dir;

  InMemoryOozieBackend backend;
  OozieHttpServer server;
  OozieCliProcess cli;

  @BeforeEach
  void start() throws Exception {
    backend = new InMemoryOozieBackend();
    server = new OozieHttpServer(backend).stopGrace(Duration.ZERO)
        .start(OozieHttpServer.loopback(0));
    cli = new OozieCliProcess(server.oozieUrl()).workDir(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void adminStatusAndVersion() throws Exception {
    cli.run("admin", "-status").assertOk().assertLine("System mode: NORMAL");
    cli.run("admin", "-version").assertOk().assertLine("Oozie server build version: ");
  }

  @Test
  void infoOfWorkflowCoordinatorActionAndBundle() throws Exception {
    OozieCliProcess.Result wf = cli.run("job", "-info", WF).assertOk();
    wf.assertLine("Job ID : " + WF).assertLine("Workflow Name : daily-wf").assertLine("App Path      : file:///apps/daily")
        .assertLine("Status        : RUNNING").assertLine("Run           : 1").assertLine("User          : alice")
        .assertLine("Group         : users").assertLine("Created       : 2026-01-01 00:00 GMT")
        .assertLine("Ended         : -").assertLine("CoordAction ID: " + COORD + "@2");
    assertTrue(wf.stdout().lines().anyMatch(l -> l.startsWith(WF + "@mr-node") && l.contains("RUNNING")
        && l.contains("job_local_0001")), wf.stdout());

    cli.run("job", "-info", WF, "-verbose").assertOk().assertLine("http://localhost:8088/job_local_0001");

    OozieCliProcess.Result c = cli.run("job", "-info", COORD).assertOk();
    c.assertLine("Job ID : " + COORD).assertLine("Job Name    : daily").assertLine("App Path    : file:///apps/coord")
        .assertLine("Status      : RUNNING").assertLine("Start Time  : 2026-01-01 00:00 GMT")
        .assertLine("End Time    : 2026-01-31 00:00 GMT").assertLine("Pause Time  : -")
        .assertLine("Concurrency : 1");
    assertTrue(c.stdout().lines().anyMatch(l -> l.startsWith(COORD + "@1") && l.contains("SUCCEEDED")), c.stdout());
    assertTrue(c.stdout().lines().anyMatch(l -> l.startsWith(COORD + "@3") && l.contains("WAITING")
        && l.contains("2026-01-03 00:00 GMT")), c.stdout());

    cli.run("job", "-info", COORD, "-filter", "status=WAITING", "-offset", "1", "-len", "10").assertOk()
        .assertLine(COORD + "@3");
    assertTrue(backend.calls.contains("info " + COORD + " 1 10 {status=[WAITING]}"), backend.calls.toString());
    cli.run("job", "-info", COORD, "-verbose").assertOk().assertLine("file:///data/2026/01/03/_SUCCESS");

    cli.run("job", "-info", COORD + "@3").assertOk().assertLine("ID : " + COORD + "@3")
        .assertLine("Action Number        : 3").assertLine("Status               : WAITING")
        .assertLine("Nominal Time         : 2026-01-03 00:00 GMT")
        .assertLine("First Missing Dependency : file:///data/2026/01/03/_SUCCESS");
    cli.run("job", "-info", WF + "@mr-node").assertOk().assertLine("External ID       : job_local_0001")
        .assertLine("Type              : map-reduce");

    OozieCliProcess.Result b = cli.run("job", "-info", BUNDLE).assertOk();
    b.assertLine("Job ID : " + BUNDLE).assertLine("Job Name : all").assertLine("Status   : RUNNING");
    assertTrue(b.stdout().lines().anyMatch(l -> l.startsWith(COORD) && l.contains("DAY")), b.stdout());

    cli.run("job", "-configcontent", WF).assertOk().assertLine("<name>oozie.wf.application.path</name>");
  }

  @Test
  void logDefinitionAndListings() throws Exception {
    cli.run("job", "-log", WF).assertOk().assertLine("INFO [" + WF + "] running");
    cli.run("job", "-definition", WF).assertOk().assertLine("<workflow-app name=\"daily-wf\"");

    OozieCliProcess.Result coords = cli.run("jobs", "-jobtype", "coordinator").assertOk();
    coords.assertLine("Job ID").assertLine("Next Materialized");
    assertTrue(coords.stdout().lines().anyMatch(l -> l.startsWith(COORD) && l.contains("daily")
        && l.contains("RUNNING") && l.contains("DAY") && l.contains("2026-01-04 00:00 GMT")), coords.stdout());

    OozieCliProcess.Result wfs = cli.run("jobs", "-jobtype", "wf").assertOk();
    assertTrue(wfs.stdout().lines().anyMatch(l -> l.startsWith(WF) && l.contains("daily-wf")
        && l.contains("RUNNING") && l.contains("alice")), wfs.stdout());
    cli.run("jobs").assertOk().assertLine(WF);
    cli.run("jobs", "-jobtype", "bundle").assertOk().assertLine(BUNDLE);
    cli.run("jobs", "-filter", "status=KILLED").assertOk().assertLine("No Jobs match your criteria!");
    cli.run("jobs", "-jobtype", "wf", "-filter", "name=daily-wf;status=RUNNING", "-offset", "1", "-len", "5")
        .assertOk().assertLine(WF);
    assertTrue(backend.calls.contains("jobs WF {name=[daily-wf], status=[RUNNING]} 1 5"), backend.calls.toString());
  }

  @Test
  void runSubmitStartDryrun() throws Exception {
    Path props = dir.resolve("job.properties");
    Files.writeString(props, "nameNode=file:///\noozie.wf.application.path=file:///apps/daily\nhk.name=from-cli\n");
    OozieCliProcess.Result run = cli.run("job", "-run", "-config", props.toString()).assertOk();
    Matcher m = Pattern.compile("^job: (\\d{7}-\\d{15}-hk-W)$", Pattern.MULTILINE).matcher(run.stdout());
    assertTrue(m.find(), run.stdout());
    String id = m.group(1);
    assertEquals("RUNNING", backend.get(id).status());
    assertTrue(backend.calls.stream().anyMatch(c -> c.startsWith("submit true {hk.name=from-cli, nameNode=file:///,"
        + " oozie.wf.application.path=file:///apps/daily, user.name=")), backend.calls.toString());

    String submitted = cli.run("job", "-submit", "-config", props.toString()).assertOk().stdout().trim();
    assertTrue(submitted.matches("job: \\d{7}-\\d{15}-hk-W"), submitted);
    String id2 = submitted.substring(5);
    assertEquals("PREP", backend.get(id2).status());
    cli.run("job", "-start", id2).assertOk();
    assertEquals("RUNNING", backend.get(id2).status());

    cli.run("job", "-dryrun", "-config", props.toString()).assertOk().assertLine("OK");
    Path coordProps = dir.resolve("coord.properties");
    Files.writeString(coordProps, "oozie.coord.application.path=file:///apps/coord\n");
    cli.run("job", "-dryrun", "-config", coordProps.toString()).assertOk()
        .assertLine("***coordJob after parsing: ***").assertLine("***total coord actions is 2 ***")
        .assertLine("<coordinator-app action=\"2\"/>");

    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "nothing=here\n");
    OozieCliProcess.Result refused = cli.run("job", "-run", "-config", bad.toString());
    assertNotEquals(0, refused.exitCode());
    assertTrue(refused.stderr().contains("E0405"), refused.stderr());
  }

  @Test
  void controls() throws Exception {
    cli.run("job", "-suspend", WF).assertOk();
    assertEquals("SUSPENDED", backend.get(WF).status());
    OozieCliProcess.Result twice = cli.run("job", "-suspend", WF);
    assertNotEquals(0, twice.exitCode());
    assertTrue(twice.stderr().contains("E1100") && twice.stderr().contains("only a RUNNING job can be suspended"),
        twice.stderr());
    cli.run("job", "-resume", WF).assertOk();
    assertEquals("RUNNING", backend.get(WF).status());

    cli.run("job", "-change", COORD, "-value", "endtime=2026-02-01T00:00Z;concurrency=2").assertOk();
    assertTrue(backend.calls.contains("change " + COORD + " {endtime=2026-02-01T00:00Z, concurrency=2}"),
        backend.calls.toString());

    cli.run("job", "-rerun", COORD, "-action", "1").assertOk().assertLine("Action ID")
        .assertLine(COORD + "@1\t2026-01-01 00:00 GMT");
    assertTrue(backend.calls.contains("coordRerun " + COORD + " ActionSelection[type=action, scope=1] false false "
        + "false"), backend.calls.toString());
    cli.run("job", "-rerun", COORD, "-date", "2026-01-02T00:00Z::2026-01-03T00:00Z", "-refresh", "-nocleanup")
        .assertOk().assertLine(COORD + "@2").assertLine(COORD + "@3");

    cli.run("job", "-ignore", COORD, "-action", "3").assertOk().assertLine(COORD + "@3").assertLine("IGNORED");
    cli.run("job", "-kill", COORD, "-action", "2").assertOk().assertLine(COORD + "@2");
    assertEquals("KILLED", ((dev.hadoopkit.workflow.server.api.Views.CoordJob) backend.get(COORD)).actions().get(1)
        .status());

    cli.run("job", "-rerun", WF, "-D", "oozie.wf.rerun.failnodes=true").assertOk();
    assertTrue(backend.calls.stream().anyMatch(c -> c.startsWith("rerunWorkflow " + WF)
        && c.contains("oozie.wf.rerun.failnodes=true")), backend.calls.toString());

    cli.run("job", "-kill", WF).assertOk();
    assertEquals("KILLED", backend.get(WF).status());
    cli.run("job", "-kill", COORD).assertOk();
    assertEquals("KILLED", backend.get(COORD).status());
  }

  @Test
  void unknownIdIsAnOozieError() throws Exception {
    String missing = "0000099-260101000000000-hk-W";
    OozieCliProcess.Result r = cli.run("job", "-info", missing);
    assertNotEquals(0, r.exitCode(), r.stdout());
    assertTrue(r.stderr().contains("Error: E0604 : ") && r.stderr().contains("Job does not exist [" + missing + "]"),
        r.stderr());
    assertTrue(!r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
    OozieCliProcess.Result k = cli.run("job", "-kill", "0000099-260101000000000-hk-C");
    assertNotEquals(0, k.exitCode());
    assertTrue(k.stderr().contains("E0604"), k.stderr());
  }

  @Test
  void tokenThroughTheClientsHeaderOption() throws Exception {
    server.close();
    server = new OozieHttpServer(backend).stopGrace(Duration.ZERO)
        .requireToken("tok-123").start(OozieHttpServer.loopback(0));
    OozieCliProcess anonymous = new OozieCliProcess(server.oozieUrl()).workDir(dir);
    anonymous.run("job", "-info", WF).assertOk();
    OozieCliProcess.Result refused = anonymous.run("job", "-suspend", WF);
    assertNotEquals(0, refused.exitCode());
    assertTrue(refused.stderr().contains("E0501") && refused.stderr().contains("token"), refused.stderr());
    assertEquals("RUNNING", backend.get(WF).status());
    new OozieCliProcess(server.oozieUrl()).workDir(dir).header("Authorization", "Bearer tok-123")
        .run("job", "-suspend", WF).assertOk();
    assertEquals("SUSPENDED", backend.get(WF).status());
  }
}
