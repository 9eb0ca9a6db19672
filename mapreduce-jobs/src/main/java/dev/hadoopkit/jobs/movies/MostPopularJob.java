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

/** The most rated movies: {@code movieId, title, count}. */
public class MostPopularJob extends MovieJob {

  static final String LIMIT_KEY = "hadoopkit.most-popular.limit";
  static final int DEFAULT_LIMIT = 10;

  public MostPopularJob() {
    super(new JobSpec("most-popular",
        "The movies with the most ratings (movieId, title, count).",
        List.of("movieId", "title", "count"), MoviesOption.OPTIONAL,
        "Order: count descending, then movie id.\n"
            + "Example: hadoop jar movielens-jobs.jar most-popular --movies ml-100k/u.item --limit 20 ml-100k/u.data out/popular\n"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new MostPopularJob(), args));
  }

  @Override
  protected void addOptions(Options options) {
    options.addOption(NumberOptions.integer("limit")
        .desc("how many movies to list (default " + DEFAULT_LIMIT + ")").build());
  }

  @Override
  protected void configure(Configuration conf, CommandLine command) throws UsageException {
    conf.setInt(LIMIT_KEY, intOption(command, "limit", DEFAULT_LIMIT, 1));
  }

  @Override
  protected Class<? extends MovieResultReducer> reducer() {
    return MostPopularReducer.class;
  }

  /** Keeps the most rated movies seen so far; writes them in order at the end. */
  public static class MostPopularReducer extends MovieResultReducer {
    private TopMovies popular;

    @Override
    protected void setup(Context context) {
      popular = new TopMovies(MovieStat.BY_POPULARITY, context.getConfiguration().getInt(LIMIT_KEY, DEFAULT_LIMIT));
    }

    @Override
    protected void accept(MovieStat stat, Context context) {
      popular.offer(stat);
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      for (MovieStat stat : popular.inOrder()) {
        write(context, stat.movieId(), stat.title(), stat.count());
      }
    }
  }
}
