package dev.hadoopkit.jobs.movies;

import java.io.IOException;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Reducer;

/** Adds up partial sums and counts of one movie; title and date are the same in every part. */
public class MovieAggregateCombiner extends Reducer<IntWritable, MovieAggregateWritable, IntWritable, MovieAggregateWritable> {

  private final MovieAggregateWritable total = new MovieAggregateWritable();

  @Override
  protected void reduce(IntWritable movieId, Iterable<MovieAggregateWritable> parts, Context context)
      throws IOException, InterruptedException {
    double sum = 0;
    long count = 0;
    String title = "";
    java.time.LocalDate released = null;
    for (MovieAggregateWritable part : parts) {
      sum += part.sum();
      count += part.count();
      title = part.title();
      released = part.releaseDate();
    }
    total.set(sum, count, title, released);
    context.write(movieId, total);
  }
}
