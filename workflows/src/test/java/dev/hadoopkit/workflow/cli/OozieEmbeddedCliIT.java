package dev.hadoopkit.workflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.scheduler.WorkflowViews;
import dev.hadoopkit.workflow.server.InMemoryOozieBackend;
import dev.hadoopkit.workflow.server.OozieCliProcess;
import dev.hadoopkit.workflow.server.OozieHttpServer;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 8: {@code bin/oozie} without a server (the embedded engine): -submit leaves PREP until -start,
 * -suspend/-resume (journaled), -status, -definition, -info -verbose|-offset|-len and jobs -filter/-offset/-len —
 * and what it prints is what the real Apache Oozie 5.2.1 client prints for the same job from a server.
 */
class OozieEmbeddedCliIT {
  @TempDir
  Path root;

  private record Printed(int exit, String out, String err) {
  }

  private Printed oozie(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = OozieCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("HK_WORKFLOW_STATE_DIR", root.resolve("state").toString()));
    return new Printed(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String shell(String name, String command, String ok) {
    return "  <action name=\"" + name + "\"><shell xmlns=\"uri:oozie:shell-action:0.3\"><exec>bash</exec>"
        + "<argument>-c</argument><argument>" + command + "</argument></shell><ok to=\"" + ok + "\"/>"
        + "<error to=\"fail\"/></action>\n";
  }

  /*
   *  start -> first (waits for a release file) -> second (appends to second.count) -> end
   *
   *  -submit: PREP; -start drives it; -suspend while first runs: first finishes, second does not start;
   *  -resume: second runs, SUCCEEDED.
   */
  @Test
  void submitStartSuspendResumeStatusDefinitionInfoAndJobs() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Path release = root.resolve("release");
      Path second = root.resolve("second.count");
      Path app = Files.createDirectories(root.resolve("app"));
      String xml = "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"pausable\">\n  <start to=\"first\"/>\n"
          + shell("first", "while [ ! -f " + release + " ]; do sleep 0.1; done", "second")
          + shell("second", "echo s &gt;&gt; " + second, "end")
          + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n";
      Files.writeString(app.resolve("workflow.xml"), xml);
      Path props = Files.writeString(root.resolve("job.properties"), "nameNode=file:///\njobTracker=local\n"
          + "oozie.wf.application.path=" + app.toUri() + "\n");

      Printed submitted = oozie("job", "-config", props.toString(), "-submit");
      assertEquals(0, submitted.exit(), submitted.err());
      assertTrue(submitted.out().startsWith("job: "), submitted.out());
      String id = submitted.out().strip().substring(5);
      assertEquals("PREP\n", oozie("job", "-status", id).out());
      assertEquals(xml, oozie("job", "-definition", id).out());
      Printed prepJobs = oozie("jobs", "-filter", "status=PREP");
      assertTrue(prepJobs.out().lines().anyMatch(l -> l.startsWith(id) && l.contains("PREP")), prepJobs.out());

      CompletableFuture<Printed> started = CompletableFuture.supplyAsync(() -> {
        try {
          return oozie("job", "-start", id);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      RunStore store = new RunStore(root.resolve("state"), false);
      long deadline = System.currentTimeMillis() + 30_000;
      while (store.load(id).nodeRun("first") == null || store.load(id).nodeRun("first").externalId() == null) {
        assertTrue(System.currentTimeMillis() < deadline && !started.isDone(), "first never started");
        Thread.sleep(50);
      }
      Printed suspended = oozie("job", "-suspend", id);
      assertEquals(0, suspended.exit(), suspended.err());
      assertEquals("SUSPENDED\n", oozie("job", "-status", id).out());
      Files.writeString(release, "go");
      deadline = System.currentTimeMillis() + 30_000;
      while (store.load(id).nodeRun("first").status() != dev.hadoopkit.workflow.state.NodeStatus.OK) {
        assertTrue(System.currentTimeMillis() < deadline, "first did not finish while suspended");
        Thread.sleep(50);
      }
      Thread.sleep(1_000);
      RunState frozen = store.load(id); // what a restarted engine replays from the journal
      assertEquals(WorkflowStatus.SUSPENDED, frozen.info().status());
      assertNull(frozen.nodeRun("second"), "no new action starts while suspended");
      assertTrue(oozie("jobs", "-filter", "status=SUSPENDED;name=pausable").out().lines()
          .anyMatch(l -> l.startsWith(id)));

      Printed resumed = oozie("job", "-resume", id);
      assertEquals(0, resumed.exit(), resumed.err());
      Printed run = started.get(60, TimeUnit.SECONDS);
      assertEquals(0, run.exit(), run.out() + run.err());
      assertEquals("SUCCEEDED\n", oozie("job", "-status", id).out());
      assertEquals(1, Files.readAllLines(second).size());
      Printed again = oozie("job", "-start", id);
      assertEquals(1, again.exit());
      assertTrue(again.err().contains("is SUCCEEDED, not PREP"), again.err());

      Printed other = oozie("job", "-config", props.toString(), "-run");
      assertEquals(0, other.exit(), other.err());
      String otherId = other.out().lines().filter(l -> l.startsWith("job: ")).findFirst().orElseThrow().substring(5);
      Printed page = oozie("jobs", "-jobtype", "wf", "-offset", "2", "-len", "1");
      assertEquals(List.of(id), page.out().lines().filter(l -> l.contains("-hk-W")).map(l -> l.split(" ")[0])
          .toList(), "newest first: the second of two is the first run\n" + page.out());
      assertTrue(oozie("jobs", "-len", "1").out().contains(otherId));
      Printed bogus = oozie("jobs", "-filter", "colour=red");
      assertEquals(2, bogus.exit());
      assertTrue(bogus.err().contains("E0420") && bogus.err().contains("colour"), bogus.err());

      Printed oneAction = oozie("job", "-info", id, "-offset", "2", "-len", "1");
      List<String> rows = oneAction.out().lines().filter(l -> l.startsWith(id + "@")).toList();
      assertEquals(1, rows.size(), oneAction.out());
      assertTrue(rows.get(0).startsWith(id + "@first "), oneAction.out());

      // the real Oozie 5.2.1 client, given the same job by a server, prints the same bytes
      WorkflowEngine engine = new WorkflowEngine(new EngineSettings(root.resolve("state"), 2, 65536, false,
          Clock.systemUTC()), ActionRegistry.standard(), new Configuration(), null);
      InMemoryOozieBackend backend = new InMemoryOozieBackend();
      backend.put(WorkflowViews.workflow(engine, id, new Configuration()));
      try (OozieHttpServer server = new OozieHttpServer(backend).stopGrace(Duration.ZERO)
          .start(OozieHttpServer.loopback(0))) {
        OozieCliProcess real = new OozieCliProcess(server.oozieUrl()).workDir(root);
        for (List<String> args : List.of(List.of("job", "-info", id), List.of("job", "-info", id, "-verbose"))) {
          String oozieOut = real.run(args.toArray(new String[0])).assertOk().stdout();
          Printed ours = oozie(args.toArray(new String[0]));
          assertEquals(oozieOut, ours.out(), "bin/oozie " + args + " differs from Oozie 5.2.1's client");
        }
        String realJobs = real.run("jobs", "-jobtype", "wf").assertOk().stdout();
        String ourJobs = oozie("jobs", "-jobtype", "wf").out();
        assertEquals(realJobs.lines().findFirst(), ourJobs.lines().findFirst(), "the header");
        assertEquals(realJobs.lines().filter(l -> l.startsWith(id)).toList(),
            ourJobs.lines().filter(l -> l.startsWith(id)).toList(), realJobs + "\n" + ourJobs);
      }
    });
  }
}
