package dev.hadoopkit.jobs.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.formats.movielens.Rating;
import dev.hadoopkit.jobs.input.RatingBatch;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.reduce.LongSumReducer;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.MapReduceDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

/** MRUnit tests of ratings-breakdown and ratings-per-user. */
class RatingsJobsMapReduceTest {

  @Test
  void starMapperEmitsOneCountPerStarValue() throws Exception {
    MapDriver<NullWritable, RatingBatch, DoubleWritable, LongWritable> driver = MapDriver.newMapDriver(new RatingsBreakdownJob.StarMapper());
    for (double stars : new double[] {4, 4, 3.5, 1, 4}) {
      driver.withInput(NullWritable.get(), rating(1, 1, stars));
    }
    List<Pair<DoubleWritable, LongWritable>> output = driver.run();
    output.sort(Comparator.comparingDouble(pair -> pair.getFirst().get()));
    assertEquals(List.of(new Pair<>(new DoubleWritable(1), new LongWritable(1)), new Pair<>(new DoubleWritable(3.5), new LongWritable(1)),
        new Pair<>(new DoubleWritable(4), new LongWritable(3))), output);
  }

  @Test
  void breakdownEndToEndPrintsWholeAndHalfStars() throws Exception {
    MapReduceDriver.newMapReduceDriver(new RatingsBreakdownJob.StarMapper(), new RatingsBreakdownJob.StarCountReducer(), new LongSumReducer<DoubleWritable>())
        .withInput(NullWritable.get(), rating(1, 1, 4.5))
        .withInput(NullWritable.get(), rating(1, 2, 3))
        .withInput(NullWritable.get(), rating(2, 1, 4.5))
        .withOutput(new Text("3\t1"), NullWritable.get())
        .withOutput(new Text("4.5\t2"), NullWritable.get())
        .runTest();
  }

  @Test
  void userCountMapperCombinesInMemory() throws Exception {
    MapDriver<NullWritable, RatingBatch, IntWritable, LongWritable> driver = MapDriver.newMapDriver(new RatingsPerUserJob.UserCountMapper());
    driver.withInput(NullWritable.get(), rating(7, 1, 4))
        .withInput(NullWritable.get(), rating(7, 2, 4))
        .withInput(NullWritable.get(), rating(7, 3, 4));
    assertEquals(List.of(new Pair<>(new IntWritable(7), new LongWritable(3))), driver.run());
  }

  @Test
  void userCountReducerSumsPartialCounts() throws Exception {
    ReduceDriver.newReduceDriver(new RatingsPerUserJob.UserCountReducer())
        .withInput(new IntWritable(42), List.of(new LongWritable(3), new LongWritable(4)))
        .withOutput(new Text("42\t7"), NullWritable.get())
        .runTest();
  }

  private static RatingBatch rating(int user, int movie, double stars) {
    return RatingBatch.of(new Rating(user, movie, stars, 0));
  }
}
