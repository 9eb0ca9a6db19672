package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local shell action's {@code <env-var>}s: each NAME=VALUE is in the command's environment (a value may hold
 * {@code =}), beside OOZIE_ACTION_CONF_XML; one that is not NAME=VALUE fails the action with SHELL001 before the
 * command runs.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShellEnvVarsIT {
  @TempDir
  Path root;

  private static String workflow(String envVars) {
    return "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"env\">\n"
        + "  <start to=\"show\"/>\n"
        + "  <action name=\"show\">\n    <shell xmlns=\"uri:oozie:shell-action:0.3\">\n"
        + "      <exec>bash</exec><argument>-c</argument>"
        + "<argument>echo greeting=$GREETING; echo pair=$PAIR; echo conf=$(basename $OOZIE_ACTION_CONF_XML)</argument>\n"
        + "      " + envVars + "\n      <capture-output/>\n    </shell>\n"
        + "    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n"
        + "  <kill name=\"fail\"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n";
  }

  /* start -> show(shell: prints $GREETING, $PAIR and the action conf's file name) -> end */
  @Test
  void envVarsReachTheCommand() throws Exception {
    Path appDir = app(root, "ok", workflow("<env-var>GREETING=hi</env-var><env-var>PAIR=a=b</env-var>"));
    RunState state = run(engine(root, 2), appDir, Map.of());
    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    Map<String, String> data = state.nodeRun("show").data();
    assertEquals("hi", data.get("greeting"));
    assertEquals("a=b", data.get("pair"));
    assertEquals("action.xml", data.get("conf"));
  }

  /* start -> show(shell with <env-var>NOEQUALS</env-var>): the action fails, the command never runs */
  @Test
  void anEnvVarWithoutNameAndValueFailsTheAction() throws Exception {
    Path appDir = app(root, "bad", workflow("<env-var>GREETING=hi</env-var><env-var>NOEQUALS</env-var>"));
    RunState state = run(engine(root, 2), appDir, Map.of());
    assertEquals("SHELL001", state.nodeRun("show").errorCode());
    assertEquals("env-var [NOEQUALS] is not NAME=VALUE", state.nodeRun("show").errorMessage());
    assertTrue(state.nodeRun("show").data().isEmpty(), "nothing captured: " + state.nodeRun("show").data());
    assertEquals(WorkflowStatus.FAILED, state.info().status(), state.info().statusMessage());
  }
}
