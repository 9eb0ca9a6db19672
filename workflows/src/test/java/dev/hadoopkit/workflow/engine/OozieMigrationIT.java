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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: what a user migrating Oozie apps meets — global precedence, rerun with new configuration, kills, codes. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OozieMigrationIT {
  @TempDir
  Path root;

  private static String property(String name, String value) {
    return "<property><name>" + name + "</name><value>" + value + "</value></property>";
  }

  /** The action configuration an attempt ran with (action.xml in its work dir). */
  private static Configuration actionConf(WorkflowEngine engine, RunState state, String node) {
    Configuration conf = new Configuration(false);
    conf.addResource(new org.apache.hadoop.fs.Path(engine.store().runDir(state.info().id())
        .resolve("actions/" + node + "/r" + state.info().run() + "-a1/action.xml").toUri()));
    return conf;
  }

  /*
   *  <global> job-xml sets a=job-xml, b=job-xml; <global> configuration sets a=global, b=global
   *  start -> plain(shell, no configuration) -> own(shell, configuration b=own) -> end
   */
  @Test
  void globalConfigurationWinsOverGlobalJobXml() throws Exception {
    Path app = app(root, "global", head("global", "plain").replace("  <start",
        "  <global><job-xml>global.xml</job-xml><configuration>" + property("a", "global") + property("b", "global")
            + "</configuration></global>\n  <start")
        + shell("plain", "true", "own", "fail", false)
        + shell("own", "true", "end", "fail", false).replace("<exec>",
            "<configuration>" + property("b", "own") + "</configuration><exec>")
        + TAIL);
    Files.writeString(app.resolve("global.xml"), "<configuration>" + property("a", "job-xml")
        + property("b", "job-xml") + property("c", "job-xml") + "</configuration>");
    WorkflowEngine engine = engine(root, 2);
    RunState state = run(engine, app, Map.of());

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    Configuration plain = actionConf(engine, state, "plain");
    assertEquals("global", plain.get("a"), "global <configuration> wins over global <job-xml>");
    assertEquals("job-xml", plain.get("c"));
    Configuration own = actionConf(engine, state, "own");
    assertEquals("global", own.get("a"));
    assertEquals("own", own.get("b"), "the action's own <configuration> wins over <global>");
  }

  /*
   *  start -> check(shell: test "${mode}" = fixed) -> end
   *  run 0 with mode=broken fails; rerun with mode=fixed (and a new secret) succeeds under the same id.
   */
  @Test
  void rerunMergesNewConfigurationIntoTheRun() throws Exception {
    Path app = app(root, "fix", head("fix", "check")
        + shell("check", "test '${mode}' = fixed || exit 1; echo mode=${mode}; echo keep=${keep}", "end", "fail",
            true) + TAIL);
    WorkflowEngine engine = engine(root, 2);
    RunState first = run(engine, app, Map.of("mode", "broken", "keep", "k1", "out", "${keep}-x"));
    assertEquals(WorkflowStatus.KILLED, first.info().status());

    RunState second = engine.rerun(first.info().id(), false, List.of(),
        Map.of("mode", "fixed", "db.password", "s3cr3t-value", "oozie.wf.rerun.failnodes", "false"),
        RunListener.NONE);
    assertEquals(WorkflowStatus.SUCCEEDED, second.info().status(), second.info().statusMessage());
    assertEquals(1, second.info().run());
    assertEquals("fixed", second.nodeRun("check").data().get("mode"));
    assertEquals("k1", second.nodeRun("check").data().get("keep"), "properties not given again are kept");
    assertEquals("fixed", second.info().conf().get("mode"));
    assertEquals("k1-x", second.info().conf().get("out"));
    assertFalse(second.info().conf().containsKey("oozie.wf.rerun.failnodes"), "rerun controls are not run properties");

    String journal = Files.readString(engine.store().runDir(first.info().id()).resolve(Journal.FILE_NAME),
        StandardCharsets.UTF_8);
    assertFalse(journal.contains("s3cr3t-value"), "a secret given on rerun is sealed in the journal:\n" + journal);
    JournalRecord.Rerun rerun = Journal.read(engine.store().runDir(first.info().id()).resolve(Journal.FILE_NAME)).stream()
        .filter(JournalRecord.Rerun.class::isInstance).map(JournalRecord.Rerun.class::cast).findFirst()
        .orElseThrow();
    assertEquals("fixed", rerun.conf().get("mode"), "the rerun record carries the new configuration");
    assertEquals("s3cr3t-value", engine.store().load(first.info().id()).info().conf().get("db.password"));
  }

  /*
   *  start -> fork -> boom(shell: sleep, exit 1) --error--> fail(kill)
   *               \-> sub(sub-workflow: child runs sleep 60) -> join -> end
   */
  @Test
  void failingForkBranchKillsTheRunningChildRun() throws Exception {
    Path child = app(root, "child", head("child", "slow") + shell("slow", "sleep 60", "end", "fail", false) + TAIL);
    Path app = app(root, "parent", head("parent", "fork")
        + "  <fork name=\"fork\"><path start=\"boom\"/><path start=\"sub\"/></fork>\n"
        + shell("boom", "sleep 2; exit 1", "join", "fail", false)
        + "  <action name=\"sub\"><sub-workflow><app-path>" + child.toUri() + "</app-path>"
        + "<propagate-configuration/></sub-workflow><ok to=\"join\"/><error to=\"fail\"/></action>\n"
        + "  <join name=\"join\" to=\"end\"/>\n" + TAIL);
    WorkflowEngine engine = engine(root, 4);
    long t0 = System.nanoTime();
    RunState state = run(engine, app, Map.of());

    assertEquals(WorkflowStatus.KILLED, state.info().status(), state.info().statusMessage());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 30_000, "the child's sleep 60 must not be waited for");
    String childId = state.nodeRun("sub").externalId();
    assertNotNull(childId, "the sub-workflow's child run id is its external id");
    RunState childState = engine.store().load(childId);
    assertEquals(WorkflowStatus.KILLED, childState.info().status(), "child " + childId + ": " + childState.info().statusMessage());
    assertNode(childState, "slow", NodeStatus.KILLED);
  }

  /*
   *  start -> sub(sub-workflow: child runs sleep 60) -> end;  bin/workflow kill <parent> while the child runs
   */
  @Test
  void killRequestEndsTheChildRun() throws Exception {
    Path child = app(root, "child", head("child", "slow") + shell("slow", "sleep 60", "end", "fail", false) + TAIL);
    Path app = app(root, "parent", head("parent", "sub")
        + "  <action name=\"sub\"><sub-workflow><app-path>" + child.toUri() + "</app-path>"
        + "</sub-workflow><ok to=\"end\"/><error to=\"fail\"/></action>\n" + TAIL);
    WorkflowEngine engine = engine(root, 2);
    String id = engine.submit(engine.prepare(Map.of(), Map.of(), app.toString()), null, RunListener.NONE);
    CompletableFuture<RunState> running = CompletableFuture.supplyAsync(() -> {
      try {
        return engine.run(id, RunListener.NONE);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    String childId = null;
    for (int i = 0; i < 200 && childId == null; i++) {
      Thread.sleep(100);
      var sub = engine.store().load(id).nodeRun("sub");
      String externalId = sub == null ? null : sub.externalId();
      if (externalId != null && engine.store().load(externalId).nodeRun("slow") != null) {
        childId = externalId;
      }
    }
    assertNotNull(childId, "the child run never reached its shell action");

    RunState killed = engine.kill(id, 20_000);
    assertEquals(WorkflowStatus.KILLED, killed.info().status());
    assertEquals(WorkflowStatus.KILLED, running.get(30, TimeUnit.SECONDS).info().status());
    RunState childState = engine.store().load(childId);
    assertEquals(WorkflowStatus.KILLED, childState.info().status(), "child " + childId + ": " + childState.info().statusMessage());
  }

  /*
   *  start -> xml(shell with a job-xml that does not exist) --error--> sub(sub-workflow whose child fails) --> fail
   */
  @Test
  void runTimeErrorsCarryOozieCodes() throws Exception {
    Path child = app(root, "child", head("child", "inner")
        + shell("inner", "echo inner trouble >&2; exit 4", "end", "fail", false) + TAIL);
    Path app = app(root, "codes", head("codes", "xml")
        + shell("xml", "true", "end", "sub", false).replace("<exec>", "<job-xml>missing.xml</job-xml><exec>")
        + "  <action name=\"sub\"><sub-workflow><app-path>" + child.toUri() + "</app-path>"
        + "</sub-workflow><ok to=\"end\"/><error to=\"fail\"/></action>\n" + TAIL);
    RunState state = run(engine(root, 2), app, Map.of());

    assertEquals(WorkflowStatus.KILLED, state.info().status());
    assertNode(state, "xml", NodeStatus.ERROR);
    assertEquals("JA008", state.nodeRun("xml").errorCode(), state.nodeRun("xml").errorMessage());
    assertTrue(state.nodeRun("xml").errorMessage().contains("missing.xml"), state.nodeRun("xml").errorMessage());
    assertNode(state, "sub", NodeStatus.ERROR);
    String message = state.nodeRun("sub").errorMessage();
    String childId = state.nodeRun("sub").externalId();
    assertTrue(message.contains(childId) && message.contains("[inner]") && message.contains("inner trouble"),
        message);
  }

  /*
   *  start -> q(hive) --error--> fail
   */
  @Test
  void hiveActionNamesTheHive2ActionAsTheWayToRunIt() throws Exception {
    Path app = app(root, "hive", head("hive", "q")
        + "  <action name=\"q\"><hive xmlns=\"uri:oozie:hive-action:0.5\"><job-tracker>local</job-tracker>"
        + "<name-node>file:///</name-node><script>q.hql</script></hive><ok to=\"end\"/><error to=\"fail\"/>"
        + "</action>\n" + TAIL);
    RunState state = run(engine(root, 2), app, Map.of());

    assertNode(state, "q", NodeStatus.ERROR);
    assertEquals("E0723", state.nodeRun("q").errorCode());
    String message = state.nodeRun("q").errorMessage();
    assertTrue(message.contains("hive2 action") && message.contains("<jdbc-url>"), message);
    assertFalse(message.contains("java action"), message);
  }
}
