package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.TestDatabases;
import dev.hadoopkit.ingest.testdb.DbServer;
import dev.hadoopkit.ingest.testdb.TestServers;
import dev.hadoopkit.workflow.cli.WorkflowCli;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 2: the engine is killed (SIGKILL) in the middle of a plain (not staged) sqoop export into the real
 * MariaDB; a blind resume would insert the rows it had written again. Resume refuses, naming the action and the ways
 * on, and leaves the run RUNNING; {@code --resume --rerun-nonidempotent} (after the table was cleaned) runs it again.
 */
class ExportResumeIT {
  private static final int ROWS = 300_000;

  @TempDir
  Path root;

  private DbServer server;
  private String database;

  @BeforeEach
  void createDatabase() throws SQLException {
    server = TestDatabases.mariaDbServer();
    database = "wf_resume_" + ProcessHandle.current().pid() + "_" + Long.toHexString(System.nanoTime() & 0xffffffL);
    try (Connection c = TestServers.connect(server, ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
      s.execute("CREATE TABLE " + database + ".events (id INT NOT NULL, name VARCHAR(40) NOT NULL)"); // no key
    }
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    try (Connection c = TestServers.connect(server, ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  private long[] countAndDistinct() throws SQLException {
    try (Connection c = TestServers.connect(server, ""); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM " + database + ".events")) {
      r.next();
      return new long[] {r.getLong(1), r.getLong(2)};
    }
  }

  private int cli(Path state, ByteArrayOutputStream out, String... args) throws Exception {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new WorkflowCli(print, print, Map.of("HK_WORKFLOW_STATE_DIR", state.toString()))
        .withConf(new Configuration()).run(args);
  }

  /*
   *  start -> export(sqoop export, no --staging-table: data/events -> events) -> end
   *
   *  kill -9 of the engine once the table has rows; resume refuses; resume --rerun-nonidempotent after a DELETE.
   */
  @Test
  void resumeRefusesToRepeatAnInterruptedPlainExport() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
      Path data = Files.createDirectories(root.resolve("data/events"));
      try (BufferedWriter w = Files.newBufferedWriter(data.resolve("part-m-00000"))) {
        for (int i = 1; i <= ROWS; i++) {
          w.write(i + ",event-" + i + "\n");
        }
      }
      Path app = app(root, "app", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"exp\">\n"
          + "  <start to=\"export\"/>\n"
          + "  <action name=\"export\">\n    <sqoop xmlns=\"uri:oozie:sqoop-action:0.4\">\n"
          + "      <job-tracker>${jobTracker}</job-tracker><name-node>${nameNode}</name-node>\n"
          + "      <command>export --connect jdbc:mysql://" + server.address() + "/" + database
          + " --username root --table events --export-dir " + data.toUri() + " -m 1</command>\n"
          + "    </sqoop>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n"
          + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
      Path jobProperties = root.resolve("job.properties");
      Files.writeString(jobProperties, "nameNode=file:///\njobTracker=local\noozie.wf.application.path="
          + app.toUri() + "\n");
      Path state = root.resolve("state");
      ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx384m", "-cp", System.getProperty("java.class.path"), WorkflowCli.class.getName(), "run", "-config",
          jobProperties.toString())
          .redirectErrorStream(true).redirectOutput(root.resolve("engine.out").toFile());
      builder.environment().put("HK_WORKFLOW_STATE_DIR", state.toString());
      Process engine = builder.start();
      RunStore store = new RunStore(state, false);
      long deadline = System.currentTimeMillis() + 120_000;
      while (countAndDistinct()[0] == 0) {
        assertTrue(engine.isAlive(), "the engine ended early: " + Files.readString(root.resolve("engine.out")));
        assertTrue(System.currentTimeMillis() < deadline, "no row was exported within 120 s");
        Thread.sleep(20);
      }
      engine.destroyForcibly();
      assertTrue(engine.waitFor(10, TimeUnit.SECONDS));
      String id = store.ids().get(0);
      NodeRun export = store.load(id).nodeRun("export");
      assertEquals(NodeStatus.RUNNING, export.status(), "the export must still run at the kill; raise ROWS");
      long[] atKill = countAndDistinct();
      assertTrue(atKill[0] > 0 && atKill[0] < ROWS, "a part of the rows: " + atKill[0]);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = cli(state, out, "run", "--resume", id);
      String printed = out.toString(StandardCharsets.UTF_8);
      assertEquals(1, exit, printed);
      assertTrue(printed.contains("action [export] (sqoop export into table events without --staging-table)"),
          printed);
      assertTrue(printed.contains("--rerun-nonidempotent"), printed);
      assertTrue(printed.contains("bin/workflow kill " + id), printed);
      assertEquals(1, printed.strip().lines().filter(l -> l.startsWith("workflow run:")).count(), printed);
      assertEquals(atKill[0], countAndDistinct()[0], "a refused resume writes nothing");
      RunState refused = store.load(id);
      assertEquals(WorkflowStatus.RUNNING, refused.info().status(), "the run stays resumable");
      assertEquals(1, refused.nodeRun("export").attempt());

      try (Connection c = TestServers.connect(server, ""); Statement s = c.createStatement()) {
        s.execute("DELETE FROM " + database + ".events"); // the user's decision: start the export over
      }
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      assertEquals(0, cli(state, again, "run", "--resume", id, "--rerun-nonidempotent"),
          again.toString(StandardCharsets.UTF_8));
      assertEquals(WorkflowStatus.SUCCEEDED, store.load(id).info().status());
      long[] after = countAndDistinct();
      assertEquals(List.of((long) ROWS, (long) ROWS), List.of(after[0], after[1]), "every row exactly once");
    });
  }
}
