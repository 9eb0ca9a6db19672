package dev.hadoopkit.workflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.deploy.AppDeployer;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.ExitMain;
import dev.hadoopkit.workflow.engine.OozieExamples;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java and shell actions of an app deployed to HDFS (MiniDFSCluster) run in YARN launcher containers
 * (MiniYARNCluster): the same action data as in local mode (capture-output, action.xml seen by the main, a
 * {@code <file>} and a lib/ jar localized), the application id as external id; Oozie's example apps, map-reduce and
 * sqoop drivers in launchers (the sqoop password only in the container's credentials); and a kill leaves no
 * application of the run RUNNING, also with a running MapReduce job. One MiniMRYarnCluster for all (≈ 30 s to start).
 */
class YarnLauncherIT {
  @TempDir
  static Path root;
  private static MiniDFSCluster dfs;
  private static MiniMRYarnCluster yarn;
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
    // MapReduce jobs (map-reduce actions, the jobs sqoop submits) next to the launchers: small AM and tasks
    conf.setInt("yarn.app.mapreduce.am.resource.mb", 384);
    conf.set("yarn.app.mapreduce.am.command-opts", "-Xmx256m");
    conf.setInt("mapreduce.map.memory.mb", 384);
    conf.setInt("mapreduce.reduce.memory.mb", 384);
    conf.set("mapreduce.map.java.opts", "-Xmx256m");
    conf.set("mapreduce.reduce.java.opts", "-Xmx256m");
    conf.setInt("mapreduce.client.completion.pollinterval", 100);
    // small jobs in their AM's container, as cluster.properties sets for the pipeline: one JVM start per job
    conf.setBoolean("mapreduce.job.ubertask.enable", true);
    // a launcher and the job it submits are both ApplicationMasters: the default 10 % AM share of this one small
    // node holds the job in ACCEPTED behind its own launcher (a real cluster gives launchers a queue of their own)
    conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
    // containers' launch scripts stay on disk after they ended: the secrets test reads them
    conf.setInt("yarn.nodemanager.delete.debug-delay-sec", 600);
    // an ApplicationMaster that stops heartbeating is expired after this (10 min on a real cluster): 20 s here, so
    // that a launcher which only waits for its command is caught. Not less: a MapReduce ApplicationMaster is only
    // heard from once registered, which took longer than 6 s on two loaded cores (its web app starts first).
    conf.setInt("yarn.am.liveness-monitor.expiry-interval-ms", 20_000);
    yarn = new MiniMRYarnCluster("hk-launcher", 1);
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
        // a key of mapred-default.xml: the action's value must reach the main through the launcher too
        + "<property><name>mapreduce.job.ubertask.enable</name><value>true</value></property>"
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
    return deploy(app, "launch");
  }

  /** Deploys the app directory {@code app} to /apps/{@code name} on the cluster's HDFS; its path there. */
  private static String deploy(Path app, String name) throws Exception {
    return new AppDeployer(client).deploy(app, new org.apache.hadoop.fs.Path(nameNode + "/apps/" + name)).target()
        .toString();
  }

  /**
   * Submits the app at {@code appPath} to {@code engine} against the cluster (nameNode, jobTracker), with the
   * properties {@code more} (name, value, ...) added; the run's id.
   */
  private static String submit(WorkflowEngine engine, String appPath, String... more) throws Exception {
    Map<String, String> properties = new java.util.HashMap<>(Map.of("nameNode", nameNode, "jobTracker",
        client.get("yarn.resourcemanager.address"), "oozie.wf.application.path", appPath));
    for (int i = 0; i < more.length; i += 2) {
      properties.put(more[i], more[i + 1]);
    }
    return engine.submit(engine.prepare(properties, Map.of(), null), null, RunListener.NONE);
  }

  /** Runs the submitted run {@code id} on another thread, for a test that kills it meanwhile. */
  private static CompletableFuture<RunState> runInBackground(WorkflowEngine engine, String id) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return engine.run(id, RunListener.NONE);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
  }

  private static WorkflowEngine engine(String name) {
    return new WorkflowEngine(new EngineSettings(root.resolve("state-" + name), 2, 65536, true, Clock.systemUTC()),
        ActionRegistry.standard(), client, System.err);
  }

  private static RunState run(WorkflowEngine engine, String appPath, String launcher) throws Exception {
    return engine.run(submit(engine, appPath, LauncherMode.KEY, launcher), RunListener.NONE);
  }

  @Test
  void javaAndShellActionsThroughLaunchersGiveWhatLocalModeGives() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      String appPath = deployApp();
      RunState onYarn = run(engine("yarn"), appPath, "yarn");
      assertEquals(WorkflowStatus.SUCCEEDED, onYarn.info().status(), String.valueOf(onYarn.info().statusMessage()));
      RunState local = run(engine("local"), appPath, "local");
      assertEquals(WorkflowStatus.SUCCEEDED, local.info().status(), String.valueOf(local.info().statusMessage()));

      for (String node : List.of("j", "s")) {
        NodeRun yarnNode = onYarn.nodeRun(node);
        assertTrue(yarnNode.externalId().startsWith("application_"), yarnNode.externalId());
        assertTrue(local.nodeRun(node).externalId().startsWith("pid:"), local.nodeRun(node).externalId());
        assertEquals(local.nodeRun(node).data(), yarnNode.data(), node + ": action data, launcher vs local");
      }
      assertEquals(Map.of("args", "0 hello", "conf.value", "from-action-conf", "conf.uber", "true"),
          onYarn.nodeRun("j").data());
      assertEquals(Map.of("said", "0 hello", "greeting", "hi", "conf", "action.xml"), onYarn.nodeRun("s").data());
      try (YarnClient yc = yarnClient()) {
        ApplicationId id = ApplicationId.fromString(onYarn.nodeRun("j").externalId());
        assertEquals(YarnApplicationState.FINISHED, yc.getApplicationReport(id).getYarnApplicationState());
        assertEquals("HK-LAUNCHER", yc.getApplicationReport(id).getApplicationType());
      }
    });
  }

  /*
   *  Oozie's map-reduce, hadoop-el and subwf example apps (engine.OozieExamples) with resourceManager the
   *  MiniYARNCluster's ResourceManager, nothing else changed: the same outputs and decisions as in local mode
   *  (OozieExampleAppsIT), their jobs on YARN.
   */
  @Test
  void oozieExampleAppsRunOnYarnAsLocally() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
      OozieExamples.deploy(dfs.getFileSystem());
      WorkflowEngine engine = engine("examples");
      for (String app : OozieExamples.APPS) {
        Submission submission = engine.prepare(OozieExamples.jobProperties(app, nameNode,
            client.get("yarn.resourcemanager.address")), Map.of(), null);
        String id = engine.submit(submission, null, RunListener.NONE);
        RunState state = engine.run(id, RunListener.NONE);
        OozieExamples.assertAsOozie(app, state, dfs.getFileSystem(), engine);
        String mr = app.equals("subwf") ? engine.store().load(state.nodeRun("subworkflow-node").externalId())
            .nodeRun("mr-node").externalId() : state.nodeRun("mr-node").externalId();
        assertTrue(mr.startsWith("job_") || mr.startsWith("application_"), app + ": ran on YARN, not locally: " + mr);
        assertTrue(!mr.startsWith("job_local"), app + ": ran on YARN, not locally: " + mr);
      }
    });
  }

  /*
   *  Oozie's map-reduce and hadoop-el apps with hk.workflow.launcher.inline-small-jobs=true: the same outputs and
   *  counter decision, the job inside the launcher's container (job_local…, no second application); a job above
   *  mapreduce.job.ubertask.maxbytes still goes to YARN.
   */
  @Test
  void smallJobsRunInsideTheirLauncherWithTheSameResults() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
      OozieExamples.deploy(dfs.getFileSystem());
      WorkflowEngine engine = engine("inline");
      for (String app : List.of("map-reduce", "hadoop-el")) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(OozieExamples.jobProperties(app, nameNode,
            client.get("yarn.resourcemanager.address")));
        properties.put(InLauncherJobProvider.INLINE, "true");
        String id = engine.submit(engine.prepare(properties, Map.of(), null), null, RunListener.NONE);
        RunState state = engine.run(id, RunListener.NONE);
        OozieExamples.assertAsOozie(app, state, dfs.getFileSystem(), engine);
        String stderr = Files.readString(root.resolve("state-inline").resolve(id)
            .resolve("actions/mr-node/r0-a1/stderr"));
        assertTrue(stderr.contains("map-reduce: submitted job_local"), app + ": the job ran inside its launcher: "
            + stderr);
      }
      // the same job, too big for uber mode (input above mapreduce.job.ubertask.maxbytes): a YARN application
      Configuration small = new Configuration(client);
      small.setLong("mapreduce.job.ubertask.maxbytes", 1);
      WorkflowEngine strict = new WorkflowEngine(new EngineSettings(root.resolve("state-inline-big"), 2, 65536, true,
          Clock.systemUTC()), ActionRegistry.standard(), small, System.err);
      Map<String, String> properties = new java.util.LinkedHashMap<>(OozieExamples.jobProperties("map-reduce",
          nameNode, client.get("yarn.resourcemanager.address")));
      properties.put(InLauncherJobProvider.INLINE, "true");
      String id = strict.submit(strict.prepare(properties, Map.of(), null), null, RunListener.NONE);
      RunState state = strict.run(id, RunListener.NONE);
      OozieExamples.assertAsOozie("map-reduce", state, dfs.getFileSystem(), strict);
      String stderr = Files.readString(root.resolve("state-inline-big").resolve(id)
          .resolve("actions/mr-node/r0-a1/stderr"));
      assertTrue(stderr.contains("the job goes to YARN as its own application: 1409 bytes of input, more than"
          + " mapreduce.job.ubertask.maxbytes=1"), stderr);
      assertTrue(stderr.contains("map-reduce: submitted job_") && !stderr.contains("submitted job_local"), stderr);
    });
  }

  /** Deploys {@code start -> <name> (shell sleep <seconds>) -> end} as /apps/<name>; its path. */
  private static String deploySleep(String name, int seconds) throws Exception {
    Path app = Files.createDirectories(root.resolve("src/" + name));
    Files.writeString(app.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"" + name
        + "\">\n  <global><resource-manager>${jobTracker}</resource-manager><name-node>${nameNode}</name-node>"
        + "</global>\n  <start to=\"" + name + "\"/>\n"
        + "  <action name=\"" + name + "\"><shell xmlns=\"uri:oozie:shell-action:1.0\"><exec>sleep</exec>"
        + "<argument>" + seconds + "</argument></shell><ok to=\"end\"/><error to=\"fail\"/></action>\n"
        + "  <kill name=\"fail\"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    return deploy(app, name);
  }

  /*
   *  start -> slow (shell sleep 35, in a launcher) -> end: longer than the ResourceManager's AM expiry (20 s here,
   *  10 min on a cluster): the launcher must keep heartbeating while its command runs.
   */
  @Test
  void anActionLongerThanTheAmExpiryKeepsItsLauncher() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      RunState state = run(engine("slow"), deploySleep("slow", 35), "yarn");
      assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), String.valueOf(state.info().statusMessage()));
      try (YarnClient yc = yarnClient()) {
        ApplicationId id = ApplicationId.fromString(state.nodeRun("slow").externalId());
        assertEquals(org.apache.hadoop.yarn.api.records.FinalApplicationStatus.SUCCEEDED,
            yc.getApplicationReport(id).getFinalApplicationStatus());
      }
    });
  }

  /*
   *  start -> long (shell sleep 120, in a launcher) -> end        killed while its launcher is RUNNING
   */
  @Test
  void killLeavesNoApplicationOfTheRunRunning() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      WorkflowEngine engine = engine("kill");
      String id = submit(engine, deploySleep("long", 120));
      CompletableFuture<RunState> running = runInBackground(engine, id);
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
        assertEquals(WorkflowStatus.KILLED, killed.info().status());
        running.get();
        assertEquals(YarnApplicationState.KILLED, yc.getApplicationReport(appId).getYarnApplicationState());
        assertEquals(List.of(), yc.getApplications(EnumSet.of(YarnApplicationState.RUNNING,
            YarnApplicationState.ACCEPTED)), "yarn application -list shows nothing of the run");
      }
    });
  }

  /*
   *  start -> imp (sqoop import --username <user> --password <secret>, in a launcher) -> end
   *  The launcher's staging dir is kept (hk.workflow.launcher.keep.staging) so this test can read it.
   */
  @Test
  void sqoopOnYarnReadsThePasswordFromCredentialsOnly() throws Exception {
    sqoopImportThroughLauncher(false);
  }

  /* The same with the import's job inside the launcher's container (uber mode for launchers). */
  @Test
  void sqoopJobInsideTheLauncherReadsThePasswordFromCredentialsOnly() throws Exception {
    sqoopImportThroughLauncher(true);
  }

  private void sqoopImportThroughLauncher(boolean inline) throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
      String secret = "Lnch-S3cret-" + Long.toHexString(System.nanoTime());
      dev.hadoopkit.ingest.testdb.DbServer server = dev.hadoopkit.ingest.TestDatabases.mariaDbServer();
      String suffix = Long.toHexString(System.nanoTime() & 0xffffffL);
      String db = "wf_launch_" + suffix;
      String user = "wfl_" + suffix;
      try (java.sql.Connection c = dev.hadoopkit.ingest.testdb.TestServers.connect(server, "");
          java.sql.Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + db);
        st.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + secret + "'");
        st.execute("GRANT ALL ON " + db + ".* TO '" + user + "'@'%'");
        st.execute("CREATE TABLE " + db + ".items (id INT PRIMARY KEY, name VARCHAR(20))");
        st.execute("INSERT INTO " + db + ".items VALUES (1, 'anvil'), (2, 'bolt'), (3, 'cog')");
      }
      try {
        String target = inline ? "/warehouse/items-inline" : "/warehouse/items";
        Path app = Files.createDirectories(root.resolve("src/sqoop"));
        Files.writeString(app.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"sq\">\n"
            + "  <global><resource-manager>${jobTracker}</resource-manager><name-node>${nameNode}</name-node>"
            + "</global>\n  <start to=\"imp\"/>\n"
            + "  <action name=\"imp\"><sqoop xmlns=\"uri:oozie:sqoop-action:1.0\"><command>import --connect"
            + " jdbc:mariadb://" + server.address() + "/" + db + " --username " + user + " --password " + secret
            + " --table items -m 1 --target-dir " + target + "</command></sqoop>"
            + "<ok to=\"end\"/><error to=\"fail\"/></action>\n"
            + "  <kill name=\"fail\"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n"
            + "  <end name=\"end\"/>\n</workflow-app>\n");
        WorkflowEngine engine = engine("sqoop");
        String id = submit(engine, deploy(app, "sqoop"), YarnLauncher.KEEP_STAGING, "true",
            InLauncherJobProvider.INLINE, String.valueOf(inline));
        RunState state = engine.run(id, RunListener.NONE);
        assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), String.valueOf(state.info().statusMessage()));
        assertTrue(state.nodeRun("imp").externalId().startsWith("application_"), state.nodeRun("imp").externalId());
        org.apache.hadoop.fs.FileSystem fs = dfs.getFileSystem();
        String rows = new String(fs.open(new org.apache.hadoop.fs.Path(target + "/part-m-00000"))
            .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("1,anvil\n2,bolt\n3,cog\n", rows, "imported with the password from the credentials");

        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".hk-launcher/" + id);
        assertTrue(fs.exists(staging), "the kept staging dir of the launcher " + staging);
        int scanned = 0;
        // every file on HDFS (the launcher's staging, the jobs' job.xml in the history) but the app as written
        var files = fs.listFiles(new org.apache.hadoop.fs.Path("/"), true);
        while (files.hasNext()) {
          org.apache.hadoop.fs.Path file = files.next().getPath();
          if (file.toUri().getPath().startsWith("/apps/sqoop/")) {
            continue;
          }
          String text = new String(fs.open(file).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
          assertTrue(!text.contains(secret), "the password is in " + file);
          scanned += file.toUri().getPath().startsWith(staging.toUri().getPath()) ? 1 : 0;
        }
        assertTrue(scanned >= 3, "staged files scanned (launcher.properties, action.xml, result): " + scanned);
        // the NodeManagers' files: launch_container.sh (launch command and environment), logs; not the token files
        int scripts = 0;
        try (var local = Files.walk(Path.of(yarn.getTestWorkDir().getAbsolutePath()))) {
          for (Path file : local.filter(Files::isRegularFile).toList()) {
            String name = file.getFileName().toString();
            if (name.contains("tokens")) {
              continue; // the container's credentials: where the secret belongs
            }
            scripts += name.equals("launch_container.sh") ? 1 : 0;
            assertTrue(!Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret),
                "the password is in " + file);
          }
        }
        assertTrue(scripts >= 1, "launch scripts scanned: " + scripts);
        Path runDir = root.resolve("state-sqoop").resolve(id);
        String stderr = Files.readString(runDir.resolve("actions/imp/r0-a1/stderr"));
        assertTrue(stderr.contains("--password ********"), stderr);
        assertEquals(inline, stderr.contains("sqoop: submitted job_local"), "the job ran in the launcher: " + stderr);
        try (var local = Files.walk(runDir)) {
          for (Path file : local.filter(Files::isRegularFile).toList()) {
            if (!file.getFileName().toString().equals("workflow.xml")) {
              assertTrue(!Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret),
                  "the password is in " + file);
            }
          }
        }
      } finally {
        try (java.sql.Connection c = dev.hadoopkit.ingest.testdb.TestServers.connect(server, "");
            java.sql.Statement st = c.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS " + db);
          st.execute("DROP USER IF EXISTS '" + user + "'@'%'");
        }
      }
    });
  }

  /*
   *  start -> fork -> mr (map-reduce, SleepingMapper: 2 min per record)  -> join -> end
   *                \-> sh (shell sleep 120, in a launcher)            -/
   *  killed when both launchers and the MapReduce job are RUNNING
   */
  @Test
  void killOfAForkWithARunningMapReduceJobLeavesNothingRunning() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
      Path app = Files.createDirectories(root.resolve("src/fork"));
      Files.writeString(app.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"fk\">\n"
          + "  <global><resource-manager>${jobTracker}</resource-manager><name-node>${nameNode}</name-node></global>\n"
          + "  <start to=\"f\"/>\n  <fork name=\"f\"><path start=\"mr\"/><path start=\"sh\"/></fork>\n"
          + "  <action name=\"mr\"><map-reduce><configuration>"
          + "<property><name>mapred.mapper.class</name><value>" + SleepingMapper.class.getName() + "</value></property>"
          + "<property><name>mapred.reduce.tasks</name><value>0</value></property>"
          + "<property><name>mapred.input.dir</name><value>/fork/in</value></property>"
          + "<property><name>mapred.output.dir</name><value>/fork/out</value></property>"
          + "</configuration></map-reduce><ok to=\"j\"/><error to=\"fail\"/></action>\n"
          + "  <action name=\"sh\"><shell xmlns=\"uri:oozie:shell-action:1.0\"><exec>sleep</exec>"
          + "<argument>120</argument></shell><ok to=\"j\"/><error to=\"fail\"/></action>\n"
          + "  <join name=\"j\" to=\"end\"/>\n"
          + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
      try (var out = dfs.getFileSystem().create(new org.apache.hadoop.fs.Path("/fork/in/data.txt"))) {
        out.write("one line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      WorkflowEngine engine = engine("killfork");
      String id = submit(engine, deploy(app, "fork"));
      CompletableFuture<RunState> running = runInBackground(engine, id);
      try (YarnClient yc = yarnClient()) {
        // two launchers (HK-LAUNCHER) and the job the map-reduce launcher submitted (MAPREDUCE), all RUNNING
        while (yc.getApplications(Set.of("HK-LAUNCHER"), EnumSet.of(YarnApplicationState.RUNNING)).size() < 2
            || yc.getApplications(Set.of("MAPREDUCE"), EnumSet.of(YarnApplicationState.RUNNING)).isEmpty()) {
          Thread.sleep(200);
        }
        RunState killed = engine.kill(id, 30_000);
        assertEquals(WorkflowStatus.KILLED, killed.info().status());
        running.get();
        assertEquals(List.of(), yc.getApplications(EnumSet.of(YarnApplicationState.RUNNING,
            YarnApplicationState.ACCEPTED)), "yarn application -list shows nothing of the run");
        assertTrue(!dfs.getFileSystem().exists(new org.apache.hadoop.fs.Path("/fork/out/_SUCCESS")));
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
