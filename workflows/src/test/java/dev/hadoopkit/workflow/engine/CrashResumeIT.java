package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine runs in a child JVM ({@code WorkflowCli run}) and is killed with SIGKILL in the middle of a fork; a new
 * engine resumes the run from its journal without running the completed action again.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashResumeIT {
  @TempDir
  Path root;

  /*
   *           /-> quick (appends to quick.count)                      -\
   *  start -> fork                                                      -> join -> after -> end
   *           \-> slow  (appends to slow.count, waits for a release file) -/
   *
   *  kill -9 of the engine when quick is OK and slow is RUNNING; resume: quick not re-run, slow re-run once.
   */
  @Test
  void resumeAfterKillNineFinishesWithoutRerunningCompletedActions() throws Exception {
    Path quick = root.resolve("quick.count");
    Path slow = root.resolve("slow.count");
    Path after = root.resolve("after.count");
    Path release = root.resolve("release");
    Path app = app(root, "app", "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"crash\">\n"
        + "  <start to=\"fork\"/>\n  <fork name=\"fork\"><path start=\"quick\"/><path start=\"slow\"/></fork>\n"
        + shell("quick", "echo q >> " + quick, "join", "fail", false)
        + shell("slow", "echo s >> " + slow + "; while [ ! -f " + release + " ]; do sleep 0.1; done", "join", "fail",
            false)
        + "  <join name=\"join\" to=\"after\"/>\n"
        + shell("after", "echo a >> " + after, "end", "fail", false)
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Path jobProperties = root.resolve("job.properties");
    Files.writeString(jobProperties, "nameNode=file:///\njobTracker=local\noozie.wf.application.path=" + app.toUri()
        + "\n");
    Path state = root.resolve("state");

    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), WorkflowCli.class.getName(), "run", "-config",
        jobProperties.toString())
        .redirectErrorStream(true).redirectOutput(root.resolve("engine.out").toFile());
    builder.environment().put("HK_WORKFLOW_STATE_DIR", state.toString());
    Process engineProcess = builder.start();

    RunStore store = new RunStore(state, false);
    String id = null;
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      List<String> ids = store.ids();
      if (!ids.isEmpty() && store.exists(ids.get(0))) {
        id = ids.get(0);
        RunState s = store.load(id);
        NodeRun q = s.nodeRun("quick");
        NodeRun sl = s.nodeRun("slow");
        if (q != null && q.status() == NodeStatus.OK && sl != null && sl.externalId() != null
            && Files.exists(slow)) {
          break;
        }
      }
      assertTrue(engineProcess.isAlive(), "the engine ended early: " + Files.readString(root.resolve("engine.out")));
      Thread.sleep(50);
    }
    assertTrue(id != null, "no run was created");
    engineProcess.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
    assertTrue(engineProcess.waitFor(10, TimeUnit.SECONDS));
    assertEquals(137, engineProcess.exitValue(), "killed by SIGKILL");

    RunState crashed = store.load(id);
    assertEquals(WorkflowStatus.RUNNING, crashed.info().status());
    assertEquals(NodeStatus.OK, crashed.nodeRun("quick").status());
    assertEquals(NodeStatus.RUNNING, crashed.nodeRun("slow").status());
    assertEquals(1, Files.readAllLines(quick).size());

    Files.writeString(release, "go");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new WorkflowCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("HK_WORKFLOW_STATE_DIR", state.toString()))
        .withConf(new Configuration()).run(new String[] {"run", "--resume", id});
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed + err);
    assertTrue(printed.contains("Workflow " + id + " SUCCEEDED"), printed);

    RunState resumed = store.load(id);
    assertEquals(WorkflowStatus.SUCCEEDED, resumed.info().status());
    assertEquals(1, Files.readAllLines(quick).size(), "quick ended OK before the crash and must not run again");
    assertEquals(2, Files.readAllLines(slow).size(), "slow was running at the crash and runs again once");
    assertEquals(1, Files.readAllLines(after).size());
    assertEquals(1, resumed.nodeRun("quick").attempt());
    assertEquals(2, resumed.nodeRun("slow").attempt());
    String log = Files.readString(store.runDir(id).resolve("run.log"));
    assertTrue(log.contains("slow: was RUNNING when the previous engine stopped"), log);
    assertFalse(resumed.nodeRuns().stream().anyMatch(n -> n.status() == NodeStatus.RUNNING));
  }

  /*
   *  parent: start -> sub(sub-workflow) -> end
   *  child:  start -> first (appends to first.count) -> wait (appends to wait.count, waits for a release file) -> end
   *
   *  kill -9 while the child's 'wait' runs; resuming the parent resumes the same child run: 'first' is not re-run.
   */
  @Test
  void resumeContinuesTheSameSubWorkflowRun() throws Exception {
    Path first = root.resolve("first.count");
    Path wait = root.resolve("wait.count");
    Path release = root.resolve("release-child");
    Path child = app(root, "child", "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"child\">\n"
        + "  <start to=\"first\"/>\n"
        + shell("first", "echo f >> " + first, "wait", "fail", false)
        + shell("wait", "echo w >> " + wait + "; while [ ! -f " + release + " ]; do sleep 0.1; done", "end", "fail",
            false)
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Path parent = app(root, "parent", "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"parent\">\n"
        + "  <start to=\"sub\"/>\n  <action name=\"sub\"><sub-workflow><app-path>" + child.toUri()
        + "</app-path><propagate-configuration/></sub-workflow><ok to=\"end\"/><error to=\"fail\"/></action>\n"
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Path jobProperties = root.resolve("parent.properties");
    Files.writeString(jobProperties, "nameNode=file:///\njobTracker=local\noozie.wf.application.path="
        + parent.toUri() + "\n");
    Path state = root.resolve("state");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), WorkflowCli.class.getName(), "run", "-config",
        jobProperties.toString())
        .redirectErrorStream(true).redirectOutput(root.resolve("engine2.out").toFile());
    builder.environment().put("HK_WORKFLOW_STATE_DIR", state.toString());
    Process engineProcess = builder.start();
    RunStore store = new RunStore(state, false);
    String parentId = null;
    String childId = null;
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline && childId == null) {
      List<String> ids = store.ids();
      if (ids.size() == 2 && store.exists(ids.get(0)) && store.exists(ids.get(1))) {
        RunState c = store.load(ids.get(1));
        NodeRun w = c.nodeRun("wait");
        if (w != null && w.externalId() != null && Files.exists(wait)) {
          parentId = ids.get(0);
          childId = ids.get(1);
        }
      }
      assertTrue(engineProcess.isAlive(), "the engine ended early: " + Files.readString(root.resolve("engine2.out")));
      Thread.sleep(50);
    }
    assertTrue(childId != null, "the child run never reached 'wait'");
    engineProcess.destroyForcibly();
    assertTrue(engineProcess.waitFor(10, TimeUnit.SECONDS));
    assertEquals(childId, store.load(parentId).nodeRun("sub").externalId());

    Files.writeString(release, "go");
    WorkflowEngine engine = TestApps.engine(root, 2);
    RunState resumed = engine.run(parentId, RunListener.NONE);
    assertEquals(WorkflowStatus.SUCCEEDED, resumed.info().status(), resumed.info().statusMessage());
    assertEquals(childId, resumed.nodeRun("sub").externalId(), "the same child run, not a new one");
    assertEquals(2, store.ids().size());
    RunState childState = store.load(childId);
    assertEquals(WorkflowStatus.SUCCEEDED, childState.info().status());
    assertEquals(1, Files.readAllLines(first).size(), "the child's completed action must not run again");
    assertEquals(2, Files.readAllLines(wait).size());
  }
}
