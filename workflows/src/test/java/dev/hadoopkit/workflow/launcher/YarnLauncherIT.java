package dev.hadoopkit.workflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.deploy.AppDeployer;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.ExitMain;
import dev.hadoopkit.workflow.engine.RunListener;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java and shell actions of an app deployed to HDFS (MiniDFSCluster) run in YARN launcher containers
 * (MiniYARNCluster): the same action data as in local mode (capture-output, action.xml seen by the main, a
 * {@code <file>} and a lib/ jar localized), the application id as external id; and a kill leaves no application of
 * the run RUNNING.
 */
class YarnLauncherIT {
  @TempDir
  static Path root;
  private static MiniDFSCluster dfs;
  private static MiniYARNCluster yarn;
  private static Configuration client;
  private static String nameNode;

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, root.resolve("dfs").toString());
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    dfs.waitActive();
    nameNode = dfs.getFileSystem().getUri().toString();
    conf.set("fs.defaultFS", nameNode);
    conf.setInt("yarn.nodemanager.resource.memory-mb", 2048);
    conf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
    conf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    conf.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
    yarn = new MiniYARNCluster("hk-launcher", 1, 1, 1);
    yarn.init(conf);
    yarn.start();
    client = new Configuration(yarn.getConfig());
    client.set("fs.defaultFS", nameNode);
  }

  @AfterAll
  static void stop() {
    if (yarn != null) {
      yarn.stop();
    }
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  /*
   *  start -> j (java ExitMain 0 hello, capture-output) -> s (shell echo.sh ${wf:actionData('j')['args']}) -> end
   */
  private static String deployApp() throws Exception {
    Path app = Files.createDirectories(root.resolve("src/launch"));
    Files.writeString(app.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"launch\">\n"
        + "  <global><resource-manager>${jobTracker}</resource-manager><name-node>${nameNode}</name-node>\n"
        + "    <configuration><property><name>test.key</name><value>from-action-conf</value></property>"
        + "</configuration></global>\n"
        + "  <start to=\"j\"/>\n"
        + "  <action name=\"j\"><java><main-class>" + ExitMain.class.getName() + "</main-class>"
        + "<arg>0</arg><arg>hello</arg><capture-output/></java><ok to=\"s\"/><error to=\"fail\"/></action>\n"
        + "  <action name=\"s\"><shell xmlns=\"uri:oozie:shell-action:1.0\"><exec>echo.sh</exec>"
        + "<argument>${wf:actionData('j')['args']}</argument><env-var>GREETING=hi</env-var><file>echo.sh</file>"
        + "<capture-output/></shell><ok to=\"end\"/><error to=\"fail\"/></action>\n"
        + "  <kill name=\"fail\"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    Files.writeString(app.resolve("echo.sh"), "#!/bin/sh\necho \"said=$1\"\necho \"greeting=$GREETING\"\n"
        + "echo \"conf=$(basename \"$OOZIE_ACTION_CONF_XML\")\"\n");
    Files.createDirectories(app.resolve("lib"));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app.resolve("lib/exit-main.jar")))) {
      String entry = ExitMain.class.getName().replace('.', '/') + ".class";
      out.putNextEntry(new JarEntry(entry));
      try (var in = ExitMain.class.getClassLoader().getResourceAsStream(entry)) {
        in.transferTo(out);
      }
      out.closeEntry();
    }
    return new AppDeployer(client).deploy(app, new org.apache.hadoop.fs.Path(nameNode + "/apps/launch")).target()
        .toString();
  }

  private static WorkflowEngine engine(String name) {
    return new WorkflowEngine(new EngineSettings(root.resolve("state-" + name), 2, 65536, true, Clock.systemUTC()),
        ActionRegistry.standard(), client, System.err);
  }

  private static RunState run(WorkflowEngine engine, String appPath, String launcher) throws Exception {
    Submission submission = engine.prepare(Map.of("nameNode", nameNode, "jobTracker",
        client.get("yarn.resourcemanager.address"), "oozie.wf.application.path", appPath,
        LauncherMode.KEY, launcher), Map.of(), null);
    String id = engine.submit(submission, null, RunListener.NONE);
    return engine.run(id, RunListener.NONE);
  }

  @Test
  void javaAndShellActionsThroughLaunchersGiveWhatLocalModeGives() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      String appPath = deployApp();
      RunState onYarn = run(engine("yarn"), appPath, "yarn");
      assertEquals(WorkflowStatus.SUCCEEDED, onYarn.status(), String.valueOf(onYarn.statusMessage()));
      RunState local = run(engine("local"), appPath, "local");
      assertEquals(WorkflowStatus.SUCCEEDED, local.status(), String.valueOf(local.statusMessage()));

      for (String node : List.of("j", "s")) {
        NodeRun yarnNode = onYarn.nodeRun(node);
        assertTrue(yarnNode.externalId().startsWith("application_"), yarnNode.externalId());
        assertTrue(local.nodeRun(node).externalId().startsWith("pid:"), local.nodeRun(node).externalId());
        assertEquals(local.nodeRun(node).data(), yarnNode.data(), node + ": action data, launcher vs local");
      }
      assertEquals(Map.of("args", "0 hello", "conf.value", "from-action-conf"), onYarn.nodeRun("j").data());
      assertEquals(Map.of("said", "0 hello", "greeting", "hi", "conf", "action.xml"), onYarn.nodeRun("s").data());
      try (YarnClient yc = yarnClient()) {
        ApplicationId id = ApplicationId.fromString(onYarn.nodeRun("j").externalId());
        assertEquals(YarnApplicationState.FINISHED, yc.getApplicationReport(id).getYarnApplicationState());
        assertEquals("HK-LAUNCHER", yc.getApplicationReport(id).getApplicationType());
      }
    });
  }

  /*
   *  start -> long (shell sleep 120, in a launcher) -> end        killed while its launcher is RUNNING
   */
  @Test
  void killLeavesNoApplicationOfTheRunRunning() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      Path app = Files.createDirectories(root.resolve("src/long"));
      Files.writeString(app.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"long\">\n"
          + "  <global><resource-manager>${jobTracker}</resource-manager><name-node>${nameNode}</name-node></global>\n"
          + "  <start to=\"long\"/>\n"
          + "  <action name=\"long\"><shell xmlns=\"uri:oozie:shell-action:1.0\"><exec>sleep</exec>"
          + "<argument>120</argument></shell><ok to=\"end\"/><error to=\"fail\"/></action>\n"
          + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
      String appPath = new AppDeployer(client).deploy(app, new org.apache.hadoop.fs.Path(nameNode + "/apps/long"))
          .target().toString();
      WorkflowEngine engine = engine("kill");
      Submission submission = engine.prepare(Map.of("nameNode", nameNode, "jobTracker",
          client.get("yarn.resourcemanager.address"), "oozie.wf.application.path", appPath), Map.of(), null);
      String id = engine.submit(submission, null, RunListener.NONE);
      CompletableFuture<RunState> running = CompletableFuture.supplyAsync(() -> {
        try {
          return engine.run(id, RunListener.NONE);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      try (YarnClient yc = yarnClient()) {
        ApplicationId appId = null;
        while (appId == null || yc.getApplicationReport(appId).getYarnApplicationState()
            != YarnApplicationState.RUNNING) {
          Thread.sleep(100);
          NodeRun node = engine.store().load(id).nodeRun("long");
          if (appId == null && node != null && node.externalId() != null) {
            appId = ApplicationId.fromString(node.externalId());
          }
        }
        RunState killed = engine.kill(id, 30_000);
        assertEquals(WorkflowStatus.KILLED, killed.status());
        running.get();
        assertEquals(YarnApplicationState.KILLED, yc.getApplicationReport(appId).getYarnApplicationState());
        assertEquals(List.of(), yc.getApplications(EnumSet.of(YarnApplicationState.RUNNING,
            YarnApplicationState.ACCEPTED)), "yarn application -list shows nothing of the run");
      }
    });
  }

  private static YarnClient yarnClient() {
    YarnClient yc = YarnClient.createYarnClient();
    yc.init(client);
    yc.start();
    return yc;
  }
}
