package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.TAIL;
import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.assertNode;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.head;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static dev.hadoopkit.workflow.engine.TestApps.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Workflows run end to end through the engine with local Hadoop (file://): fs, shell, control nodes, state. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorkflowEngineIT {
  @TempDir
  Path root;

  /*
   *  start -> prep(fs) -> report(shell, capture) -> check(decision) --fs:exists && actionData--> end
   *                                                        \--default--> fail(kill)
   */
  @Test
  void fsShellAndDecision() throws Exception {
    Path data = Files.createDirectories(root.resolve("data"));
    Files.writeString(data.resolve("old"), "stale");
    String d = data.toUri().toString();
    Path app = app(root, "app", head("fs-shell", "prep")
        + "  <action name=\"prep\">\n    <fs>\n"
        + "      <delete path=\"" + d + "old\"/>\n"
        + "      <mkdir path=\"" + d + "out/sub\"/>\n"
        + "      <touchz path=\"" + d + "out/sub/_SUCCESS\"/>\n"
        + "      <move source=\"" + d + "out/sub\" target=\"" + d + "moved\"/>\n"
        + "      <chmod path=\"" + d + "moved\" permissions=\"750\" dir-files=\"true\"/>\n"
        + "    </fs>\n    <ok to=\"report\"/><error to=\"fail\"/>\n  </action>\n"
        + shell("report", "echo files=$(ls " + data.resolve("moved") + " | wc -l); echo id=${wf:id()}", "check",
            "fail", true)
        + "  <decision name=\"check\"><switch>\n"
        + "    <case to=\"end\">${fs:exists('" + d + "moved/_SUCCESS') and wf:actionData('report')['files'] eq"
        + " '1'}</case>\n    <default to=\"fail\"/>\n  </switch></decision>\n" + TAIL);
    RunState state = run(engine(root, 4), app, Map.of());

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    for (String node : List.of(":start:", "prep", "report", "check", "end")) {
      assertNode(state, node, NodeStatus.OK);
    }
    assertEquals(List.of("end"), state.nodeRun("check").transitions());
    assertEquals(state.info().id(), state.nodeRun("report").data().get("id"));
    assertFalse(Files.exists(data.resolve("old")));
    assertTrue(Files.exists(data.resolve("moved/_SUCCESS")));
    assertFalse(Files.exists(data.resolve("out/sub")));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("moved"))));
    assertEquals("rwxr-x---",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("moved/_SUCCESS"))));
  }

  /*
   *           /-> s1 (sleep 1) -\
   *  start -> fork -> s2 ...     -> join -> end
   *           \-> s4 (sleep 1) -/
   */
  @Test
  void forkRunsPathsInParallel() throws Exception {
    StringBuilder xml = new StringBuilder(head("fork", "fork") + "  <fork name=\"fork\">\n");
    for (int i = 1; i <= 4; i++) {
      xml.append("    <path start=\"s").append(i).append("\"/>\n");
    }
    xml.append("  </fork>\n");
    for (int i = 1; i <= 4; i++) {
      xml.append(shell("s" + i, "sleep 1", "join", "fail", false));
    }
    xml.append("  <join name=\"join\" to=\"end\"/>\n").append(TAIL);
    Path app = app(root, "fork", xml.toString());
    long t0 = System.nanoTime();
    RunState state = run(engine(root, 4), app, Map.of());
    long wallMs = (System.nanoTime() - t0) / 1_000_000;

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    long latestStart = 0;
    long earliestEnd = Long.MAX_VALUE;
    long sumOfDurations = 0;
    for (int i = 1; i <= 4; i++) {
      NodeRun s = state.nodeRun("s" + i);
      assertEquals(NodeStatus.OK, s.status());
      latestStart = Math.max(latestStart, s.startTime());
      earliestEnd = Math.min(earliestEnd, s.endTime());
      sumOfDurations += s.endTime() - s.startTime();
    }
    assertTrue(latestStart < earliestEnd, "all four sleeps must overlap in time");
    assertTrue(wallMs < sumOfDurations, "4 x sleep 1 with a pool of 4 took " + wallMs + " ms; one after another"
        + " would take at least the sum of their durations, " + sumOfDurations + " ms");
    assertNode(state, "join", NodeStatus.OK);
  }

  /*
   *  start -> broken(shell exit 3) --error--> fail(kill, message with EL)
   */
  @Test
  void errorTransitionToKillWithMessage() throws Exception {
    Path app = app(root, "kill", head("kill", "broken")
        + shell("broken", "echo bad input >&2; exit 3", "end", "fail", false) + TAIL);
    RunState state = run(engine(root, 2), app, Map.of());

    assertEquals(WorkflowStatus.KILLED, state.info().status());
    assertNode(state, "broken", NodeStatus.ERROR);
    assertNode(state, "fail", NodeStatus.KILLED);
    assertEquals("1", state.nodeRun("broken").errorCode());
    assertTrue(state.nodeRun("broken").errorMessage().contains("exited with code 3"));
    assertTrue(state.info().statusMessage().contains("failed at broken:"), state.info().statusMessage());
    assertTrue(state.info().statusMessage().contains("bad input"), state.info().statusMessage());
    assertEquals("broken", state.info().lastErrorNode());
  }

  /*
   *  start -> flaky(shell; fails twice, retry-max=3) -> end
   *  start2 -> never(shell; always fails, retry-max=2) --error--> fail
   */
  @Test
  void userRetriesUseTheInjectedClock() throws Exception {
    Path counter = root.resolve("attempts");
    Path app = app(root, "retry", head("retry", "flaky").replace("<start", "<start")
        + shell("flaky", "echo x >> " + counter + "; test $(wc -l < " + counter + ") -ge 3", "end", "fail", false)
            .replace("<action name=\"flaky\">", "<action name=\"flaky\" retry-max=\"3\" retry-interval=\"10\">")
        + TAIL);
    TestApps.ManualClock clock = new TestApps.ManualClock(Instant.parse("2026-01-05T08:00:00Z"));
    List<Long> waits = new CopyOnWriteArrayList<>();
    RunListener advanceToRetry = (runId, record) -> {
      if (record instanceof JournalRecord.Retry retry) {
        waits.add(retry.dueTime() - retry.time());
        clock.advanceTo(retry.dueTime()); // the test, not the engine, lets the retry interval pass
      }
    };
    long t0 = System.nanoTime();
    RunState state = run(engine(root, 2, clock), app, Map.of(), advanceToRetry);
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 20_000, "retries of 10 minutes must not really wait");
    assertEquals(List.of(600_000L, 600_000L), waits, "two retries, 10 minutes each");
    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertEquals(3, state.nodeRun("flaky").attempt());
    assertEquals(3, Files.readAllLines(counter).size());

    Path never = app(root, "retry2", head("retry2", "never")
        + shell("never", "echo y >> " + root.resolve("never") + "; exit 1", "end", "fail", false)
            .replace("<action name=\"never\">", "<action name=\"never\" retry-max=\"2\" retry-interval=\"1\""
                + " retry-policy=\"exponential\">")
        + TAIL);
    waits.clear();
    RunState failed = run(engine(root, 2, clock), never, Map.of(), advanceToRetry);
    assertEquals(WorkflowStatus.KILLED, failed.info().status());
    assertNode(failed, "never", NodeStatus.ERROR);
    assertEquals(3, failed.nodeRun("never").attempt());
    assertEquals(3, Files.readAllLines(root.resolve("never")).size());
  }

  /*
   *  start -> mark(shell, appends to a file) -> gate(shell, needs a flag file) -> end
   *  run 0: gate fails -> fail.  rerun failnodes: mark skipped, gate runs again with wf:run()=1.
   */
  @Test
  void rerunFailNodesSkipsWhatSucceeded() throws Exception {
    Path marks = root.resolve("marks");
    Path flag = root.resolve("flag");
    Path app = app(root, "rerun", head("rerun", "mark")
        + shell("mark", "echo m >> " + marks, "gate", "fail", false)
        + shell("gate", "test -f " + flag + " && echo run=${wf:run()}", "end", "fail", true) + TAIL);
    WorkflowEngine engine = engine(root, 2);
    RunState first = run(engine, app, Map.of());
    assertEquals(WorkflowStatus.KILLED, first.info().status());
    assertNode(first, "gate", NodeStatus.ERROR);

    WorkflowException notEnded = assertThrows(WorkflowException.class,
        () -> engine.rerun(first.info().id(), false, List.of("gate"), RunListener.NONE));
    assertEquals(ErrorCode.E0807, notEnded.code());

    Files.writeString(flag, "go");
    RunState second = engine.rerun(first.info().id(), true, List.of(), RunListener.NONE);
    assertEquals(WorkflowStatus.SUCCEEDED, second.info().status(), second.info().statusMessage());
    assertEquals(first.info().id(), second.info().id());
    assertEquals(1, second.info().run());
    assertTrue(second.nodeRun("mark").skipped());
    assertEquals(1, Files.readAllLines(marks).size(), "mark must not run again");
    assertEquals("1", second.nodeRun("gate").data().get("run"));

    RunState third = engine.rerun(first.info().id(), false, List.of("mark"), RunListener.NONE);
    assertEquals(2, third.info().run());
    assertEquals(WorkflowStatus.SUCCEEDED, third.info().status());
    assertEquals(1, Files.readAllLines(marks).size());
  }

  /*
   *  start -> long(shell sleep 60) -> end        killed from another thread through kill.request
   */
  @Test
  void killStopsARunningRun() throws Exception {
    Path app = app(root, "long", head("long", "long") + shell("long", "sleep 60", "end", "fail", false) + TAIL);
    WorkflowEngine engine = engine(root, 2);
    Submission submission = engine.prepare(Map.of(), Map.of(), app.toString());
    String id = engine.submit(submission, null, RunListener.NONE);
    CompletableFuture<RunState> running = CompletableFuture.supplyAsync(() -> {
      try {
        return engine.run(id, RunListener.NONE);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    long deadline = System.currentTimeMillis() + 60_000;
    while (engine.store().load(id).nodeRun("long") == null
        || engine.store().load(id).nodeRun("long").externalId() == null) {
      assertTrue(System.currentTimeMillis() < deadline, "action long did not start within 60 s");
      assertFalse(running.isDone(), "the run ended before action long started");
      Thread.sleep(50);
    }
    long t0 = System.nanoTime();
    RunState killed = engine.kill(id, 20_000);
    assertEquals(WorkflowStatus.KILLED, killed.info().status());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000);
    RunState finalState = running.get(60, TimeUnit.SECONDS);
    assertNode(finalState, "long", NodeStatus.KILLED);
    long pid = Long.parseLong(finalState.nodeRun("long").externalId().substring("pid:".length()));
    Thread.sleep(200);
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the shell must be stopped");
  }

  /*
   *  start -> hive(unsupported type) --error--> fail
   */
  @Test
  void unsupportedActionTypeValidatesButFailsAtRunTime() throws Exception {
    Path app = app(root, "pig", head("pig", "p")
        + "  <action name=\"p\"><pig><script>x.pig</script></pig><ok to=\"end\"/><error to=\"fail\"/></action>\n"
        + TAIL);
    RunState state = run(engine(root, 2), app, Map.of());
    assertEquals(WorkflowStatus.KILLED, state.info().status());
    assertEquals("E0723", state.nodeRun("p").errorCode());
    assertTrue(state.nodeRun("p").errorMessage().contains("type [pig]"));
  }

  /*
   *  parent: start -> child(sub-workflow, propagate-configuration) -> end
   *  child:  start -> write(shell: echo ${greeting} > out) -> end
   */
  @Test
  void subWorkflowWithPropagatedConfiguration() throws Exception {
    Path out = root.resolve("child-out");
    Path child = app(root, "child", head("child", "write")
        + shell("write", "echo ${greeting} ${extra} > " + out, "end", "fail", false) + TAIL);
    Path parent = app(root, "parent", head("parent", "sub")
        + "  <action name=\"sub\"><sub-workflow><app-path>" + child.toUri() + "</app-path><propagate-configuration/>"
        + "<configuration><property><name>extra</name><value>from-action</value></property></configuration>"
        + "</sub-workflow><ok to=\"end\"/><error to=\"fail\"/></action>\n" + TAIL);
    WorkflowEngine engine = engine(root, 2);
    RunState state = run(engine, parent, Map.of("greeting", "hello"));
    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    String childId = state.nodeRun("sub").externalId();
    assertTrue(childId.endsWith("-hk-W"));
    RunState childState = engine.store().load(childId);
    assertEquals(state.info().id(), childState.info().parent());
    assertEquals(WorkflowStatus.SUCCEEDED, childState.info().status());
    assertEquals("hello from-action", Files.readString(out, StandardCharsets.UTF_8).trim());
  }
}
