package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.assertNode;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static dev.hadoopkit.workflow.engine.TestApps.shell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.TestDatabases;
import dev.hadoopkit.ingest.testdb.DbServer;
import dev.hadoopkit.ingest.testdb.TestServers;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sqoop action through this project's ingest module, in the engine's JVM, against a real MariaDB (the local one
 * at 127.0.0.1:3306 as root, or the embedded fallback of ingest's TestDatabases): each test makes its own database,
 * and a user with a password to check masking.
 */
class SqoopActionIT {
  private static final String PASSWORD = "Wf-S3cret-" + Long.toHexString(System.nanoTime());

  @TempDir
  Path root;

  private DbServer server;
  private String address;
  private String database;
  private String user;

  @BeforeEach
  void createDatabase() throws SQLException {
    server = TestDatabases.mariaDbServer();
    address = server.address();
    String suffix = ProcessHandle.current().pid() + "_" + Long.toHexString(System.nanoTime() & 0xffffffL);
    database = "wf_sqoop_" + suffix;
    user = "wfsq_" + Long.toHexString(System.nanoTime() & 0xffffffL);
    try (Connection c = root(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
      s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
      s.execute("GRANT ALL ON " + database + ".* TO '" + user + "'@'%'");
      s.execute("CREATE TABLE " + database + ".items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
          + " price DECIMAL(8,2) NOT NULL, added DATE NOT NULL)");
      s.execute("CREATE TABLE " + database + ".items_copy LIKE " + database + ".items");
      s.execute("INSERT INTO " + database + ".items VALUES (1, 'anvil', 12.50, '2024-01-31'),"
          + " (2, 'bolt', 0.05, '2024-02-29'), (3, 'crème brûlée', 7.00, '1999-12-31'),"
          + " (4, 'döner', 5.25, '2000-01-01'), (5, 'éclair', 3.10, '2026-11-21'), (6, 'fuse', 1.99, '1970-01-02')");
    }
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    try (Connection c = root(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
    }
  }

  private Connection root() throws SQLException {
    return TestServers.connect(server, "");
  }

  private static String head(String name, String start) {
    return "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"" + name + "\">\n"
        + "  <global><job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node></global>\n"
        + "  <start to=\"" + start + "\"/>\n";
  }

  private static final String TAIL = "  <kill name=\"fail\"><message>failed at ${wf:lastErrorNode()}:"
      + " ${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n";

  /*
   *  start -> import(sqoop <command>: items -> data/items, -m 2)
   *             |
   *           split(fork) --> stamp(fs: delete stale, mkdir done, touchz done/_IMPORTED) --\
   *                      \--> count(shell: wc -l data/items/part-m-*, capture-output) -------> joined(join)
   *                                                                                                 |
   *           enough(decision) <----------------------------------------------------------------------/
   *             |-- hadoop:counters('import') ROWS_IMPORTED == count.rows, [RECORDS][MAP_IN] == 6
   *             |      and fs:exists(done/_IMPORTED) --> export(sqoop <arg>s: data/items -> items_copy,
   *             |                                              user with --password) --> end
   *             \-- default --> fail(kill)
   */
  @Test
  void importForkJoinDecisionOnCountersThenExport() throws Exception {
    Path data = Files.createDirectories(root.resolve("data"));
    Files.createDirectories(data.resolve("stale"));
    String d = data.toUri().toString();
    Path app = app(root, "app", head("sqoop-roundtrip", "import")
        + "  <action name=\"import\">\n    <sqoop xmlns=\"uri:oozie:sqoop-action:0.4\">\n"
        + "      <prepare><delete path=\"" + d + "items\"/></prepare>\n"
        + "      <configuration><property><name>mapreduce.job.queuename</name><value>default</value></property>"
        + "</configuration>\n"
        + "      <command>import --connect jdbc:mysql://" + address + "/${db} --username root\n"
        + "        --table items -m 2 --split-by id --target-dir " + d + "items</command>\n"
        + "    </sqoop>\n    <ok to=\"split\"/><error to=\"fail\"/>\n  </action>\n"
        + "  <fork name=\"split\"><path start=\"stamp\"/><path start=\"count\"/></fork>\n"
        + "  <action name=\"stamp\">\n    <fs>\n      <delete path=\"" + d + "stale\"/>\n"
        + "      <mkdir path=\"" + d + "done\"/>\n      <touchz path=\"" + d + "done/_IMPORTED\"/>\n"
        + "    </fs>\n    <ok to=\"joined\"/><error to=\"fail\"/>\n  </action>\n"
        + shell("count", "echo rows=$(cat " + data.resolve("items") + "/part-m-* | wc -l);"
            + " echo job=${wf:actionExternalId('import')}", "joined", "fail", true)
        + "  <join name=\"joined\" to=\"enough\"/>\n"
        + "  <decision name=\"enough\"><switch>\n"
        + "    <case to=\"export\">${hadoop:counters('import')['dev.hadoopkit.ingest.IngestCounters']['ROWS_IMPORTED']"
        + " eq wf:actionData('count')['rows'] and hadoop:counters('import')[RECORDS][MAP_IN] eq 6"
        + " and fs:exists('" + d + "done/_IMPORTED')}</case>\n"
        + "    <default to=\"fail\"/>\n  </switch></decision>\n"
        + "  <action name=\"export\">\n    <sqoop xmlns=\"uri:oozie:sqoop-action:0.2\">\n"
        // sqoop 0.2 and 0.3 want their own job-tracker and name-node, whatever <global> says (Oozie's XSDs)
        + "      <job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node>\n"
        + "      <arg>export</arg><arg>--connect</arg><arg>jdbc:mysql://" + address + "/${db}</arg>\n"
        + "      <arg>--username</arg><arg>" + user + "</arg><arg>--password</arg><arg>" + PASSWORD + "</arg>\n"
        + "      <arg>--table</arg><arg>items_copy</arg><arg>--export-dir</arg><arg>" + d + "items</arg>\n"
        + "      <arg>-m</arg><arg>1</arg>\n"
        + "    </sqoop>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n" + TAIL);

    RunState state = run(engine(root, 4), app,
        Map.of("db", database, "jobTracker", "local", "nameNode", "file:///"));

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    for (String node : List.of(":start:", "import", "split", "stamp", "count", "joined", "enough", "export",
        "end")) {
      assertNode(state, node, NodeStatus.OK);
    }
    assertEquals(List.of("export"), state.nodeRun("enough").transitions());
    // The table as the database itself sees it (independent of the files): the copy equals the source, row for row.
    assertEquals(rows("items"), rows("items_copy"));
    assertEquals(6, rows("items_copy").size());
    // What the import wrote, read independently: 6 lines over 2 part files, the Sqoop text format.
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(data.resolve("items"))) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-m-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    assertEquals(List.of("1,anvil,12.50,2024-01-31", "2,bolt,0.05,2024-02-29", "3,crème brûlée,7.00,1999-12-31",
        "4,döner,5.25,2000-01-01", "5,éclair,3.10,2026-11-21", "6,fuse,1.99,1970-01-02"), lines);
    assertTrue(Files.exists(data.resolve("items/_SUCCESS")));
    assertFalse(Files.exists(data.resolve("stale")));
    // External ids and counters as hadoop:counters / wf:actionExternalId see them.
    String importJob = state.nodeRun("import").externalId();
    assertTrue(importJob.startsWith("job_local"), importJob);
    assertEquals(importJob, state.nodeRun("count").data().get("job"));
    assertEquals("6", state.nodeRun("count").data().get("rows"));
    assertEquals(6L, state.nodeRun("import").counters().get("dev.hadoopkit.ingest.IngestCounters")
        .get("ROWS_IMPORTED"));
    assertEquals(6L, state.nodeRun("import").counters().get("org.apache.hadoop.mapred.Task$Counter")
        .get("MAP_OUTPUT_RECORDS"));
    assertEquals(6L, state.nodeRun("export").counters().get("dev.hadoopkit.ingest.IngestCounters")
        .get("ROWS_EXPORTED"));
    assertTrue(state.nodeRun("export").externalId().startsWith("job_local"));
    // The password never reaches the journal, the run log or the action's output files.
    Path runDir = root.resolve("state").resolve(state.info().id());
    String stderr = Files.readString(runDir.resolve("actions/export/r0-a1/stderr"));
    assertTrue(stderr.contains("--password ********"), stderr);
    assertTrue(stderr.contains("Exported 6 records."), stderr);
    assertNoPassword(runDir);
  }

  /*
   *  start -> load(sqoop: import of a table that does not exist) --error--> fail(kill: wf:errorMessage)
   *                                                             \--ok--> end
   */
  @Test
  void failingImportTakesTheErrorTransitionWithIngestsMessage() throws Exception {
    Path data = Files.createDirectories(root.resolve("data"));
    Path app = app(root, "bad", head("sqoop-bad", "load")
        + "  <action name=\"load\">\n    <sqoop xmlns=\"uri:oozie:sqoop-action:0.3\">\n"
        + "      <job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node>\n"
        + "      <command>import --connect jdbc:mysql://" + address + "/${db}?password=" + PASSWORD + " --username "
        + user + " --table no_such_table -m 1 --target-dir " + data.toUri() + "out</command>\n"
        + "    </sqoop>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n" + TAIL);

    RunState state = run(engine(root, 2), app, Map.of("db", database, "jobTracker", "local", "nameNode",
        "file:///"));

    assertEquals(WorkflowStatus.KILLED, state.info().status());
    assertNode(state, "load", NodeStatus.ERROR);
    assertEquals(List.of("fail"), state.nodeRun("load").transitions());
    assertEquals("JA018", state.nodeRun("load").errorCode());
    String message = state.nodeRun("load").errorMessage();
    assertTrue(message.startsWith("sqoop import failed (exit 1): "), message);
    assertTrue(message.contains("no_such_table"), message);
    assertTrue(state.info().statusMessage().contains("failed at load: sqoop import failed"), state.info().statusMessage());
    assertFalse(Files.exists(data.resolve("out")), "nothing written");
    assertNoPassword(root.resolve("state").resolve(state.info().id()));
  }

  /*
   *  start -> prompt(sqoop with -P) --error--> typo(sqoop with --tabel) --error--> fail(kill)
   */
  @Test
  void usageErrorsFollowTheErrorTransitionWithoutConnecting() throws Exception {
    String connect = "import --connect jdbc:mysql://" + address + "/${db} --username root ";
    Path app = app(root, "usage", head("sqoop-usage", "prompt")
        + "  <action name=\"prompt\"><sqoop xmlns=\"uri:oozie:sqoop-action:0.4\"><command>" + connect
        + "-P --table items --target-dir " + root.toUri() + "p</command></sqoop>"
        + "<ok to=\"end\"/><error to=\"typo\"/></action>\n"
        + "  <action name=\"typo\"><sqoop xmlns=\"uri:oozie:sqoop-action:0.4\"><command>" + connect
        + "--tabel items --target-dir " + root.toUri() + "t</command></sqoop>"
        + "<ok to=\"end\"/><error to=\"fail\"/></action>\n" + TAIL);

    RunState state = run(engine(root, 2), app, Map.of("db", database, "jobTracker", "local", "nameNode",
        "file:///"));

    assertEquals(WorkflowStatus.KILLED, state.info().status());
    assertNode(state, "prompt", NodeStatus.ERROR);
    assertEquals("SQOOP_USAGE", state.nodeRun("prompt").errorCode());
    assertTrue(state.nodeRun("prompt").errorMessage().contains("-P cannot prompt for a password"),
        state.nodeRun("prompt").errorMessage());
    assertNode(state, "typo", NodeStatus.ERROR);
    assertEquals("SQOOP_USAGE", state.nodeRun("typo").errorCode());
    assertTrue(state.nodeRun("typo").errorMessage().startsWith("sqoop import failed (exit 2): ")
        && state.nodeRun("typo").errorMessage().contains("--tabel"), state.nodeRun("typo").errorMessage());
    assertFalse(Files.exists(root.resolve("p")) || Files.exists(root.resolve("t")));
  }

  /*
   *  start -> toHdfs(sqoop import --target-dir /warehouse/items; name-node from <global> = a MiniDFSCluster,
   *                  while the engine's own default file system is file:///; --password-file secret.txt
   *                  from <file>, read from the action's local work dir) -> end
   */
  @Test
  void nameNodeOfTheActionReachesTheIngestJob() throws Exception {
    org.apache.hadoop.conf.Configuration dfsConf = new org.apache.hadoop.conf.Configuration();
    dfsConf.set(org.apache.hadoop.hdfs.MiniDFSCluster.HDFS_MINIDFS_BASEDIR, root.resolve("dfs").toString());
    org.apache.hadoop.hdfs.MiniDFSCluster cluster = new org.apache.hadoop.hdfs.MiniDFSCluster.Builder(dfsConf)
        .numDataNodes(1).build();
    try {
      cluster.waitActive();
      org.apache.hadoop.fs.FileSystem hdfs = cluster.getFileSystem();
      Path app = app(root, "hdfs", head("sqoop-hdfs", "toHdfs")
          + "  <action name=\"toHdfs\">\n    <sqoop xmlns=\"uri:oozie:sqoop-action:1.0\">\n"
          + "      <command>import --connect jdbc:mariadb://" + address + "/${db} --username " + user
          + " --password-file secret.txt --table items --where id&lt;=4 -m 1 --target-dir /warehouse/items</command>\n"
          + "      <file>secret.txt</file>\n    </sqoop>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n" + TAIL);

      Files.writeString(app.resolve("secret.txt"), PASSWORD + "\n");
      WorkflowEngine engine = engine(root, 2);
      Submission submission = engine.prepare(Map.of("db", database, "jobTracker", "local",
          "nameNode", hdfs.getUri().toString()), Map.of(), app.toUri().toString());
      RunState state = engine.run(engine.submit(submission, null, RunListener.NONE), RunListener.NONE);

      assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
      org.apache.hadoop.fs.Path part = new org.apache.hadoop.fs.Path("/warehouse/items/part-m-00000");
      assertEquals("1,anvil,12.50,2024-01-31\n2,bolt,0.05,2024-02-29\n3,crème brûlée,7.00,1999-12-31\n"
          + "4,döner,5.25,2000-01-01\n", new String(hdfs.open(part).readAllBytes(), StandardCharsets.UTF_8));
      assertFalse(Files.exists(Path.of("/warehouse/items")), "nothing on the engine's local file system");
      assertEquals(4L, state.nodeRun("toHdfs").counters().get("dev.hadoopkit.ingest.IngestCounters")
          .get("ROWS_IMPORTED"));
    } finally {
      cluster.shutdown();
    }
  }

  private List<String> rows(String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = root(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name, price, added FROM " + database + "." + table
            + " ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|" + rs.getDate(4));
      }
    }
    return out;
  }

  /** Every file of the run except the copy of workflow.xml (which is the app as submitted) is free of the password. */
  private static void assertNoPassword(Path runDir) throws Exception {
    try (Stream<Path> files = Files.walk(runDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.getFileName().toString().equals("workflow.xml")) {
          continue;
        }
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        assertFalse(text.contains(PASSWORD), "password in " + runDir.relativize(f) + ":\n" + text);
      }
    }
  }
}
