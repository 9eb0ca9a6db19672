package dev.hadoopkit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's path: {@code bin/hadoop jar mapreduce-jobs/target/movielens-jobs.jar ...} from the repo root. */
class HadoopLauncherIT {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final String JAR = "mapreduce-jobs/target/movielens-jobs.jar";

  @TempDir
  static Path data;

  static Path ratings;
  static Path movies;

  @BeforeAll
  static void generate() throws IOException {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(10_000).users(100).movies(150).seed(4).build();
    ratings = data.resolve("u.data");
    movies = data.resolve("u.item");
    try (OutputStream out = Files.newOutputStream(ratings)) {
      generator.writeRatings(out);
    }
    try (OutputStream out = Files.newOutputStream(movies)) {
      generator.writeMovies(out);
    }
  }

  @Test
  void listsJobsWhenNoJobIsGiven() throws Exception {
    Result result = run("bin/hadoop", "jar", JAR);
    assertEquals(2, result.exit);
    assertTrue(result.err.contains("oldest-five-star"), result.err);
    assertTrue(result.err.contains("ratings-breakdown  Count the ratings of each star value"), result.err);
  }

  @Test
  void runsAJobInLocalModeAndPrintsTheTable(@TempDir Path work) throws Exception {
    Path output = work.resolve("lowest");
    Result result = run("bin/hadoop", "jar", JAR, "lowest-rated", "-D", "mapreduce.job.name=launcher-test",
        "--movies", movies.toString(), "--print", ratings.toString(), output.toString());

    assertEquals(0, result.exit, result.err);
    List<String> expected = new MovieLensOracle(List.of(ratings), movies).lowestRated(10, 10);
    assertEquals(expected, Files.readAllLines(output.resolve("part-r-00000")));
    assertTrue(result.out.startsWith("movieId  title"), result.out);
    assertTrue(result.out.contains(expected.get(0).split("\t")[1]), result.out);
    assertTrue(result.err.contains("job_local"), result.err);
  }

  @Test
  void usageErrorsExitWithTwoAndOneLine(@TempDir Path work) throws Exception {
    Result result = run("bin/hadoop", "jar", JAR, "most-popular", work.resolve("missing").toString(), work.resolve("out").toString());
    assertEquals(2, result.exit);
    assertTrue(result.err.startsWith("most-popular: Input " + work.resolve("missing") + " does not exist."), result.err);
    assertTrue(!result.err.contains("Exception"), "no stack trace: " + result.err);
  }

  @Test
  void fsAndVersionUseTheRealHadoopClient() throws Exception {
    Result ls = run("bin/hadoop", "fs", "-ls", data.toString());
    assertEquals(0, ls.exit, ls.err);
    assertTrue(ls.out.contains(ratings.toString()), ls.out);
    Result version = run("bin/hadoop", "version");
    assertEquals(0, version.exit, version.err);
    assertTrue(version.out.startsWith("Hadoop 3.5"), version.out);
    Result help = run("bin/hadoop", "--help");
    assertEquals(0, help.exit);
    assertTrue(help.out.contains("HADOOP_CONF_DIR"), help.out);
  }

  private record Result(int exit, String out, String err) {
  }

  private static Result run(String... command) throws Exception {
    List<String> args = new ArrayList<>(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(args).directory(ROOT.toFile());
    builder.environment().remove("HADOOP_CONF_DIR");
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + args);
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
