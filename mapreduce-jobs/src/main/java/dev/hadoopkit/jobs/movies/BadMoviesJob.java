package dev.hadoopkit.jobs.movies;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.cli.JobCommand.MoviesOption;
import dev.hadoopkit.jobs.cli.JobSpec;
import dev.hadoopkit.jobs.cli.NumberOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/** Every movie whose average is below a threshold, most rated first: {@code movieId, title, avg, count}. */
public class BadMoviesJob extends MovieJob {

  static final String BELOW_KEY = "hadoopkit.bad-movies.below";
  static final double DEFAULT_BELOW = 2.0;

  public BadMoviesJob() {
    super(new JobSpec("bad-movies",
        "Movies whose average rating is below --below, most rated first (movieId, title, avg, count).",
        List.of("movieId", "title", "avg", "count"), MoviesOption.OPTIONAL,
        "Order: count descending, then movie id.\n"
            + "Example: hadoop jar movielens-jobs.jar bad-movies --movies ml-100k/u.item --below 1.5 ml-100k/u.data out/bad\n"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new BadMoviesJob(), args));
  }

  @Override
  protected void addOptions(Options options) {
    options.addOption(NumberOptions.decimal("below").argName("stars")
        .desc("keep movies whose average is strictly below this (default " + DEFAULT_BELOW + ")").build());
  }

  @Override
  protected void configure(Configuration conf, CommandLine command) throws UsageException {
    conf.setDouble(BELOW_KEY, doubleOption(command, "below", DEFAULT_BELOW));
  }

  @Override
  protected Class<? extends MovieResultReducer> reducer() {
    return BadMoviesReducer.class;
  }

  /** Keeps the movies below the threshold (a fraction of all movies) and writes them in order at the end. */
  public static class BadMoviesReducer extends MovieResultReducer {
    private final List<MovieStat> bad = new ArrayList<>();
    private double below;

    @Override
    protected void setup(Context context) {
      below = context.getConfiguration().getDouble(BELOW_KEY, DEFAULT_BELOW);
    }

    @Override
    protected void accept(MovieStat stat, Context context) {
      if (stat.average() < below) {
        bad.add(stat);
      }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      bad.sort(MovieStat.BY_POPULARITY);
      for (MovieStat stat : bad) {
        write(context, stat.movieId(), stat.title(), stat.averageText(), stat.count());
      }
    }
  }
}
