package dev.hadoopkit.jobs.movies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.formats.movielens.Rating;
import dev.hadoopkit.jobs.input.MovieCatalogLoader;
import dev.hadoopkit.jobs.input.RatingBatch;
import dev.hadoopkit.jobs.input.RatingsCounter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MRUnit tests of the movie jobs' mapper, combiner and reducers. */
class MovieJobsMapReduceTest {

  @TempDir
  Path temp;

  @Test
  void mapperSumsPerMovieAndJoinsTitlesFromTheCache() throws Exception {
    Path movies = temp.resolve("u.item");
    Files.writeString(movies, "1|Toy Story (1995)|01-Jan-1995||x\n2|GoldenEye (1995)|01-Jan-1995||x\n", StandardCharsets.ISO_8859_1);
    MapDriver<NullWritable, RatingBatch, IntWritable, MovieAggregateWritable> driver = MapDriver.newMapDriver(new MovieAggregateMapper());
    // What MovieCatalogLoader.addToCache records for a local job (a cluster job also links the file as hk-movies-0).
    driver.getConfiguration().setInt(MovieCatalogLoader.FILE_COUNT_KEY, 1);
    driver.getConfiguration().set(MovieCatalogLoader.FILE_KEY_PREFIX + 0, movies.toUri().toString());
    driver.withInput(NullWritable.get(), rating(10, 1, 5))
        .withInput(NullWritable.get(), rating(11, 2, 2))
        .withInput(NullWritable.get(), rating(12, 1, 3))
        .withInput(NullWritable.get(), rating(12, 3, 4));

    List<Pair<IntWritable, MovieAggregateWritable>> output = driver.run();
    output.sort(Comparator.comparingInt(pair -> pair.getFirst().get()));

    assertEquals(3, output.size(), "one record per movie, not per rating");
    assertEquals(new MovieAggregateWritable(8, 2, "Toy Story (1995)", LocalDate.of(1995, 1, 1)), output.get(0).getSecond());
    assertEquals(new MovieAggregateWritable(2, 1, "GoldenEye (1995)", LocalDate.of(1995, 1, 1)), output.get(1).getSecond());
    assertEquals(new MovieAggregateWritable(4, 1, "", null), output.get(2).getSecond());
    assertEquals(1, driver.getCounters().findCounter(RatingsCounter.RATINGS_OF_UNKNOWN_MOVIES).getValue());
  }

  @Test
  void mapperWithoutMoviesLeavesTitlesEmptyAndCountsNothingUnknown() throws Exception {
    MapDriver<NullWritable, RatingBatch, IntWritable, MovieAggregateWritable> driver = MapDriver.newMapDriver(new MovieAggregateMapper());
    driver.withInput(NullWritable.get(), rating(1, 7, 4))
        .withOutput(new IntWritable(7), new MovieAggregateWritable(4, 1, "", null))
        .runTest();
    assertEquals(0, driver.getCounters().findCounter(RatingsCounter.RATINGS_OF_UNKNOWN_MOVIES).getValue());
  }

  @Test
  void combinerAddsSumsAndCountsAndKeepsTitle() throws Exception {
    ReduceDriver.newReduceDriver(new MovieAggregateCombiner())
        .withInput(new IntWritable(5), List.of(new MovieAggregateWritable(9, 2, "Heat (1995)", LocalDate.of(1995, 12, 15)),
            new MovieAggregateWritable(1, 1, "Heat (1995)", LocalDate.of(1995, 12, 15))))
        .withOutput(new IntWritable(5), new MovieAggregateWritable(10, 3, "Heat (1995)", LocalDate.of(1995, 12, 15)))
        .runTest();
  }

  @Test
  void movieStatsReducerWritesCountAndAverageWithFourDecimals() throws Exception {
    ReduceDriver.newReduceDriver(new MovieStatsJob.StatsReducer())
        .withInput(new IntWritable(5), List.of(new MovieAggregateWritable(10, 3, "Heat (1995)", null)))
        .withOutput(new Text("5\tHeat (1995)\t3\t3.3333"), NullWritable.get())
        .runTest();
  }

  @Test
  void lowestRatedReducerKeepsMoviesWithMoreThanMinRatingsInAverageOrder() throws Exception {
    ReduceDriver<IntWritable, MovieAggregateWritable, Text, NullWritable> driver = ReduceDriver.newReduceDriver(new LowestRatedJob.LowestRatedReducer());
    driver.getConfiguration().setInt(LowestRatedJob.MIN_RATINGS_KEY, 2);
    driver.getConfiguration().setInt(LowestRatedJob.LIMIT_KEY, 3);
    driver.withInput(new IntWritable(1), List.of(new MovieAggregateWritable(6, 3, "a", null)))    // 2.0, 3 ratings
        .withInput(new IntWritable(2), List.of(new MovieAggregateWritable(2, 2, "b", null)))      // 1.0 but only 2 ratings
        .withInput(new IntWritable(3), List.of(new MovieAggregateWritable(8, 4, "c", null)))      // 2.0, 4 ratings: before 1
        .withInput(new IntWritable(4), List.of(new MovieAggregateWritable(15, 3, "d", null)))     // 5.0
        .withInput(new IntWritable(5), List.of(new MovieAggregateWritable(9, 3, "e", null)))      // 3.0
        .withOutput(new Text("3\tc\t2.0000\t4"), NullWritable.get())
        .withOutput(new Text("1\ta\t2.0000\t3"), NullWritable.get())
        .withOutput(new Text("5\te\t3.0000\t3"), NullWritable.get())
        .runTest();
  }

  @Test
  void badMoviesReducerOrdersByCountThenId() throws Exception {
    ReduceDriver<IntWritable, MovieAggregateWritable, Text, NullWritable> driver = ReduceDriver.newReduceDriver(new BadMoviesJob.BadMoviesReducer());
    driver.getConfiguration().setDouble(BadMoviesJob.BELOW_KEY, 2.0);
    driver.withInput(new IntWritable(1), List.of(new MovieAggregateWritable(3, 2, "a", null)))    // 1.5
        .withInput(new IntWritable(2), List.of(new MovieAggregateWritable(4, 2, "b", null)))      // 2.0: not below
        .withInput(new IntWritable(3), List.of(new MovieAggregateWritable(5, 4, "c", null)))      // 1.25
        .withInput(new IntWritable(4), List.of(new MovieAggregateWritable(2, 2, "d", null)))      // 1.0
        .withOutput(new Text("3\tc\t1.2500\t4"), NullWritable.get())
        .withOutput(new Text("1\ta\t1.5000\t2"), NullWritable.get())
        .withOutput(new Text("4\td\t1.0000\t2"), NullWritable.get())
        .runTest();
  }

  @Test
  void mostPopularReducerKeepsTheTopByCount() throws Exception {
    ReduceDriver<IntWritable, MovieAggregateWritable, Text, NullWritable> driver = ReduceDriver.newReduceDriver(new MostPopularJob.MostPopularReducer());
    driver.getConfiguration().setInt(MostPopularJob.LIMIT_KEY, 2);
    driver.withInput(new IntWritable(1), List.of(new MovieAggregateWritable(10, 5, "a", null)))
        .withInput(new IntWritable(2), List.of(new MovieAggregateWritable(10, 9, "b", null)))
        .withInput(new IntWritable(3), List.of(new MovieAggregateWritable(10, 5, "c", null)))
        .withOutput(new Text("2\tb\t9"), NullWritable.get())
        .withOutput(new Text("1\ta\t5"), NullWritable.get())
        .runTest();
  }

  @Test
  void oldestFiveStarReducerOrdersByReleaseAndSkipsMoviesWithoutDate() throws Exception {
    ReduceDriver<IntWritable, MovieAggregateWritable, Text, NullWritable> driver = ReduceDriver.newReduceDriver(new OldestFiveStarJob.OldestFiveStarReducer());
    driver.withInput(new IntWritable(1), List.of(new MovieAggregateWritable(9, 2, "a", LocalDate.of(1990, 5, 1))))
        .withInput(new IntWritable(2), List.of(new MovieAggregateWritable(10, 2, "b", null)))
        .withInput(new IntWritable(3), List.of(new MovieAggregateWritable(14, 3, "c", LocalDate.of(1931, 2, 3))))
        .withInput(new IntWritable(4), List.of(new MovieAggregateWritable(8, 2, "d", LocalDate.of(1920, 1, 1))))  // 4.0: not above
        .withOutput(new Text("3\tc\t1931-02-03\t4.6667\t3"), NullWritable.get())
        .withOutput(new Text("1\ta\t1990-05-01\t4.5000\t2"), NullWritable.get())
        .runTest();
    assertEquals(1, driver.getCounters().findCounter(OldestFiveStarJob.Counter.MOVIES_WITHOUT_RELEASE_DATE).getValue());
  }

  private static RatingBatch rating(int user, int movie, double stars) {
    return RatingBatch.of(new Rating(user, movie, stars, 881250949L));
  }
}
