package dev.hadoopkit.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "passes today" load items as processes a user starts at once: 20 concurrent sqoop commands (10 eval, 10
 * import) against the real MariaDB all answer correctly, and 10 concurrent {@code workflow run}s on one state
 * directory all succeed with distinct ids, each action run exactly once.
 */
@Tag("faults")
class ConcurrentRunsIT {
  private static final int ROWS = 1_234;
  private static final long SUM = (long) ROWS * (ROWS + 1) / 2;
  private static MariaDb db;

  @TempDir
  Path root;

  @BeforeAll
  static void createTable() throws Exception {
    db = MariaDb.fresh("hk_faults_concurrent");
    db.execute("CREATE TABLE conc (id INT PRIMARY KEY, v VARCHAR(40))",
        "INSERT INTO conc SELECT seq, CONCAT('value-', seq) FROM seq_1_to_" + ROWS);
  }

  @AfterAll
  static void dropTable() throws Exception {
    db.drop();
  }

  @Test
  void twentyConcurrentEvalsAndImportsAllAnswerCorrectly() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(150), () -> {
      List<ChildJvm> runs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        List<String> args = i % 2 == 0
            ? List.of("eval", "--connect", db.url(), "--username", "root", "--query",
                "SELECT COUNT(*) AS n, SUM(id) AS s FROM conc")
            : List.of("import", "--connect", db.url(), "--username", "root", "--table", "conc", "--split-by", "id",
                "-m", "2", "--target-dir", root.resolve("out-" + i).toString());
        runs.add(ChildJvm.start(root, root.resolve("run-" + i + ".log"), root.toString(), Map.of(),
            "dev.hadoopkit.ingest.IngestMain", args));
      }
      for (int i = 0; i < runs.size(); i++) {
        ChildJvm run = runs.get(i);
        assertEquals(0, run.await(120), "concurrent command " + i + " failed: " + run.output());
        if (i % 2 == 0) {
          assertTrue(run.output().contains(Long.toString(SUM)) && run.output().contains(Integer.toString(ROWS)),
              "eval " + i + " must print " + ROWS + " and " + SUM + ": " + run.output());
        } else {
          Set<Integer> ids = new HashSet<>();
          List<String> lines = OutputDirs.partLines(root.resolve("out-" + i));
          for (String line : lines) {
            ids.add(Integer.parseInt(line.substring(0, line.indexOf(','))));
          }
          assertEquals(ROWS, lines.size(), "import " + i + ": rows");
          assertEquals(ROWS, ids.size(), "import " + i + ": distinct ids");
        }
      }
      assertEquals(List.of(), ChildJvm.leftovers(root.toString(), List.of(), 5_000), "processes left");
    });
  }

  @Test
  void tenConcurrentWorkflowRunsOnOneStateDirectoryGetDistinctIds() throws Exception {
    Path app = Files.createDirectories(root.resolve("app"));
    Path log = root.resolve("action.log");
    Files.writeString(app.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"load\">\n"
        + "  <start to=\"one\"/>\n  <action name=\"one\">\n    <shell xmlns=\"uri:oozie:shell-action:0.3\">\n"
        + "      <exec>bash</exec><argument>-c</argument><argument>echo ${wf:id()} &gt;&gt; " + log
        + "</argument>\n    </shell>\n    <ok to=\"end\"/><error to=\"fail\"/>\n  </action>\n"
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n",
        StandardCharsets.UTF_8);
    Path properties = root.resolve("job.properties");
    Files.writeString(properties, "nameNode=file:///\njobTracker=local\noozie.wf.application.path=" + app.toUri()
        + "\n", StandardCharsets.UTF_8);
    Path state = root.resolve("state");
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      List<ChildJvm> runs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        runs.add(ChildJvm.start(root, root.resolve("engine-" + i + ".log"), root.toString(),
            Map.of("HK_WORKFLOW_STATE_DIR", state.toString()), "dev.hadoopkit.workflow.cli.WorkflowCli",
            List.of("run", "-config", properties.toString())));
      }
      for (int i = 0; i < runs.size(); i++) {
        assertEquals(0, runs.get(i).await(100), "concurrent run " + i + " failed: " + runs.get(i).output());
      }
      RunStore store = new RunStore(state, false);
      List<String> ids = store.ids();
      assertEquals(10, ids.size(), "runs recorded: " + ids);
      assertEquals(10, new HashSet<>(ids).size(), "distinct ids: " + ids);
      for (String id : ids) {
        assertEquals(WorkflowStatus.SUCCEEDED, store.load(id).info().status(), id);
      }
      List<String> ran = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertEquals(Set.copyOf(ids), Set.copyOf(ran), "each run's action ran, with its own id");
      assertEquals(10, ran.size(), "each action exactly once: " + ran);
      assertEquals(List.of(), ChildJvm.leftovers(root.toString(), List.of(), 5_000), "processes left");
    });
  }
}
