package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.engine.TestApps.app;
import static dev.hadoopkit.workflow.engine.TestApps.engine;
import static dev.hadoopkit.workflow.engine.TestApps.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.TestDatabases;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hive2 action as a SQL script over JDBC, against MariaDB and PostgreSQL (the local services, or the embedded
 * fallback of ingest's TestDatabases).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class Hive2JdbcIT {
  @TempDir
  Path root;

  /*
   *  start -> load(hive2: script.sql with ${table}) -> broken(hive2: bad SQL) --error--> fail
   */
  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "postgresql"})
  void scriptRunsStatementsInOrderAndReportsTheFailingOne(String db) throws Exception {
    String table = "wf_hive2_" + db + "_" + ProcessHandle.current().pid();
    String database = TestDatabases.uniqueName("wf_hive2");
    String url;
    if (db.equals("mariadb")) {
      TestDatabases.createMariaDb(database);
      url = TestDatabases.mariaDbServer().jdbcUrl(database) + "?user=root";
    } else {
      TestDatabases.createPostgres(database);
      url = TestDatabases.postgresServer().jdbcUrl(database) + "?user=postgres";
    }
    Path app = app(root, "app", "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"sql\">\n"
        + "  <start to=\"load\"/>\n"
        + "  <action name=\"load\">\n    <hive2 xmlns=\"uri:oozie:hive2-action:1.0\">\n"
        + "      <jdbc-url>${jdbcUrl}</jdbc-url>\n      <script>script.sql</script>\n"
        + "      <param>table=" + table + "</param>\n    </hive2>\n    <ok to=\"broken\"/><error to=\"fail\"/>\n"
        + "  </action>\n"
        + "  <action name=\"broken\">\n    <hive2 xmlns=\"uri:oozie:hive2-action:1.0\">\n"
        + "      <jdbc-url>${jdbcUrl}</jdbc-url>\n      <query>SELECT 1; SELEC oops</query>\n"
        + "    </hive2>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n"
        + "  <kill name=\"fail\"><message>${wf:errorMessage(wf:lastErrorNode())}</message></kill>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    Files.writeString(app.resolve("script.sql"), "-- load a tiny table\nDROP TABLE IF EXISTS ${table};\n"
        + "CREATE TABLE ${table} (id INT, label VARCHAR(20));\n"
        + "INSERT INTO ${table} VALUES (1, 'a;b'), (2, 'c');\nSELECT id, label FROM ${table} ORDER BY id;\n");
    try {
      RunState state = run(engine(root, 2), app, Map.of("jdbcUrl", url));
      assertEquals(WorkflowStatus.KILLED, state.info().status());
      assertEquals("4", state.nodeRun("load").data().get("statements"));
      assertEquals("HIVE2_SQL", state.nodeRun("broken").errorCode());
      assertTrue(state.nodeRun("broken").errorMessage().startsWith("statement 2 of 2 failed"),
          state.nodeRun("broken").errorMessage());
      String printed = Files.readString(root.resolve("state").resolve(state.info().id()).resolve("actions/load/r0-a1/stdout"));
      assertEquals("1\ta;b\n2\tc\n", printed);
      try (Connection c = DriverManager.getConnection(url); ResultSet rows = c.createStatement()
          .executeQuery("SELECT COUNT(*), SUM(id) FROM " + table)) {
        rows.next();
        assertEquals(2, rows.getInt(1));
        assertEquals(3, rows.getInt(2));
      }
    } finally {
      if (db.equals("mariadb")) {
        TestDatabases.dropMariaDb(database);
      } else {
        TestDatabases.dropPostgres(database);
      }
    }
  }
}
