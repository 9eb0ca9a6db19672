package dev.hadoopkit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.movielens.RatingFormat;
import dev.hadoopkit.jobs.cli.JobCommand;
import dev.hadoopkit.jobs.movies.BadMoviesJob;
import dev.hadoopkit.jobs.movies.LowestRatedJob;
import dev.hadoopkit.jobs.movies.MostPopularJob;
import dev.hadoopkit.jobs.movies.MovieStatsJob;
import dev.hadoopkit.jobs.movies.OldestFiveStarJob;
import dev.hadoopkit.jobs.ratings.RatingsBreakdownJob;
import dev.hadoopkit.jobs.ratings.RatingsPerUserJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every job through Hadoop's LocalJobRunner on generated data (two part files, three malformed lines),
 * compared line by line with {@link MovieLensOracle}.
 */
class MovieLensJobsIT {

  @TempDir
  static Path data;

  static Path ratings;
  static Path movies;
  static MovieLensOracle oracle;
  /** Line numbers (1-based) of the malformed lines written into part-00001. */
  static final List<Integer> MALFORMED_LINES = List.of(5, 900, 4000);

  @TempDir
  Path work;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void generate() throws IOException {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(40_000).users(300).movies(400).seed(11).build();
    ratings = Files.createDirectories(data.resolve("ratings"));
    try (OutputStream part = Files.newOutputStream(ratings.resolve("part-00000"))) {
      generator.writeRatings(part, 0, 2);
    }
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    generator.writeRatings(second, 1, 2);
    List<String> lines = new ArrayList<>(List.of(second.toString(StandardCharsets.US_ASCII).split("\n")));
    lines.add(MALFORMED_LINES.get(0) - 1, "17\t42\tfour\t881250949");
    lines.add(MALFORMED_LINES.get(1) - 1, "17\t42\t4");
    lines.add(MALFORMED_LINES.get(2) - 1, "17,42,9,881250949");
    Files.write(ratings.resolve("part-00001"), lines, StandardCharsets.US_ASCII);
    movies = data.resolve("u.item");
    try (OutputStream file = Files.newOutputStream(movies)) {
      generator.writeMovies(file);
    }
    oracle = new MovieLensOracle(List.of(ratings.resolve("part-00000"), ratings.resolve("part-00001")), movies);
  }

  @Test
  void ratingsBreakdownMatchesOracle() throws Exception {
    assertEquals(0, run(new RatingsBreakdownJob(), ratings.toString(), output()));
    assertEquals(oracle.ratingsBreakdown(), result());
    assertEquals(5, result().size());
  }

  @Test
  void ratingsPerUserMatchesOracle() throws Exception {
    assertEquals(0, run(new RatingsPerUserJob(), ratings.toString(), output()));
    assertEquals(oracle.ratingsPerUser(), result());
  }

  @Test
  void movieStatsMatchesOracle() throws Exception {
    assertEquals(0, run(new MovieStatsJob(), "--movies", movies.toString(), ratings.toString(), output()));
    assertEquals(oracle.movieStats(), result());
  }

  @Test
  void lowestRatedMatchesOracle() throws Exception {
    assertEquals(0, run(new LowestRatedJob(), "--movies", movies.toString(), "--min-ratings", "20", "--limit", "15",
        ratings.toString(), output()));
    assertEquals(oracle.lowestRated(20, 15), result());
    assertEquals(15, result().size());
  }

  @Test
  void lowestRatedDefaultsAreMoreThanTenRatingsAndTenMovies() throws Exception {
    assertEquals(0, run(new LowestRatedJob(), "--movies", movies.toString(), ratings.toString(), output()));
    assertEquals(oracle.lowestRated(10, 10), result());
  }

  @Test
  void badMoviesMatchesOracle() throws Exception {
    assertEquals(0, run(new BadMoviesJob(), "--movies", movies.toString(), "--below", "2.5", ratings.toString(), output()));
    List<String> expected = oracle.badMovies(2.5);
    assertFalse(expected.isEmpty(), "the generated data should have bad movies");
    assertEquals(expected, result());
  }

  @Test
  void mostPopularMatchesOracle() throws Exception {
    assertEquals(0, run(new MostPopularJob(), "--movies", movies.toString(), "--limit", "12", ratings.toString(), output()));
    assertEquals(oracle.mostPopular(12), result());
  }

  @Test
  void oldestFiveStarMatchesOracle() throws Exception {
    assertEquals(0, run(new OldestFiveStarJob(), "--movies", movies.toString(), "--above", "3.8", ratings.toString(), output()));
    List<String> expected = oracle.oldestFiveStar(3.8);
    assertFalse(expected.isEmpty(), "the generated data should have highly rated movies");
    assertEquals(expected, result());
  }

  @Test
  void summaryCountsMalformedLinesAndNamesFileAndLine() throws Exception {
    assertEquals(0, run(new RatingsBreakdownJob(), ratings.toString(), output()));
    String summary = err.toString(StandardCharsets.UTF_8);
    assertTrue(summary.contains("skipped 3 malformed rating lines"), summary);
    for (int line : MALFORMED_LINES) {
      assertTrue(summary.contains("part-00001 line " + line + ": "), () -> "no line " + line + " in: " + summary);
    }
    assertTrue(summary.contains("field 3 (rating) is not a number: unexpected 'f' at column 7"), summary);
  }

  @Test
  void outputHoldsOnlyThePartFileAndSuccessMarker() throws Exception {
    assertEquals(0, run(new RatingsBreakdownJob(), ratings.toString(), output()));
    try (Stream<Path> files = Files.list(work.resolve("out"))) {
      assertEquals(List.of("_SUCCESS", "part-r-00000"),
          files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList());
    }
    try (Stream<Path> siblings = Files.list(work)) {
      assertEquals(List.of("out"), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void strictFailsOnFirstMalformedLineAndLeavesNoOutput() throws Exception {
    assertEquals(1, run(new RatingsBreakdownJob(), "--strict", ratings.resolve("part-00001").toString(), output()));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("malformed rating at file:" + ratings.resolve("part-00001") + " line 5: field 3 (rating)"), message);
    assertFalse(Files.exists(work.resolve("out")));
    try (Stream<Path> siblings = Files.list(work)) {
      assertEquals(0, siblings.count(), "no staging directory may be left behind");
    }
  }

  @Test
  void missingInputIsAUsageError() throws Exception {
    assertEquals(2, run(new RatingsBreakdownJob(), work.resolve("nope").toString(), output()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Input " + work.resolve("nope") + " does not exist."), err.toString());
  }

  @Test
  void existingOutputIsRefusedUnlessOverwrite() throws Exception {
    Files.createDirectories(work.resolve("out"));
    Files.writeString(work.resolve("out/keep.txt"), "earlier results");
    assertEquals(2, run(new RatingsBreakdownJob(), ratings.toString(), output()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("already exists"), err.toString());
    assertTrue(Files.exists(work.resolve("out/keep.txt")), "a refused run must not touch the output");

    assertEquals(0, run(new RatingsBreakdownJob(), "--overwrite", ratings.toString(), output()));
    assertFalse(Files.exists(work.resolve("out/keep.txt")));
    assertEquals(oracle.ratingsBreakdown(), result());
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    assertEquals(2, run(new LowestRatedJob(), "--limit", "ten", ratings.toString(), output()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Invalid --limit 'ten': not a whole number"), err.toString());
    assertEquals(2, run(new LowestRatedJob(), "--no-such-option", ratings.toString(), output()));
    assertEquals(2, run(new LowestRatedJob(), output()));
    assertEquals(2, run(new OldestFiveStarJob(), ratings.toString(), output()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Missing --movies"), err.toString());
  }

  @Test
  void helpDescribesOptionsAndColumns() throws Exception {
    assertEquals(0, run(new LowestRatedJob(), "--help"));
    String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    assertTrue(help.contains("--min-ratings <n>"), help);
    assertTrue(help.contains("columns movieId, title, avg, count"), help);
    assertTrue(help.contains("-libjars"), help);
  }

  @Test
  void printShowsTheResultAsATable() throws Exception {
    assertEquals(0, run(new MostPopularJob(), "--movies", movies.toString(), "--limit", "3", "--print", ratings.toString(), output()));
    String[] table = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(5, table.length);
    assertTrue(table[0].matches("movieId\\s+title\\s+count"), table[0]);
    String first = oracle.mostPopular(1).get(0);
    assertTrue(table[2].trim().startsWith(first.split("\t")[0]), table[2]);
    assertTrue(table[2].trim().endsWith(first.split("\t")[2]), table[2]);
  }

  @Test
  void readsRatingsCsvWithHalfStarsAndHeader() throws Exception {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(5_000).users(50).movies(60).seed(2)
        .format(RatingFormat.CSV).build();
    Path csv = work.resolve("ratings.csv");
    try (OutputStream file = Files.newOutputStream(csv)) {
      generator.writeRatings(file);
    }
    assertEquals(0, run(new RatingsBreakdownJob(), csv.toString(), output()));
    MovieLensOracle csvOracle = new MovieLensOracle(List.of(csv), null);
    assertEquals(csvOracle.ratingsBreakdown(), result());
    assertTrue(result().stream().anyMatch(line -> line.startsWith("4.5\t")), result().toString());
    assertFalse(err.toString(StandardCharsets.UTF_8).contains("malformed"), "the header is not a malformed line: " + err);
  }

  private String output() {
    return work.resolve("out").toString();
  }

  private List<String> result() throws IOException {
    return Files.readAllLines(work.resolve("out/part-r-00000"), StandardCharsets.UTF_8);
  }

  private int run(JobCommand job, String... args) throws Exception {
    out.reset();
    err.reset();
    job.printingTo(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return ToolRunner.run(new Configuration(), job, args);
  }
}
