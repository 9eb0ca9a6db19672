package dev.hadoopkit.jobs.movies;

import dev.hadoopkit.jobs.cli.JobCommand.MoviesOption;
import dev.hadoopkit.jobs.cli.JobSpec;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.util.ToolRunner;

/** Every movie's rating count and average: {@code movieId, title, count, avg}, by movie id. */
public class MovieStatsJob extends MovieJob {

  public MovieStatsJob() {
    super(new JobSpec("movie-stats",
        "Every movie's number of ratings and average rating (movieId, title, count, avg), by movie id.",
        List.of("movieId", "title", "count", "avg"), MoviesOption.OPTIONAL,
        "Example: hadoop jar movielens-jobs.jar movie-stats --movies ml-100k/u.item ml-100k/u.data out/stats\n"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new MovieStatsJob(), args));
  }

  @Override
  protected Class<? extends MovieResultReducer> reducer() {
    return StatsReducer.class;
  }

  /** Keys arrive in movie id order: each movie is written as it comes. */
  public static class StatsReducer extends MovieResultReducer {
    @Override
    protected void accept(MovieStat stat, Context context) throws IOException, InterruptedException {
      write(context, stat.movieId(), stat.title(), stat.count(), stat.averageText());
    }
  }
}
