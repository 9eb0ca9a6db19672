package dev.hadoopkit.jobs.movies;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.cli.JobCommand.MoviesOption;
import dev.hadoopkit.jobs.cli.JobSpec;
import dev.hadoopkit.jobs.cli.NumberOptions;
import java.io.IOException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/** The worst-rated movies among those rated often enough: {@code movieId, title, avg, count}. */
public class LowestRatedJob extends MovieJob {

  static final String MIN_RATINGS_KEY = "hadoopkit.lowest-rated.min-ratings";
  static final String LIMIT_KEY = "hadoopkit.lowest-rated.limit";
  static final int DEFAULT_MIN_RATINGS = 10;
  static final int DEFAULT_LIMIT = 10;

  public LowestRatedJob() {
    super(new JobSpec("lowest-rated",
        "The lowest average ratings among movies with more than --min-ratings ratings (movieId, title, avg, count).",
        List.of("movieId", "title", "avg", "count"), MoviesOption.OPTIONAL,
        "Order: average ascending, then count descending, then movie id.\n"
            + "Example: hadoop jar movielens-jobs.jar lowest-rated --movies ml-100k/u.item --min-ratings 20 ml-100k/u.data out/lowest\n"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new LowestRatedJob(), args));
  }

  @Override
  protected void addOptions(Options options) {
    options.addOption(NumberOptions.integer("min-ratings")
        .desc("keep movies with MORE than n ratings (default " + DEFAULT_MIN_RATINGS + ")").build());
    options.addOption(NumberOptions.integer("limit")
        .desc("how many movies to list (default " + DEFAULT_LIMIT + ")").build());
  }

  @Override
  protected void configure(Configuration conf, CommandLine command) throws UsageException {
    conf.setInt(MIN_RATINGS_KEY, intOption(command, "min-ratings", DEFAULT_MIN_RATINGS, 0));
    conf.setInt(LIMIT_KEY, intOption(command, "limit", DEFAULT_LIMIT, 1));
  }

  @Override
  protected Class<? extends MovieResultReducer> reducer() {
    return LowestRatedReducer.class;
  }

  /** Keeps the lowest averages seen so far; writes them in order at the end. */
  public static class LowestRatedReducer extends MovieResultReducer {
    private long minRatings;
    private TopMovies lowest;

    @Override
    protected void setup(Context context) {
      minRatings = context.getConfiguration().getInt(MIN_RATINGS_KEY, DEFAULT_MIN_RATINGS);
      lowest = new TopMovies(MovieStat.BY_AVERAGE, context.getConfiguration().getInt(LIMIT_KEY, DEFAULT_LIMIT));
    }

    @Override
    protected void accept(MovieStat stat, Context context) {
      if (stat.count() > minRatings) {
        lowest.offer(stat);
      }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      for (MovieStat stat : lowest.inOrder()) {
        write(context, stat.movieId(), stat.title(), stat.averageText(), stat.count());
      }
    }
  }
}
