package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.launcher.LaunchRequest;
import dev.hadoopkit.workflow.launcher.YarnLauncher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * The build's training run for bin/workflow's class-sharing archive (docs/launchers.md): {@code mvn package} runs
 * {@code HK_CDS=record bin/workflow APP_DIR WORK_DIR}, which runs this class instead of {@link WorkflowCli} in the
 * same JVM setup, and the JVM writes the classes it loaded into {@code target/cds/workflow.jsa} at exit. A build has
 * no cluster, so besides validating the app (parser, Oozie's schemas, EL) it runs what a cluster run loads before
 * the first answer of a NameNode or ResourceManager, against a closed port: the HDFS client's calls the engine makes
 * (an app read from HDFS, a launcher's staging), the YARN client's, and a launcher's submission up to the
 * ResourceManager's answer. Never part of a user's command.
 */
public final class ClassArchiveTraining {
  /** Port 1 refuses at once, and no client retries: every call fails within milliseconds. */
  private static final String CLOSED = "127.0.0.1:1";

  private ClassArchiveTraining() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("Usage: HK_CDS=record bin/workflow APP_DIR WORK_DIR (run by mvn package, see "
          + "docs/launchers.md)");
      System.exit(2);
    }
    java.nio.file.Path work = java.nio.file.Path.of(args[1]).toAbsolutePath();
    FileUtils.deleteDirectory(work.toFile());
    Files.createDirectories(work);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(log, true, StandardCharsets.UTF_8);
    int validated = new WorkflowCli(quiet, quiet, System.getenv()).withConf(new Configuration())
        .run(new String[] {"validate", args[0]});
    if (validated != 0) {
      System.err.print(log.toString(StandardCharsets.UTF_8));
      throw new IllegalStateException("class-sharing training: bin/workflow validate " + args[0] + " exited "
          + validated);
    }
    Configuration cluster = closedCluster();
    int failed = hdfsCalls(cluster) + yarnCalls(cluster, work);
    System.out.println("class-sharing training: validate " + args[0] + ", " + failed
        + " HDFS and YARN client calls against a closed port, in " + work);
    FileUtils.deleteDirectory(work.toFile());
  }

  private static Configuration closedCluster() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "hdfs://" + CLOSED);
    conf.setInt("ipc.client.connect.max.retries", 0);
    conf.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
    conf.set("yarn.resourcemanager.address", CLOSED);
    conf.set("yarn.resourcemanager.scheduler.address", CLOSED);
    conf.setLong("yarn.resourcemanager.connect.max-wait.ms", 100);
    conf.setLong("yarn.resourcemanager.connect.retry-interval.ms", 50);
    return conf;
  }

  /** The engine's file system calls on an app and a staging directory; each must fail (nothing listens). */
  private static int hdfsCalls(Configuration conf) throws IOException {
    Path app = new Path("hdfs://" + CLOSED + "/user/training/apps/app");
    int failed = 0;
    try (FileSystem fs = FileSystem.newInstance(URI.create("hdfs://" + CLOSED + "/"), conf)) {
      List<IoCall> calls = List.of(() -> fs.getFileStatus(app), () -> fs.exists(new Path(app, "workflow.xml")),
          () -> fs.listStatus(new Path(app, "lib")), () -> fs.open(new Path(app, "workflow.xml")).close(),
          () -> fs.mkdirs(new Path(app, "staging")), () -> fs.create(new Path(app, "staging/x"), true).close(),
          () -> fs.rename(new Path(app, "a"), new Path(app, "b")), () -> fs.delete(new Path(app, "staging"), true));
      for (IoCall call : calls) {
        failed += failing(call);
      }
    }
    return failed;
  }

  /** The YARN client's calls of a launcher's life, and a launcher's submission with its staging on local disk. */
  private static int yarnCalls(Configuration conf, java.nio.file.Path work) throws IOException {
    int failed = 0;
    YarnClient yarn = YarnClient.createYarnClient();
    yarn.init(conf);
    yarn.start();
    try {
      ApplicationId id = ApplicationId.newInstance(1, 1);
      failed += failing(() -> yarn.getApplicationReport(id));
      failed += failing(() -> yarn.killApplication(id));
      failed += failing(() -> yarn.getApplications(null, null, java.util.Set.of("hk-training")));
    } finally {
      yarn.stop();
    }
    Configuration local = new Configuration(conf);
    local.set("fs.defaultFS", "file:///");
    java.nio.file.Path script = Files.writeString(work.resolve("true.sh"), "true\n");
    LaunchRequest request = new LaunchRequest("hk:training", "hk-training", null, List.of("/bin/bash", "true.sh"),
        Map.of("true.sh", script.toString()), Map.of(), Map.of(), work.resolve("staging").toUri().toString(),
        Map.of("training", "not a secret"));
    try (YarnLauncher launcher = new YarnLauncher(local)) {
      failed += failing(() -> launcher.submit(request));
    }
    return failed;
  }

  private static int failing(IoCall call) {
    try {
      call.run();
    } catch (IOException | YarnException | RuntimeException e) {
      return 1; // the closed port: what a call loads up to the answer is loaded
    }
    throw new IllegalStateException("class-sharing training: a call to " + CLOSED + " succeeded");
  }

  @FunctionalInterface
  private interface IoCall {
    void run() throws IOException, YarnException;
  }
}
