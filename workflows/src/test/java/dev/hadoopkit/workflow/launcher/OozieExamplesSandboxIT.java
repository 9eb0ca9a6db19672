package dev.hadoopkit.workflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.engine.OozieExamples;
import dev.hadoopkit.workflow.engine.OozieToAirflowMapReduce;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 "Done when", on a real cluster: one sandbox ({@code bin/sandbox up}: NameNode, DataNode, ResourceManager,
 * NodeManager, JobHistoryServer as their own JVMs; home under target/, ports moved by a free {@code --port-offset})
 * runs Apache Oozie's example apps (map-reduce, hadoop-el, subwf, custom-main and demo without their pig step) and
 * oozie-to-airflow's mapreduce example through {@code bin/workflow run -config <their own job.properties> -D
 * nameNode=… -D resourceManager=…}, the only lines changed, plus the engine's system libpath where the Oozie launcher
 * sharelib is installed, as an Oozie server's oozie-site.xml names it. Every action runs in a YARN launcher
 * container, every job on YARN. Each run must print SUCCEEDED and leave what Oozie's run leaves (the same checks as
 * the local {@code OozieExampleAppsIT}); the sandbox goes down at the end, leaving no process of its home.
 */
class OozieExamplesSandboxIT {
  private static final Path REPO = findRepo();
  private static final Path WORK = Path.of("target/oozie-examples-sandbox").toAbsolutePath();
  private static final Path HOME = WORK.resolve("home");
  private static Configuration conf;
  private static FileSystem fs;
  private static String sharelib;
  private static boolean up;

  @BeforeAll
  static void start() throws Exception {
    deleteRecursively(WORK);
    Files.createDirectories(WORK);
    Result result = run(List.of(REPO.resolve("bin/sandbox").toString(), "up", "--home", HOME.toString(),
        "--port-offset", String.valueOf(freePortOffset()), "--datanodes", "1", "--nodemanagers", "1", "--no-db"),
        WORK.resolve("sandbox-up.txt"), 420);
    up = true;
    assertEquals(0, result.exit(), "bin/sandbox up:\n" + result.output());
    conf = new Configuration(false);
    for (String site : List.of("core-site.xml", "hdfs-site.xml", "mapred-site.xml", "yarn-site.xml")) {
      conf.addResource(new org.apache.hadoop.fs.Path(HOME.resolve("conf").resolve(site).toUri()));
    }
    conf = new Configuration(conf);
    fs = FileSystem.newInstance(conf);
    OozieExamples.deploy(fs);
    OozieToAirflowMapReduce.deploy(fs, WORK.resolve("o2a"));
    sharelib = OozieExamples.installSharelib(fs);
  }

  @AfterAll
  static void stop() throws Exception {
    if (fs != null) {
      fs.close();
    }
    if (!up) {
      return;
    }
    Result down = run(List.of(REPO.resolve("bin/sandbox").toString(), "down", "--home", HOME.toString()),
        WORK.resolve("sandbox-down.txt"), 180);
    assertEquals(0, down.exit(), "bin/sandbox down:\n" + down.output());
    List<String> left = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
        .filter(line -> line.contains(HOME.toString())).toList();
    assertEquals(List.of(), left, "processes of " + HOME + " left running");
  }

  /*
   *  Every app as in OozieExampleAppsIT (engine package), here through bin/workflow on YARN:
   *  map-reduce, hadoop-el (decision on hadoop:counters -> end), subwf (child map-reduce-wf), custom-main
   *  (DemoMapReduceMain from lib/ extends the sharelib's MapReduceMain), demo (streaming -> mr -> fs:exists -> move),
   *  oozie-to-airflow mapreduce (new-API WordCount from <file> lib/wordcount.jar, <job-xml>).
   */
  @Test
  void oozieExamplesRunOnTheSandboxFromTheirOwnJobProperties() throws Exception {
    String nameNode = conf.get("fs.defaultFS");
    String resourceManager = conf.get("yarn.resourcemanager.address");
    // the apps that need the most of the engine first, so that a failure shows early
    for (String app : List.of("custom-main", "demo", OozieToAirflowMapReduce.APP, "map-reduce", "hadoop-el",
        "subwf")) {
      if (app.equals(OozieToAirflowMapReduce.APP)) {
        runApp(app, OozieToAirflowMapReduce.resource("job.properties"), nameNode, resourceManager);
        OozieToAirflowMapReduce.assertOutputs(fs);
        continue;
      }
      String output = runApp(app, OozieExamples.resource("apps/" + app + "/job.properties"), nameNode,
          resourceManager);
      OozieExamples.assertOutputs(app, fs);
      if (app.equals("hadoop-el")) {
        assertNode(output, "verify-node", "end");
      }
      if (app.equals("demo")) {
        assertNode(output, "decision-node", "hdfs-node");
      }
      if (app.equals("custom-main")) {
        assertTrue(Pattern.compile("mr-node\\s+EXTERNAL\\s+job_\\d+_\\d+").matcher(output).find(),
            "custom-main: the job DemoMapReduceMain submitted is the action's external id:\n" + output);
      }
      if (app.equals("subwf")) {
        assertNode(output, "subworkflow-node", "end");
      }
    }
  }

  /*
   *  Issue 13's pipeline test: the shipped MovieLens pipeline through its cluster.properties (the app deployed to HDFS
   *  by the run itself, every sqoop and java action in a YARN launcher, small jobs inside their launchers), then the
   *  same pipeline in local mode (job.properties) on the same generated data: the three analyses and the report of
   *  the exported table are the same.
   */
  @Test
  void movieLensPipelineOnYarnGivesWhatLocalModeGives() throws Exception {
    String user = System.getProperty("user.name");
    String suffix = Long.toHexString(System.nanoTime() & 0xffffffL);
    List<String> common = List.of("-D", "ratings=20000", "-D", "dbUrl=", "-D", "dbHome=" + WORK.resolve("db"));
    List<String> cluster = new java.util.ArrayList<>(List.of(REPO.resolve("bin/workflow").toString(), "run",
        "-config", "workflows/examples/movielens-pipeline/cluster.properties",
        "-D", "database=hk_pipeline_yarn_" + suffix, "-D", "outRoot=/user/" + user + "/pipeline-it",
        "-D", "oozie.wf.application.path=${nameNode}/user/" + user + "/apps/pipeline-it",
        "-D", "hk.workflow.launcher.cds.dir=" + WORK.resolve("cds")));
    cluster.addAll(common);
    Result onYarn = run(cluster, WORK.resolve("pipeline-yarn.console.txt"), 900);
    assertEquals(0, onYarn.exit(), "the pipeline on the sandbox:\n" + onYarn.output());
    assertTrue(onYarn.output().contains("WORKFLOW  SUCCEEDED"), onYarn.output());
    for (String node : List.of("import-ratings", "import-movies", "lowest-rated", "most-popular",
        "ratings-breakdown", "export")) { // not the evals: pinned to the engine
      assertTrue(Pattern.compile(Pattern.quote(node) + "\\s+EXTERNAL\\s+application_\\d+_\\d+")
          .matcher(onYarn.output()).find(), node + " ran in a YARN launcher:\n" + onYarn.output());
    }
    // Class sharing: the first launchers record the node's archive of their classes, the export's maps the one the
    // imports recorded (the same jars and options), as bin/workflow log shows.
    java.util.regex.Matcher id = Pattern.compile("Workflow (\\S+) SUCCEEDED").matcher(onYarn.output());
    assertTrue(id.find(), onYarn.output());
    Result log = run(List.of(REPO.resolve("bin/workflow").toString(), "log", id.group(1)),
        WORK.resolve("pipeline-yarn.log.txt"), 120);
    String archives = Pattern.quote(WORK.resolve("cds").toString());
    assertTrue(Pattern.compile("recording the class-sharing archive " + archives + "/launcher-[0-9-]+\\.jsa")
        .matcher(log.output()).find(), "a launcher records its node's archive:\n" + log.output());
    assertTrue(Pattern.compile("classes from the class-sharing archive " + archives + "/launcher-[0-9-]+\\.jsa")
        .matcher(log.output()).find(), "a later launcher maps it:\n" + log.output());
    Path local = WORK.resolve("pipeline-local");
    List<String> inLocalMode = new java.util.ArrayList<>(List.of(REPO.resolve("bin/workflow").toString(), "run",
        "-config", "workflows/examples/movielens-pipeline/job.properties",
        "-D", "database=hk_pipeline_local_" + suffix, "-D", "outRoot=" + local));
    inLocalMode.addAll(common);
    Result locally = run(inLocalMode, WORK.resolve("pipeline-local.console.txt"), 600, false);
    assertEquals(0, locally.exit(), "the pipeline in local mode:\n" + locally.output());
    for (String job : List.of("lowest-rated", "most-popular", "ratings-breakdown")) {
      assertEquals(localResult(local.resolve("results").resolve(job)),
          clusterResult(new org.apache.hadoop.fs.Path("/user/" + user + "/pipeline-it/results/" + job)),
          job + ": YARN vs local mode");
    }
    assertEquals(report(locally.output()), report(onYarn.output()), "the report of the exported table");
    assertTrue(!report(onYarn.output()).isEmpty(), onYarn.output());
  }

  private static List<String> localResult(Path dir) throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    try (var parts = Files.list(dir)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(part));
      }
    }
    return lines;
  }

  private static List<String> clusterResult(org.apache.hadoop.fs.Path dir) throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    org.apache.hadoop.fs.FileStatus[] parts = fs.listStatus(dir, p -> p.getName().startsWith("part-"));
    java.util.Arrays.sort(parts);
    for (org.apache.hadoop.fs.FileStatus part : parts) {
      try (var in = fs.open(part.getPath())) {
        lines.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
      }
    }
    return lines;
  }

  /** The report's table rows (sqoop eval's output in the console). */
  private static List<String> report(String output) {
    return output.lines().filter(line -> line.trim().startsWith("| |")).toList();
  }

  /** bin/workflow run -config (the app's job.properties, unchanged) -D nameNode -D resourceManager; must succeed. */
  private static String runApp(String app, String jobProperties, String nameNode, String resourceManager)
      throws Exception {
    Path config = WORK.resolve(app + ".job.properties");
    Files.writeString(config, jobProperties, StandardCharsets.UTF_8);
    // the system libpath is the engine's (a Hadoop generic option before the command), the rest the job's
    Result result = run(List.of(REPO.resolve("bin/workflow").toString(),
        "-D", "oozie.service.WorkflowAppService.system.libpath=" + sharelib,
        "run", "-config", config.toString(), "-D", "nameNode=" + nameNode, "-D", "resourceManager=" + resourceManager),
        WORK.resolve(app + ".console.txt"), 600);
    assertEquals(0, result.exit(), app + " on the sandbox:\n" + result.output());
    assertTrue(Pattern.compile("Workflow \\S+ SUCCEEDED").matcher(result.output()).find(), result.output());
    return result.output();
  }

  private static void assertNode(String output, String node, String to) {
    assertTrue(Pattern.compile(Pattern.quote(node) + "\\s+OK\\s+-> " + Pattern.quote(to)).matcher(output).find(),
        node + " -> " + to + ":\n" + output);
  }

  private record Result(int exit, String output) {
  }

  private static Result run(List<String> command, Path console, int timeoutSeconds) throws Exception {
    return run(command, console, timeoutSeconds, true);
  }

  /** {@code onSandbox} false: without HADOOP_CONF_DIR, as a local-mode user runs. */
  private static Result run(List<String> command, Path console, int timeoutSeconds, boolean onSandbox)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
        .redirectOutput(console.toFile());
    if (onSandbox) {
      builder.environment().put("HADOOP_CONF_DIR", HOME.resolve("conf").toString());
    } else {
      builder.environment().remove("HADOOP_CONF_DIR");
    }
    builder.environment().put("HK_WORKFLOW_STATE_DIR", WORK.resolve("state").toString());
    builder.environment().put("HK_CDS", "off");
    builder.environment().put("HK_TIERED_STOP", "1");
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end in " + timeoutSeconds + " s:\n"
          + Files.readString(console));
    }
    return new Result(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
  }

  /** An offset (multiple of 100) under which the sandbox's usual ports (8020, 8088, 9870, …) are free. */
  private static int freePortOffset() throws IOException {
    int[] ports = {8020, 8030, 8031, 8032, 8033, 8040, 8042, 8088, 9864, 9866, 9867, 9870, 10020, 19888};
    for (int tries = 0; tries < 50; tries++) {
      int offset = 20000 + 100 * ThreadLocalRandom.current().nextInt(250);
      boolean free = true;
      for (int port : ports) {
        free &= isFree(port + offset);
      }
      if (free) {
        return offset;
      }
    }
    throw new IOException("no free port offset for the sandbox");
  }

  private static boolean isFree(int port) {
    if (port > 65535) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path findRepo() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("bin/hk-lib.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Cannot find the repository root (bin/hk-lib.sh) above " + Path.of("")
          .toAbsolutePath());
    }
    return dir;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
