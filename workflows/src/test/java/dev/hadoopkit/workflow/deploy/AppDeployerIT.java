package dev.hadoopkit.workflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.cli.WorkflowCli;
import dev.hadoopkit.workflow.engine.WorkflowApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/workflow deploy} onto a MiniDFSCluster: the app with its lib/, by a hidden copy renamed into place. */
class AppDeployerIT {
  @TempDir
  static Path root;
  private static MiniDFSCluster cluster;
  private static FileSystem fs;

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, root.resolve("dfs").toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    fs = cluster.getFileSystem();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  private static Path app(String name, String jarBytes) throws Exception {
    Path dir = Files.createDirectories(root.resolve("src").resolve(name));
    Files.writeString(dir.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"d\">"
        + "<start to=\"end\"/><end name=\"end\"/></workflow-app>");
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/job.jar"), jarBytes);
    Files.createDirectories(dir.resolve("scripts/nested"));
    Files.writeString(dir.resolve("scripts/nested/run.sh"), "echo hi\n");
    return dir;
  }

  private static String read(org.apache.hadoop.fs.Path p) throws Exception {
    try (var in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String[] hidden(org.apache.hadoop.fs.Path parent) throws Exception {
    return Arrays.stream(fs.listStatus(parent)).map(FileStatus::getPath).map(org.apache.hadoop.fs.Path::getName)
        .filter(n -> n.startsWith(".")).toArray(String[]::new);
  }

  @Test
  void deploysTheAppWithItsLibAndReplacesAnEarlierDeployment() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      AppDeployer deployer = new AppDeployer(fs.getConf());
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path("/apps/wf");
      AppDeployer.Deployment first = deployer.deploy(app("wf", "jar-v1"), target);
      assertEquals(fs.makeQualified(target), first.target());
      assertEquals(3, first.files());
      assertFalse(first.replaced());
      assertEquals("jar-v1", read(new org.apache.hadoop.fs.Path("/apps/wf/lib/job.jar")));
      assertEquals("echo hi\n", read(new org.apache.hadoop.fs.Path("/apps/wf/scripts/nested/run.sh")));

      WorkflowApp loaded = WorkflowApp.load(first.target().toString(), fs.getConf());
      assertEquals(1, loaded.libJars().size(), "the engine finds the deployed lib/ jar");

      AppDeployer.Deployment second = deployer.deploy(app("wf", "jar-v2"), target);
      assertTrue(second.replaced());
      assertEquals("jar-v2", read(new org.apache.hadoop.fs.Path("/apps/wf/lib/job.jar")));
      assertEquals(0, hidden(new org.apache.hadoop.fs.Path("/apps")).length, "no staging or replaced copy left");
    });
  }

  @Test
  void refusesWhatIsNoAppAndATargetThatIsNoApp() throws Exception {
    AppDeployer deployer = new AppDeployer(fs.getConf());
    Path notApp = Files.createDirectories(root.resolve("not-an-app"));
    DeployException e = assertThrows(DeployException.class, () -> deployer.deploy(notApp,
        new org.apache.hadoop.fs.Path("/apps/x")));
    assertTrue(e.getMessage().contains("holds no workflow.xml"), e.getMessage());
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path("/apps/x")));

    fs.mkdirs(new org.apache.hadoop.fs.Path("/data/precious"));
    fs.create(new org.apache.hadoop.fs.Path("/data/precious/part-0")).close();
    e = assertThrows(DeployException.class, () -> deployer.deploy(app("p", "j"),
        new org.apache.hadoop.fs.Path("/data/precious")));
    assertTrue(e.getMessage().contains("is not an app directory"), e.getMessage());
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/data/precious/part-0")), "left untouched");
  }

  @Test
  void commandLineDefaultTargetHelpAndExitCodes() throws Exception {
    Path app = app("cli-app", "j");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Configuration conf = new Configuration(fs.getConf());
    int code = ToolRunner.run(conf, new WorkflowCli(new PrintStream(out, true), new PrintStream(err, true), Map.of()),
        new String[] {"deploy", app.toString()});
    assertEquals(0, code, err.toString());
    org.apache.hadoop.fs.Path expected = fs.makeQualified(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(),
        "apps/cli-app"));
    assertTrue(out.toString().contains("Deployed " + expected), out.toString());
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path(expected, "workflow.xml")));

    err.reset();
    code = ToolRunner.run(conf, new WorkflowCli(new PrintStream(out, true), new PrintStream(err, true), Map.of()),
        new String[] {"deploy", root.resolve("missing").toString()});
    assertEquals(2, code);
    assertTrue(err.toString().startsWith("workflow deploy: ") && err.toString().contains("is not a directory"),
        err.toString());

    out.reset();
    code = ToolRunner.run(conf, new WorkflowCli(new PrintStream(out, true), new PrintStream(err, true), Map.of()),
        new String[] {"deploy", "--help"});
    assertEquals(0, code);
    assertTrue(out.toString().contains("Usage: bin/workflow deploy <app-dir>"), out.toString());
  }

  /** run with hk.workflow.deploy.from: the app is deployed when its cluster path is missing, and only then. */
  @Test
  void runDeploysTheAppWhenItsApplicationPathIsMissing() throws Exception {
    Path app = app("auto", "jar-auto");
    Map<String, String> job = Map.of("nameNode", "${fs.defaultFS}", "oozie.wf.application.path",
        "${nameNode}/user/${user.name}/apps/auto", "hk.workflow.deploy.from", app.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AppDeployer.Deployment first = AutoDeploy.ifMissing(job, Map.of(), fs.getConf(), new PrintStream(out, true));
    org.apache.hadoop.fs.Path expected = fs.makeQualified(new org.apache.hadoop.fs.Path("/user/"
        + System.getProperty("user.name") + "/apps/auto"));
    assertEquals(expected, first.target(), "${fs.defaultFS} from the cluster configuration");
    assertTrue(out.toString().startsWith("Deployed " + app + " to " + expected), out.toString());
    assertEquals("jar-auto", read(new org.apache.hadoop.fs.Path(expected, "lib/job.jar")));
    assertEquals(null, AutoDeploy.ifMissing(job, Map.of(), fs.getConf(), new PrintStream(out, true)),
        "an app already there is used as it is");
    assertEquals(null, AutoDeploy.ifMissing(Map.of("oozie.wf.application.path", "/user/x/apps/none"), Map.of(),
        fs.getConf(), new PrintStream(out, true)), "no hk.workflow.deploy.from: nothing deployed");
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path("/user/x/apps/none")));
  }
}
