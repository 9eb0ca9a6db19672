package dev.hadoopkit.sandbox;

import static dev.hadoopkit.sandbox.Launchers.ok;
import static dev.hadoopkit.sandbox.Launchers.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.sandbox.cluster.HealthProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole sandbox in a temporary home on free ports, shared by the tests of this class (one up and one down keep it
 * within CI's time on 2 cores): up with 3 DataNodes (replication 2) and the embedded MariaDB (nothing answers on the
 * offset database port), load-movielens, the lowest-rated job on YARN through bin/hadoop jar, the admin clients, a
 * DataNode lost in the middle of a job, and down leaving no process behind. Expected answers come from the
 * database's own SQL and a one-process oracle.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxIT {

  /** Switch here to run another job jar's job with the same arguments. */
  static final Path JOB_JAR = Launchers.REPO.resolve("mapreduce-jobs/target/movielens-jobs.jar");
  static final String JOB = "lowest-rated";

  @TempDir
  static Path temp;
  static Path home;
  static Launchers bin;
  static int offset;
  static String upOutput;

  @BeforeAll
  static void up() throws Exception {
    home = temp.resolve("sandbox-home");
    bin = new Launchers(home);
    offset = Launchers.freePortOffset(3, 1);
    upOutput = bin.up(offset, "--datanodes", "3", "--replication", "2").output();
  }

  @AfterAll
  static void down() throws Exception {
    if (bin == null) {
      return;
    }
    Launchers.Result r = bin.downLeavingNothing();
    assertTrue(r.output().contains("Sandbox stopped"), r.output());
  }

  @Test
  @Order(1)
  void upReportsEveryDaemonAndIsIdempotent() throws Exception {
    for (String daemon : List.of("namenode", "datanode-1", "datanode-2", "datanode-3", "resourcemanager", "nodemanager-1", "jobhistory",
        "database")) {
      assertTrue(upOutput.contains(daemon), daemon + " missing from:\n" + upOutput);
    }
    assertTrue(upOutput.contains("http://127.0.0.1:" + (9870 + offset) + "/"), upOutput);
    Launchers.Result again = ok(bin.sandbox("up"));
    assertTrue(again.output().contains("already up"), again.output());
    Launchers.Result status = ok(bin.sandbox("status"));
    assertTrue(status.output().contains("HDFS: 3 of 3 DataNodes live"), status.output());
    assertTrue(status.output().contains("YARN: 1 of 1 NodeManagers live"), status.output());
    assertTrue(status.output().contains("(embedded, managed by the sandbox)"), status.output());
    Launchers.Result env = ok(bin.sandbox("env"));
    assertTrue(env.output().contains("export HADOOP_CONF_DIR=" + home.resolve("conf")), env.output());
  }

  @Test
  @Order(2)
  void lowestRatedOnYarnMatchesTheDatabase() throws Exception {
    Launchers.Result load = ok(bin.sandbox("load-movielens", "--ratings", "30000", "--seed", "7"));
    String user = System.getProperty("user.name");
    String dir = "/user/" + user + "/ml-100k";
    assertTrue(load.output().contains("ratings=30000"), load.output());

    // Uber mode: the small job runs inside its ApplicationMaster's container (still on YARN), which saves CI time.
    Launchers.Result job = ok(bin.client("hadoop", "jar", JOB_JAR.toString(), JOB,
        "-D", "mapreduce.job.ubertask.enable=true", "--movies", dir + "/u.item",
        "--min-ratings", "20", dir + "/u.data", "/results/lowest"));
    Matcher id = Pattern.compile("job_(\\w+)_\\d+").matcher(job.output());
    assertTrue(id.find(), job.output());
    assertFalse(id.group(1).startsWith("local"), "the job ran in local mode, not on YARN:\n" + job.output());

    List<String[]> rows = LowestRatedOracle.parseJobOutput(
        ok(bin.client("hadoop", "fs", "-cat", "/results/lowest/part-*")).output());
    // The oracle: the same question asked of the database the loader filled.
    List<long[]> expected = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + (3306 + offset) + "/movielens",
        "root", "");
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT movie_id, SUM(rating), COUNT(*) FROM ratings GROUP BY movie_id"
             + " HAVING COUNT(*) > 20 ORDER BY SUM(rating) / COUNT(*), COUNT(*) DESC, movie_id LIMIT 10")) {
      while (rs.next()) {
        expected.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
      }
    }
    assertEquals(10, expected.size());
    assertEquals(expected.size(), rows.size(), "job output rows");
    for (int i = 0; i < rows.size(); i++) {
      long[] e = expected.get(i);
      String[] got = rows.get(i);
      assertEquals(e[0], Long.parseLong(got[0]), "movie id of row " + i);
      assertEquals((double) e[1] / e[2], Double.parseDouble(got[2]), 1e-4, "average of row " + i);
      assertEquals(e[2], Long.parseLong(got[3]), "count of row " + i);
      assertFalse(got[1].isBlank(), "title of row " + i);
    }

    Launchers.Result apps = ok(bin.client("yarn", "application", "-list", "-appStates", "FINISHED"));
    assertTrue(apps.output().contains("SUCCEEDED"), apps.output());
    Launchers.Result jobs = ok(bin.client("mapred", "job", "-list", "all"));
    assertTrue(jobs.output().contains("SUCCEEDED"), jobs.output());

    // The ApplicationMaster's log, aggregated to HDFS by its NodeManager shortly after the end (bounded wait).
    java.util.regex.Matcher appId = java.util.regex.Pattern.compile("application_\\d+_\\d+").matcher(apps.output());
    assertTrue(appId.find(), apps.output());
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    Launchers.Result logs;
    do {
      logs = bin.client("yarn", "logs", "-applicationId", appId.group(), "-log_files", "syslog");
      if (logs.output().contains("MRAppMaster")) {
        break;
      }
      Thread.sleep(1000);
    } while (System.nanoTime() < deadline);
    assertTrue(logs.output().contains("MRAppMaster"), "bin/yarn logs of " + appId.group() + ":\n" + logs.output());
  }

  /** bin/sqoop imports a table of the sandbox's database into HDFS on YARN; the rows are the table's. */
  @Test
  @Order(3)
  void sqoopImportFromTheSandboxDatabaseRunsOnYarn() throws Exception {
    // The database holds what lowestRatedOnYarnMatchesTheDatabase loaded.
    ok(bin.client("sqoop", "import", "--connect", "jdbc:mariadb://127.0.0.1:" + (3306 + offset) + "/movielens",
        "--username", "root", "--table", "movies", "--target-dir", "/imports/movies", "-m", "1"));
    List<String> imported = new ArrayList<>(
        List.of(ok(bin.client("hadoop", "fs", "-cat", "/imports/movies/part-*")).output().strip().split("\n")));
    List<String> expected = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + (3306 + offset) + "/movielens",
        "root", "");
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id, title, release_date FROM movies ORDER BY id")) {
      while (rs.next()) {
        expected.add(rs.getInt(1) + "," + rs.getString(2) + "," + rs.getString(3));
      }
    }
    imported.sort(java.util.Comparator.comparingInt(l -> Integer.parseInt(l.substring(0, l.indexOf(',')))));
    assertEquals(expected.size(), imported.size(), "rows imported");
    assertEquals(expected.get(0), imported.get(0));
    assertEquals(expected, imported);
    HealthProbe probe = new HealthProbe();
    var apps = probe.get(8088 + offset, "/ws/v1/cluster/apps").orElseThrow().path("apps").path("app");
    long succeeded = 0;
    for (var app : apps) {
      if ("SUCCEEDED".equals(app.path("finalStatus").asText())) {
        succeeded++;
      }
    }
    assertEquals(2, succeeded, "YARN applications: the lowest-rated job and the import: " + apps);
  }

  @Test
  @Order(4)
  void adminClientsTalkToTheSandbox() throws Exception {
    Launchers.Result report = ok(bin.client("hdfs", "dfsadmin", "-report"));
    assertTrue(report.output().contains("Live datanodes (3)"), report.output());
    assertTrue(report.output().contains("127.0.0.1:" + (9866 + offset)), report.output());
    Launchers.Result nodes = ok(bin.client("yarn", "node", "-list"));
    assertTrue(nodes.output().contains("Total Nodes:1"), nodes.output());
    assertTrue(nodes.output().contains(":" + (8041 + offset)), nodes.output());
    Launchers.Result ls = ok(bin.client("hadoop", "fs", "-ls", "/"));
    assertTrue(ls.output().contains("/tmp"), ls.output());
    assertTrue(Files.isRegularFile(home.resolve("conf/mapred-site.xml")));
  }

  /**
   * 3 DataNodes, replication 2: datanode-2 stops while the job runs. The job still succeeds with the right answer,
   * the NameNode declares the node dead and re-replicates, and fsck then reports no missing or under-replicated
   * blocks. start-node brings the DataNode back.
   */
  @Test
  @Order(5)
  void jobSurvivesALostDataNodeAndHdfsHeals() throws Exception {
    Path local = temp.resolve("loss");
    Files.createDirectories(local);
    // 1 MB blocks: the input spreads over every DataNode, so the lost one holds replicas the job reads.
    Path uData = bin.putRatings(local.resolve("u.data"), "/loss-u.data");

    Path jobLog = local.resolve("job.log");
    Process job = bin.start("hadoop", jobLog, "jar", JOB_JAR.toString(), JOB, "--min-ratings", "30",
        "/loss-u.data", "/results/loss");
    HealthProbe probe = new HealthProbe();
    int rmHttp = 8088 + offset;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (probe.yarn(rmHttp).map(y -> y.appsRunning()).orElse(0) == 0) {
      assertTrue(job.isAlive(), () -> "the job ended before it was seen running:\n" + read(jobLog));
      assertTrue(System.nanoTime() < deadline, () -> "no running application after 120 s:\n" + read(jobLog));
      Thread.sleep(300);
    }
    Launchers.Result stop = ok(bin.sandbox("stop-node", "datanode-2"));
    assertTrue(stop.output().contains("datanode-2 stopped"), stop.output());
    assertTrue(job.waitFor(300, TimeUnit.SECONDS), "job still running after 300 s");
    assertEquals(0, job.exitValue(), () -> "job failed:\n" + read(jobLog));

    List<String[]> rows = LowestRatedOracle.parseJobOutput(
        ok(bin.client("hadoop", "fs", "-cat", "/results/loss/part-*")).output());
    List<LowestRatedOracle.Row> expected = LowestRatedOracle.compute(uData, 30, 10);
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected.get(i).movieId(), Integer.parseInt(rows.get(i)[0]), "movie id of row " + i);
      assertEquals(expected.get(i).count(), Long.parseLong(rows.get(i)[3]), "count of row " + i);
      assertEquals(expected.get(i).avg(), Double.parseDouble(rows.get(i)[2]), 1e-4, "average of row " + i);
    }

    // The NameNode notices the loss (about 20 s) and copies the missing replicas to the two live DataNodes.
    int nnHttp = 9870 + offset;
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (true) {
      HealthProbe.HdfsState hdfs = probe.hdfs(nnHttp).orElseThrow();
      if (hdfs.deadDataNodes() == 1 && hdfs.underReplicatedBlocks() == 0 && hdfs.missingBlocks() == 0) {
        break;
      }
      assertTrue(System.nanoTime() < deadline, "HDFS did not heal in 150 s: " + hdfs);
      Thread.sleep(1000);
    }
    // Re-replication: every block written before the loss (the MovieLens input under /user) is back to two
    // replicas. fsck counts live replicas (the NameNode's metric leaves out copies still pending), so poll it.
    // A block the job wrote while the DataNode died can keep one replica with nothing queued for it (the dead node
    // never reported it, so its death does not re-examine the block): it is under-replicated, not missing.
    Launchers.Result before = ok(bin.client("hdfs", "fsck", "/user"));
    while (!Pattern.compile("Under-replicated blocks:\\s+0\\b").matcher(before.output()).find()) {
      assertTrue(System.nanoTime() < deadline, "blocks of the lost DataNode not re-replicated in 150 s:\n" + before.output());
      Thread.sleep(1000);
      before = ok(bin.client("hdfs", "fsck", "/user"));
    }
    Launchers.Result fsck = ok(bin.client("hdfs", "fsck", "/"));
    assertTrue(fsck.output().contains("is HEALTHY"), fsck.output());
    assertTrue(Pattern.compile("Missing blocks:\\s+0\\b").matcher(fsck.output()).find(), fsck.output());
    Launchers.Result status = bin.sandbox("status");
    assertEquals(1, status.exitCode(), "status with a stopped DataNode is not all healthy:\n" + status.output());
    assertTrue(status.output().contains("HDFS: 2 of 3 DataNodes live (1 dead)"), status.output());
    assertTrue(Pattern.compile("datanode-2 +- +[0-9,]+ +stopped").matcher(status.output()).find(), status.output());

    Launchers.Result start = ok(bin.sandbox("start-node", "datanode-2"));
    assertTrue(start.output().contains("datanode-2 started"), start.output());
  }

  /** A daemon that crashes (SIGKILL) is reported dead with its log's tail, and `up` starts it again. */
  @Test
  @Order(6)
  void aCrashedDaemonIsReportedAndUpRecoversIt() throws Exception {
    long pid = Long.parseLong(Files.readString(home.resolve("pids/datanode-3.pid")).trim());
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
    handle.destroyForcibly();
    handle.onExit().get(30, TimeUnit.SECONDS);

    Launchers.Result status = bin.sandbox("status");
    assertEquals(1, status.exitCode(), status.output());
    assertTrue(Pattern.compile("datanode-3 +- +[0-9,]+ +DEAD").matcher(status.output()).find(), status.output());
    assertTrue(status.output().contains("datanode-3 is dead. The end of " + home.resolve("logs/datanode-3.log")),
        status.output());
    assertTrue(status.output().contains("    | "), "no log tail in:\n" + status.output());

    Launchers.Result up = ok(bin.sandbox("up"));
    assertTrue(up.output().contains("datanode-3: stale PID file"), up.output());
    assertTrue(up.output().contains("Starting datanode-3 ..."), up.output());
    assertTrue(ok(bin.sandbox("status")).output().contains("HDFS: 3 of 3 DataNodes live"));
  }
}
