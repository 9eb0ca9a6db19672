package dev.hadoopkit.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
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
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow engine ({@code WorkflowCli run}, what bin/workflow runs) killed with SIGKILL or SIGTERM at a
 * seed-chosen moment of a run with a fork, then {@code run --resume}. Invariants: the killed run stays RUNNING and
 * resumes to SUCCEEDED (issue 15 defect 5 for SIGTERM), or, killed before its start, stays PREP with nothing run and
 * {@code start} drives it; an action the journal had as OK never runs again; two attempts of one action never run at
 * the same time (defect 3); every action's last attempt ends; no process left.
 * Each action logs "start PID" and "end PID" lines, so all of it is read from the actions' own files.
 *
 * <p>Unseeded reproductions live in workflows: CrashResumeIT, EngineStopIT (defects 3, 5), ExportResumeIT (2),
 * SchedulerDaemonIT (daemon SIGKILL mid catch-up, standby take-over).
 */
@Tag("faults")
class WorkflowEngineFaultsIT {
  private static final String MAIN = "dev.hadoopkit.workflow.cli.WorkflowCli";
  private static final List<String> ACTIONS = List.of("first", "left", "right", "last");

  @TempDir
  Path root;

  /*
   *  start -> first -> fork -> left  -> join -> last -> end
   *                        \-> right -/
   *  each action: echo start $$ >> NAME.log; sleep (seeded 0.3-1.2 s); echo end $$ >> NAME.log
   */
  private static String action(Path dir, String name, String ok, Random random) {
    Path log = dir.resolve(name + ".log");
    String command = "echo start $$ >> " + log + "; sleep " + (3 + random.nextInt(10)) / 10.0 + "; echo end $$ >> "
        + log;
    return "  <action name=\"" + name + "\">\n    <shell xmlns=\"uri:oozie:shell-action:0.3\">\n"
        + "      <exec>bash</exec><argument>-c</argument><argument>" + command + "</argument>\n"
        + "    </shell>\n    <ok to=\"" + ok + "\"/><error to=\"fail\"/>\n  </action>\n";
  }

  private static Path writeApp(Path dir, Random random) throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"faults\">\n"
        + "  <start to=\"first\"/>\n" + action(dir, "first", "fork", random)
        + "  <fork name=\"fork\"><path start=\"left\"/><path start=\"right\"/></fork>\n"
        + action(dir, "left", "join", random) + action(dir, "right", "join", random)
        + "  <join name=\"join\" to=\"last\"/>\n" + action(dir, "last", "end", random)
        + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n",
        StandardCharsets.UTF_8);
    Path properties = dir.resolve("job.properties");
    Files.writeString(properties, "nameNode=file:///\njobTracker=local\noozie.wf.application.path=" + app.toUri()
        + "\n", StandardCharsets.UTF_8);
    return properties;
  }

  private static List<String> lines(Path dir, String action) throws Exception {
    Path log = dir.resolve(action + ".log");
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }

  private static long starts(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("start ")).count();
  }

  /** After "start B", no other attempt may write "end"; the last attempt ends. */
  private static void assertAttemptsNeverOverlap(String action, List<String> lines, String when) {
    assertTrue(!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("end "), when + ": " + action
        + "'s last attempt must end: " + lines);
    String current = null;
    for (String line : lines) {
      String pid = line.substring(line.indexOf(' ') + 1);
      if (line.startsWith("start ")) {
        current = pid;
      } else {
        assertEquals(current, pid, when + ": two attempts of " + action + " ran at the same time (issue 15 "
            + "defect 3): " + lines);
      }
    }
  }

  /**
   * Runs with a journal. A kill while the engine creates a run can leave its id directory without one (seed 1502
   * round 11 of 30: 'no run ID' from info and --resume); nothing ran in it, so it counts as not recorded.
   */
  private static List<String> recorded(RunStore store, Path state) throws Exception {
    if (!Files.isDirectory(state)) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String id : store.ids()) {
      if (store.exists(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Test
  void engineKilledAtASeededMomentResumesWithoutRepeatingOrOverlappingActions() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(60L * FaultPlan.fromSystemProperties().rounds() + 30), () ->
        FaultRounds.run("workflow-engine", (round, random) -> {
          Path dir = Files.createDirectories(root.resolve("round-" + round));
          Path properties = writeApp(dir, random);
          Path state = dir.resolve("state");
          Map<String, String> env = Map.of("HK_WORKFLOW_STATE_DIR", state.toString());
          KillPoint point = KillPoint.choose(random, 5_000, 2_000);
          ChildJvm engine = ChildJvm.start(dir, dir.resolve("engine.log"), dir.toString(), env, MAIN,
              List.of("run", "-config", properties.toString()));
          ChildJvm.Kill kill = engine.kill(point, () -> Files.exists(dir.resolve("first.log")), 30_000);
          String when = "after " + point + " (exit " + kill.exitCode() + ")";
          RunStore store = new RunStore(state, false);
          List<String> ids = recorded(store, state);
          if (!kill.sent()) {
            assertEquals(0, kill.exitCode(), "the run ended before the signal, and failed: " + engine.output());
            assertEquals(WorkflowStatus.SUCCEEDED, store.load(ids.get(0)).info().status());
          }
          List<ProcessHandle> watched = new ArrayList<>(kill.descendants());
          Set<String> okAtCrash = new HashSet<>();
          if (ids.isEmpty()) {
            // Killed before the run existed: nothing may have started; a new run is the user's way on.
            for (String action : ACTIONS) {
              assertEquals(List.of(), lines(dir, action), when + ": no run recorded, yet " + action + " ran");
            }
            ChildJvm again = ChildJvm.start(dir, dir.resolve("again.log"), dir.toString(), env, MAIN,
                List.of("run", "-config", properties.toString()));
            assertEquals(0, again.await(60), "a new run " + when + " failed: " + again.output());
            ids = recorded(store, state);
          } else if (kill.sent()) {
            String id = ids.get(0);
            RunState crashed = store.load(id);
            if (crashed.info().status() == WorkflowStatus.PREP) {
              // Killed between recording the run and starting it: nothing ran; 'start <id>' drives a PREP run.
              for (String action : ACTIONS) {
                assertEquals(List.of(), lines(dir, action), when + ": the run is PREP, yet " + action + " ran");
              }
              ChildJvm start = ChildJvm.start(dir, dir.resolve("start.log"), dir.toString(), env, MAIN,
                  List.of("start", id));
              assertEquals(0, start.await(60), "start " + id + " " + when + " failed: " + start.output());
            } else if (crashed.info().status() != WorkflowStatus.SUCCEEDED) { // SUCCEEDED: ended, the JVM was exiting
              assertEquals(WorkflowStatus.RUNNING, crashed.info().status(), when + ": a stopped engine must leave its run "
                  + "RUNNING and resumable (issue 15 defect 5); engine output: " + engine.output().strip());
            }
            for (NodeRun node : crashed.nodeRuns()) {
              if (node.status() == NodeStatus.OK) {
                okAtCrash.add(node.name());
              }
            }
            if (crashed.info().status() == WorkflowStatus.RUNNING) {
              ChildJvm resume = ChildJvm.start(dir, dir.resolve("resume.log"), dir.toString(), env, MAIN,
                  List.of("run", "--resume", id));
              assertEquals(0, resume.await(60), "run --resume " + id + " " + when + " failed: " + resume.output());
            }
          }
          assertEquals(1, ids.size(), when + ": runs in " + state);
          RunState finished = store.load(ids.get(0));
          assertEquals(WorkflowStatus.SUCCEEDED, finished.info().status(), when + ": " + finished.info().statusMessage());
          for (String action : ACTIONS) {
            List<String> lines = lines(dir, action);
            assertAttemptsNeverOverlap(action, lines, when);
            if (okAtCrash.contains(action)) {
              assertEquals(1, starts(lines), when + ": " + action + " was OK in the journal and ran again");
            }
          }
          assertEquals(List.of(), ChildJvm.leftovers(dir.toString(), watched, 5_000), when + ": processes left");
          return new FaultRounds.Outcome(point, kill.sent());
        }));
  }
}
