package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.cli.WorkflowCli;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine ({@code WorkflowCli run} in a child JVM) stopped from outside: SIGTERM leaves the run RUNNING and
 * resumable (issue 15 defect 5); after SIGKILL the attempt the dead engine started is found by its pid and start time
 * and stopped before the resumed engine starts a new one, so two attempts never run at once (issue 15 defect 3).
 */
class EngineStopIT {
  @TempDir
  Path root;

  /*
   *           /-> quick (appends to quick.count)                                  -\
   *  start -> fork                                                                  -> join -> end
   *           \-> slow  (writes its pid to slow.pid, notes an overlap, waits for a release file) -/
   */
  private Path forkApp() throws Exception {
    Path slowLog = root.resolve("slow.log");
    Path pidFile = root.resolve("slow.pid");
    Path release = root.resolve("release");
    String slow = "if [ -f " + pidFile + " ] && kill -0 $(cat " + pidFile + ") 2>/dev/null; then echo OVERLAP >> "
        + slowLog + "; fi; echo $$ > " + pidFile + "; echo started >> " + slowLog + "; while [ ! -f " + release
        + " ]; do sleep 0.1; done";
    Path app = app(root, "app", "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"stop\">\n"
        + "  <start to=\"fork\"/>\n  <fork name=\"fork\"><path start=\"quick\"/><path start=\"slow\"/></fork>\n"
        + shell("quick", "echo q >> " + root.resolve("quick.count"), "join", "fail", false)
        + shell("slow", slow, "join", "fail", false)
        + "  <join name=\"join\" to=\"end\"/>\n"
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Path jobProperties = root.resolve("job.properties");
    Files.writeString(jobProperties, "nameNode=file:///\njobTracker=local\noozie.wf.application.path=" + app.toUri()
        + "\n");
    return jobProperties;
  }

  private Process startEngine(Path jobProperties, Path state) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), WorkflowCli.class.getName(), "run", "-config",
        jobProperties.toString())
        .redirectErrorStream(true).redirectOutput(root.resolve("engine.out").toFile());
    builder.environment().put("HK_WORKFLOW_STATE_DIR", state.toString());
    return builder.start();
  }

  /** Waits (bounded) until quick is OK and slow runs with a recorded pid; returns the run id. */
  private String awaitSlowRunning(RunStore store, Process engine) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      List<String> ids = store.ids();
      if (!ids.isEmpty() && store.exists(ids.get(0))) {
        RunState s = store.load(ids.get(0));
        NodeRun q = s.nodeRun("quick");
        NodeRun sl = s.nodeRun("slow");
        if (q != null && q.status() == NodeStatus.OK && sl != null && sl.externalId() != null
            && Files.exists(root.resolve("slow.pid"))) {
          return ids.get(0);
        }
      }
      assertTrue(engine.isAlive(), "the engine ended early: " + Files.readString(root.resolve("engine.out")));
      Thread.sleep(50);
    }
    throw new AssertionError("slow never started: " + Files.readString(root.resolve("engine.out")));
  }

  private static long pid(NodeRun node) {
    return Long.parseLong(node.externalId().substring("pid:".length()));
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private int resume(Path state, String id, ByteArrayOutputStream out) throws Exception {
    return new WorkflowCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8), Map.of("HK_WORKFLOW_STATE_DIR", state.toString()))
        .withConf(new Configuration()).run(new String[] {"run", "--resume", id});
  }

  @Test
  void sigtermLeavesTheRunRunningAndResumable() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Path state = root.resolve("state");
      Process engine = startEngine(forkApp(), state);
      RunStore store = new RunStore(state, false);
      String id = awaitSlowRunning(store, engine);
      long slowPid = pid(store.load(id).nodeRun("slow"));

      engine.destroy(); // SIGTERM, as systemd, kill or a CI timeout sends it
      assertTrue(engine.waitFor(20, TimeUnit.SECONDS), "the engine must stop on SIGTERM");
      String engineOut = Files.readString(root.resolve("engine.out"));

      RunState stopped = store.load(id);
      assertEquals(WorkflowStatus.RUNNING, stopped.info().status(), "SIGTERM is not a kill: " + stopped.info().statusMessage()
          + "\n" + engineOut);
      assertEquals(NodeStatus.OK, stopped.nodeRun("quick").status());
      assertEquals(NodeStatus.RUNNING, stopped.nodeRun("slow").status(), stopped.nodeRun("slow").errorMessage());
      String log = Files.readString(store.runDir(id).resolve("run.log"));
      assertFalse(log.contains("KILLED"), log);
      assertTrue(log.contains("resume it with 'bin/workflow run --resume " + id + "'"), log);
      Thread.sleep(200);
      assertFalse(alive(slowPid), "the engine stops its child processes when it is terminated");

      Files.writeString(root.resolve("release"), "go");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = resume(state, id, out);
      assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
      RunState resumed = store.load(id);
      assertEquals(WorkflowStatus.SUCCEEDED, resumed.info().status());
      assertEquals(1, Files.readAllLines(root.resolve("quick.count")).size());
      assertEquals(2, resumed.nodeRun("slow").attempt());
    });
  }

  @Test
  void resumeAfterSigkillStopsTheOrphanedAttemptBeforeStartingANewOne() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Path state = root.resolve("state");
      Process engine = startEngine(forkApp(), state);
      RunStore store = new RunStore(state, false);
      String id = awaitSlowRunning(store, engine);
      long orphan = pid(store.load(id).nodeRun("slow"));

      engine.destroyForcibly(); // SIGKILL: no hook runs, the shell child lives on
      assertTrue(engine.waitFor(10, TimeUnit.SECONDS));
      assertTrue(alive(orphan), "the old attempt outlives a SIGKILLed engine");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CompletableFuture<Integer> resumed = CompletableFuture.supplyAsync(() -> {
        try {
          return resume(state, id, out);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      try {
        long deadline = System.currentTimeMillis() + 60_000;
        while (Files.readAllLines(root.resolve("slow.log")).size() < 2 && !resumed.isDone()
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(50);
        }
      } finally {
        Files.writeString(root.resolve("release"), "go"); // lets any attempt still waiting end
      }
      assertEquals(0, resumed.get(60, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8));
      List<String> slowLog = Files.readAllLines(root.resolve("slow.log"));
      assertEquals(List.of("started", "started"), slowLog, "the new attempt started while the old one ran");
      assertFalse(alive(orphan));
      String log = Files.readString(store.runDir(id).resolve("run.log"));
      assertTrue(log.contains("slow: the previous engine's attempt 1 (pid " + orphan + ", started "), log);
      assertTrue(log.contains("still runs; killed it before starting attempt 2"), log);
      assertEquals(WorkflowStatus.SUCCEEDED, store.load(id).info().status());
    });
  }
}
