package dev.hadoopkit.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local MovieLens job ({@code movie-stats --movies}, what {@code bin/hadoop jar movielens-jobs.jar} runs) killed
 * with SIGKILL or SIGTERM at a seed-chosen moment, every round in the same working directory with movie titles of
 * its own. Invariants: the output is absent or complete and equal to a single-process computation of the same
 * answer; the rerun succeeds with this round's titles (a killed job's movie link must never be reused, issue 15
 * defect 1), removes the killed run's leftovers (defect 9) and leaves nothing in the working directory; no process
 * left.
 *
 * <p>The fixed reproductions live in mapreduce-jobs: LocalJobWorkingDirectoryIT (defect 1), DamagedInputIT (10).
 */
@Tag("faults")
class MovieLensJobFaultsIT {
  private static final String MAIN = "dev.hadoopkit.jobs.MovieLensDriver";
  private static final int MOVIES = 400;
  private static final int RATINGS = 1_000_000;

  @TempDir
  static Path root;
  private static Path ratings;
  /** movie id -> {count, sum of ratings} */
  private static final Map<Integer, long[]> EXPECTED = new TreeMap<>();

  @BeforeAll
  static void writeRatings() throws Exception {
    ratings = root.resolve("u.data");
    Random random = new Random(FaultPlan.fromSystemProperties().seed());
    try (BufferedWriter out = Files.newBufferedWriter(ratings, StandardCharsets.UTF_8)) {
      for (int i = 0; i < RATINGS; i++) {
        int movie = 1 + random.nextInt(MOVIES);
        int rating = 1 + random.nextInt(5);
        out.write((1 + random.nextInt(900)) + "\t" + movie + "\t" + rating + "\t" + (880_000_000 + i) + "\n");
        long[] stat = EXPECTED.computeIfAbsent(movie, m -> new long[2]);
        stat[0]++;
        stat[1] += rating;
      }
    }
  }

  private static String title(int round, int movie) {
    return "Round " + round + " Movie " + movie + " (" + (1950 + movie % 50) + ")";
  }

  private static Path writeMovies(Path file, int round) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int movie = 1; movie <= MOVIES; movie++) {
      text.append(movie).append('|').append(title(round, movie)).append("|01-Jan-1990||http://example.org/")
          .append(movie).append("|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n");
    }
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void assertExpectedOutput(Path output, int round, String when) throws Exception {
    assertTrue(Files.exists(output.resolve("_SUCCESS")), when + ": visible output must be complete: " + output);
    List<String> lines = OutputDirs.partLines(output);
    assertEquals(EXPECTED.size(), lines.size(), when + ": one line per rated movie in " + output);
    for (String line : lines) {
      String[] fields = line.split("\t");
      int movie = Integer.parseInt(fields[0]);
      long[] stat = EXPECTED.get(movie);
      assertEquals(title(round, movie), fields[1], when + ": the title must come from this round's --movies");
      assertEquals(stat[0], Long.parseLong(fields[2]), when + ": count of movie " + movie);
      assertEquals((double) stat[1] / stat[0], Double.parseDouble(fields[3]), 0.00006, when + ": mean of " + movie);
    }
  }

  private static Set<String> workingDirectoryEntries(Path cwd) throws Exception {
    try (Stream<Path> entries = Files.list(cwd)) {
      return entries.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
  }

  @Test
  void jobKilledAtASeededMomentLeavesNoPartialOutputAndNothingLaterJobsReuse() throws Exception {
    Path cwd = Files.createDirectories(root.resolve("cwd"));
    assertTimeoutPreemptively(Duration.ofSeconds(60L * FaultPlan.fromSystemProperties().rounds() + 30), () ->
        FaultRounds.run("movielens-job", (round, random) -> {
          Path movies = writeMovies(cwd.resolve("movies-" + round + ".item"), round);
          Path output = cwd.resolve("out-" + round);
          List<String> args = List.of("movie-stats", "--movies", movies.toString(), ratings.toString(),
              output.toString());
          Set<String> before = workingDirectoryEntries(cwd);
          KillPoint point = KillPoint.choose(random, 4_000, 1_500);
          String marker = cwd.resolve("round-" + round).toString();
          ChildJvm run = ChildJvm.start(cwd, root.resolve("killed-" + round + ".log"), marker, Map.of(), MAIN, args);
          ChildJvm.Kill kill = run.kill(point, () -> OutputDirs.hasHiddenSibling(output), 20_000);
          String when = "after " + point + " (exit " + kill.exitCode() + ")";
          if (!kill.sent()) {
            assertEquals(0, kill.exitCode(), "the job ended before the signal, and failed: " + run.output());
          }
          if (Files.exists(output)) {
            assertExpectedOutput(output, round, when);
          }
          assertEquals(List.of(), ChildJvm.leftovers(marker, kill.descendants(), 5_000), when + ": processes left");
          if (!Files.exists(output)) {
            ChildJvm rerun = ChildJvm.start(cwd, root.resolve("rerun-" + round + ".log"), marker, Map.of(), MAIN,
                args);
            assertEquals(0, rerun.await(60), "the rerun " + when + " failed: " + rerun.output());
            assertExpectedOutput(output, round, "the rerun " + when);
            assertEquals(List.of(), OutputDirs.hiddenSiblings(output),
                "the rerun " + when + " must remove the killed run's leftovers (issue 15 defect 9)");
          }
          Set<String> after = workingDirectoryEntries(cwd);
          after.remove(output.getFileName().toString());
          assertEquals(before, after, when + ": the jobs must leave nothing else in their working directory "
              + "(issue 15 defect 1: hk-movies-* links)");
          return new FaultRounds.Outcome(point, kill.sent());
        }));
  }
}
