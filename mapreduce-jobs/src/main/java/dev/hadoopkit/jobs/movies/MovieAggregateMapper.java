package dev.hadoopkit.jobs.movies;

import dev.hadoopkit.formats.movielens.Movie;
import dev.hadoopkit.formats.movielens.MovieCatalog;
import dev.hadoopkit.jobs.input.MovieCatalogLoader;
import dev.hadoopkit.jobs.input.RatingBatch;
import dev.hadoopkit.jobs.input.RatingsCounter;
import dev.hadoopkit.jobs.runtime.IntAggregates;
import java.io.IOException;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Sums ratings per movie in memory (in-mapper combining) and, when it emits, joins each movie's title and
 * release date from the movies file in the distributed cache: a map-side join that sends one small record per
 * movie and task through the shuffle, never one per rating.
 */
public class MovieAggregateMapper extends Mapper<NullWritable, RatingBatch, IntWritable, MovieAggregateWritable> {

  /** Movies kept in memory before the mapper emits what it has. */
  static final int MAX_MOVIES_IN_MEMORY = 1 << 20;

  private final IntAggregates perMovie = new IntAggregates();
  private MovieCatalog catalog;

  @Override
  protected void setup(Context context) throws IOException {
    catalog = MovieCatalogLoader.fromCache(context);
  }

  @Override
  protected void map(NullWritable key, RatingBatch batch, Context context) throws IOException, InterruptedException {
    for (int i = 0; i < batch.size(); i++) {
      perMovie.add(batch.movieId(i), batch.rating(i));
    }
    if (perMovie.size() >= MAX_MOVIES_IN_MEMORY) {
      flush(context);
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    flush(context);
  }

  private void flush(Context context) throws IOException, InterruptedException {
    IntWritable movieId = new IntWritable();
    MovieAggregateWritable aggregate = new MovieAggregateWritable();
    perMovie.forEach((id, sum, count) -> {
      Movie movie = catalog.find(id).orElse(null);
      if (movie == null && !catalog.isEmpty()) {
        context.getCounter(RatingsCounter.RATINGS_OF_UNKNOWN_MOVIES).increment(count);
      }
      movieId.set(id);
      aggregate.set(sum, count, movie == null ? "" : movie.title(), movie == null ? null : movie.releaseDate());
      context.write(movieId, aggregate);
    });
    perMovie.clear();
  }
}
