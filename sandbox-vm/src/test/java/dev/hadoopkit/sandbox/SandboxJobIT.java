package dev.hadoopkit.sandbox;

import static dev.hadoopkit.sandbox.Launchers.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole sandbox in a temporary home on free ports: up (with the embedded MariaDB, since nothing answers on the
 * offset database port), load-movielens, the lowest-rated job on YARN through bin/hadoop jar, the admin clients, and
 * down leaving no process behind. Expected answers come from the database's own SQL and a one-process oracle.
 */
class SandboxJobIT {

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
    offset = Launchers.freePortOffset(1, 1);
    Launchers.Result r = bin.sandbox("up", "--port-offset", Integer.toString(offset));
    upOutput = r.output();
    if (r.exitCode() != 0) {
      bin.sandbox("down");
    }
    ok(r);
  }

  @AfterAll
  static void down() throws Exception {
    if (bin == null) {
      return;
    }
    Launchers.Result r = bin.sandbox("down");
    ok(r);
    assertTrue(r.output().contains("Sandbox stopped"), r.output());
    assertEquals(List.of(), Launchers.processesMentioning(home.toString()),
        "processes left running from " + home);
  }

  @Test
  void upReportsEveryDaemonAndIsIdempotent() throws Exception {
    for (String daemon : List.of("namenode", "datanode-1", "resourcemanager", "nodemanager-1", "jobhistory",
        "database")) {
      assertTrue(upOutput.contains(daemon), daemon + " missing from:\n" + upOutput);
    }
    assertTrue(upOutput.contains("http://127.0.0.1:" + (9870 + offset) + "/"), upOutput);
    Launchers.Result again = ok(bin.sandbox("up"));
    assertTrue(again.output().contains("already up"), again.output());
    Launchers.Result status = ok(bin.sandbox("status"));
    assertTrue(status.output().contains("HDFS: 1 of 1 DataNodes live"), status.output());
    assertTrue(status.output().contains("YARN: 1 of 1 NodeManagers live"), status.output());
    assertTrue(status.output().contains("(embedded, managed by the sandbox)"), status.output());
    Launchers.Result env = ok(bin.sandbox("env"));
    assertTrue(env.output().contains("export HADOOP_CONF_DIR=" + home.resolve("conf")), env.output());
  }

  @Test
  void lowestRatedOnYarnMatchesTheDatabase() throws Exception {
    Launchers.Result load = ok(bin.sandbox("load-movielens", "--ratings", "30000", "--seed", "7"));
    String user = System.getProperty("user.name");
    String dir = "/user/" + user + "/ml-100k";
    assertTrue(load.output().contains("ratings=30000"), load.output());

    Launchers.Result job = ok(bin.client("hadoop", "jar", JOB_JAR.toString(), JOB, "--movies", dir + "/u.item",
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
  }

  @Test
  void adminClientsTalkToTheSandbox() throws Exception {
    Launchers.Result report = ok(bin.client("hdfs", "dfsadmin", "-report"));
    assertTrue(report.output().contains("Live datanodes (1)"), report.output());
    assertTrue(report.output().contains("127.0.0.1:" + (9866 + offset)), report.output());
    Launchers.Result nodes = ok(bin.client("yarn", "node", "-list"));
    assertTrue(nodes.output().contains("Total Nodes:1"), nodes.output());
    assertTrue(nodes.output().contains(":" + (8041 + offset)), nodes.output());
    Launchers.Result ls = ok(bin.client("hadoop", "fs", "-ls", "/"));
    assertTrue(ls.output().contains("/tmp"), ls.output());
    assertTrue(Files.isRegularFile(home.resolve("conf/mapred-site.xml")));
  }
}
