package dev.hadoopkit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 1: a local job must leave nothing in the directory it was started from, and must never join
 * a movies file some earlier (killed) job linked there. Real {@code bin/hadoop jar} processes, killed with SIGKILL.
 */
class LocalJobWorkingDirectoryIT {

  @TempDir
  static Path data;

  static Path ratings;
  static Path movies;
  static Path otherMovies;

  @BeforeAll
  static void generate() throws IOException {
    // Big enough that the job is still running a good second after its output staging directory appears.
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(400_000).users(500).movies(150).seed(4).build();
    ratings = data.resolve("u.data");
    movies = data.resolve("u.item");
    otherMovies = data.resolve("other-u.item");
    try (OutputStream out = Files.newOutputStream(ratings)) {
      generator.writeRatings(out);
    }
    try (OutputStream out = Files.newOutputStream(movies)) {
      generator.writeMovies(out);
    }
    try (OutputStream out = Files.newOutputStream(otherMovies)) {
      MovieLensGenerator.builder().ratings(1).users(1).movies(150).seed(99).build().writeMovies(out);
    }
    assertNotEquals(Files.readAllLines(movies, StandardCharsets.ISO_8859_1), Files.readAllLines(otherMovies, StandardCharsets.ISO_8859_1));
  }

  @Test
  void aMoviesLinkLeftInTheWorkingDirectoryIsNeverJoined(@TempDir Path cwd) throws Exception {
    // What a job killed on today's main left behind: its link to its own (other) movies file.
    Files.createSymbolicLink(cwd.resolve("hk-movies-0"), otherMovies);
    Path output = cwd.resolve("out");

    Process job = start(cwd, "lowest-rated", "--movies", movies.toString(), ratings.toString(), output.toString());
    assertEquals(0, finish(job), () -> read(cwd.resolve("job.err")));

    assertEquals(new MovieLensOracle(List.of(ratings), movies).lowestRated(10, 10), Files.readAllLines(output.resolve("part-r-00000")));
  }

  @Test
  void aJobKilledMidRunLeavesNoLinkAndTheNextJobGetsItsOwnTitles(@TempDir Path cwd) throws Exception {
    killWhileRunning(cwd, "first", otherMovies);
    assertEquals(List.of(), entries(cwd, name -> name.startsWith("hk-movies")), "task-side links left in the working directory");

    Path second = cwd.resolve("second");
    Process job = start(cwd, "lowest-rated", "--movies", movies.toString(), ratings.toString(), second.toString());
    assertEquals(0, finish(job), () -> read(cwd.resolve("job.err")));
    assertEquals(new MovieLensOracle(List.of(ratings), movies).lowestRated(10, 10), Files.readAllLines(second.resolve("part-r-00000")));
    assertEquals(List.of(), entries(cwd, name -> name.startsWith("hk-movies")));
  }

  /** Issue 15 defect 9: the next run of the same output removes what a killed run left, and says so in one line. */
  @Test
  void theNextRunOfTheSameOutputRemovesAKilledRunsLeftover(@TempDir Path cwd) throws Exception {
    killWhileRunning(cwd, "out", movies);
    List<String> leftovers = entries(cwd, name -> name.startsWith(".out.tmp-"));
    assertEquals(2, leftovers.size(), "the staging directory and its owner marker: " + leftovers);

    Path output = cwd.resolve("out");
    Process job = start(cwd, "lowest-rated", "--movies", movies.toString(), ratings.toString(), output.toString());
    assertEquals(0, finish(job), () -> read(cwd.resolve("job.err")));
    String err = read(cwd.resolve("job.err"));
    String staging = leftovers.stream().filter(name -> !name.endsWith(".owner")).findFirst().orElseThrow();
    assertTrue(err.startsWith("lowest-rated: removed the leftover of a killed run of file:" + output + ": " + staging
        + " (pid "), err);
    assertEquals(2, err.strip().lines().count(), "one line about it, then the summary:\n" + err);
    assertEquals(List.of(), entries(cwd, name -> name.startsWith(".out.tmp-")));
    assertEquals(new MovieLensOracle(List.of(ratings), movies).lowestRated(10, 10), Files.readAllLines(output.resolve("part-r-00000")));
  }

  @Test
  void leftoversOfALiveOwnerOrWithoutAnOwnerAreKept(@TempDir Path cwd) throws Exception {
    ProcessHandle self = ProcessHandle.current();
    Path alive = Files.createDirectories(cwd.resolve(".out.tmp-aaaaaaaa"));
    Files.writeString(cwd.resolve(".out.tmp-aaaaaaaa.owner"), java.net.InetAddress.getLocalHost().getHostName() + "\t"
        + self.pid() + "\t" + self.info().startInstant().orElseThrow() + "\n");
    Path unowned = Files.createDirectories(cwd.resolve(".out.tmp-bbbbbbbb"));
    // Same pid as this JVM but another start time: the pid was recycled, the owner is gone.
    Path recycled = Files.createDirectories(cwd.resolve(".out.tmp-cccccccc"));
    Files.writeString(cwd.resolve(".out.tmp-cccccccc.owner"), java.net.InetAddress.getLocalHost().getHostName() + "\t"
        + self.pid() + "\t2001-01-01T00:00:00Z\n");

    Path output = cwd.resolve("out");
    Process job = start(cwd, "lowest-rated", ratings.toString(), output.toString());
    assertEquals(0, finish(job), () -> read(cwd.resolve("job.err")));
    assertTrue(Files.isDirectory(alive), "a live owner's staging directory is kept");
    assertTrue(Files.isDirectory(unowned), "a directory without a marker is not known to be ours");
    assertTrue(!Files.exists(recycled), "the recycled pid's leftover is removed");
    assertTrue(read(cwd.resolve("job.err")).contains("removed the leftover of a killed run of file:" + output + ": .out.tmp-cccccccc (pid "
        + self.pid() + ", started 2001-01-01T00:00:00Z)"), read(cwd.resolve("job.err")));
  }

  /** Starts a job writing {@code cwd/<output>} and kills it with SIGKILL once its staging directory exists. */
  private static void killWhileRunning(Path cwd, String output, Path moviesFile) throws Exception {
    Process killed = start(cwd, "lowest-rated", "--movies", moviesFile.toString(), ratings.toString(), cwd.resolve(output).toString());
    // The output staging directory is made after the task-side files are set up: the job is running then.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (entries(cwd, name -> name.startsWith("." + output + ".tmp-") && !name.endsWith(".owner")).isEmpty() && killed.isAlive()) {
      assertTrue(System.nanoTime() < deadline, "the job's staging directory never appeared");
      Thread.sleep(20);
    }
    assertTrue(killed.isAlive(), "the job ended before it could be killed: " + read(cwd.resolve("job.err")));
    killed.destroyForcibly();
    assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, killed.exitValue(), "killed by SIGKILL");
  }

  private static List<String> entries(Path directory, java.util.function.Predicate<String> filter) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.map(path -> path.getFileName().toString()).filter(filter).sorted().collect(Collectors.toList());
    }
  }

  private static Process start(Path cwd, String... jobArgs) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(HadoopLauncherIT.ROOT.resolve("bin/hadoop").toString(), "jar",
        HadoopLauncherIT.ROOT.resolve(HadoopLauncherIT.JAR).toString()));
    command.addAll(List.of(jobArgs));
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().remove("HADOOP_CONF_DIR");
    // No class-sharing archive: the launcher then execs java, so the process killed is the job's JVM itself.
    builder.environment().put("HK_CDS", "off");
    builder.redirectOutput(cwd.resolve("job.out").toFile()).redirectError(cwd.resolve("job.err").toFile());
    return builder.start();
  }

  private static int finish(Process process) throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("job timed out");
    }
    return process.exitValue();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
