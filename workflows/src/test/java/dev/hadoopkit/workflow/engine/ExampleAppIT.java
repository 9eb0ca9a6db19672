package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shipped MovieLens example app (workflows/examples/movielens) on small generated ratings. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ExampleAppIT {
  @TempDir
  Path root;

  /*
   *             /-> popular (map-reduce) -\
   *  prepare -> fork -> breakdown (mr)  -> join -> check(counters, fs:exists) -> report -> end
   *             \-> users (shell)       -/
   */
  @Test
  void movieLensPipelineMatchesAnIndependentCount() throws Exception {
    Random random = new Random(42);
    List<String> lines = new ArrayList<>();
    Map<String, Long> perMovie = new TreeMap<>();
    Map<String, Long> perStar = new TreeMap<>();
    java.util.Set<Integer> users = new java.util.HashSet<>();
    for (int i = 0; i < 500; i++) {
      int user = 1 + random.nextInt(40);
      int movie = 1 + random.nextInt(30);
      int stars = 1 + random.nextInt(5);
      lines.add(user + "\t" + movie + "\t" + stars + "\t" + (880000000 + i));
      perMovie.merge(String.valueOf(movie), 1L, Long::sum);
      perStar.merge(String.valueOf(stars), 1L, Long::sum);
      users.add(user);
    }
    Path ratings = Files.write(root.resolve("u.data"), lines);
    Path out = root.resolve("out");
    Path app = Path.of("examples", "movielens").toAbsolutePath();
    WorkflowEngine engine = TestApps.engine(root, 4);
    Submission submission = engine.prepare(Map.of("nameNode", "file://", "jobTracker", "local",
        "ratings", ratings.toUri().toString(), "outRoot", out.toString()), Map.of(), app.toString());
    String id = engine.submit(submission, null, RunListener.NONE);
    RunState state = engine.run(id, RunListener.NONE);

    assertEquals(WorkflowStatus.SUCCEEDED, state.info().status(), state.info().statusMessage());
    assertEquals(String.valueOf(users.size()), state.nodeRun("users").data().get("raters"));
    assertEquals(perMovie, read(out.resolve("popular/part-r-00000")));
    assertEquals(perStar, read(out.resolve("breakdown/part-r-00000")));
    Path report = engine.store().runDir(id).resolve("actions/report/r0-a1/stdout");
    assertTrue(Files.readString(report).contains("ratings read: 500, raters: " + users.size()),
        Files.readString(report));
  }

  private static Map<String, Long> read(Path file) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] kv = line.split("\t");
      out.put(kv[0], Long.parseLong(kv[1]));
    }
    return out;
  }
}
