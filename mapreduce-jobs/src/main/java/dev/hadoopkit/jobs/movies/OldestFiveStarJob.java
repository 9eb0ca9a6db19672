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

/** Highly rated movies, oldest release first: {@code movieId, title, releaseDate, avg, count}. */
public class OldestFiveStarJob extends MovieJob {

  static final String ABOVE_KEY = "hadoopkit.oldest-five-star.above";
  static final double DEFAULT_ABOVE = 4.0;

  /** Movies left out because the movies file gives no release date. */
  public enum Counter { MOVIES_WITHOUT_RELEASE_DATE }

  public OldestFiveStarJob() {
    super(new JobSpec("oldest-five-star",
        "Movies whose average rating is above --above, oldest release first (movieId, title, releaseDate, avg, count).",
        List.of("movieId", "title", "releaseDate", "avg", "count"), MoviesOption.REQUIRED,
        "Order: release date ascending (yyyy-MM-dd), then movie id. Movies without a release date in the movies\n"
            + "file are left out and counted. movies.csv and movies.dat carry only a year: it counts as 1 January.\n"
            + "Example: hadoop jar movielens-jobs.jar oldest-five-star --movies ml-100k/u.item ml-100k/u.data out/oldest\n"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new OldestFiveStarJob(), args));
  }

  @Override
  protected void addOptions(Options options) {
    options.addOption(NumberOptions.decimal("above").argName("stars")
        .desc("keep movies whose average is strictly above this (default " + DEFAULT_ABOVE + ")").build());
  }

  @Override
  protected void configure(Configuration conf, CommandLine command) throws UsageException {
    conf.setDouble(ABOVE_KEY, doubleOption(command, "above", DEFAULT_ABOVE));
  }

  @Override
  protected Class<? extends MovieResultReducer> reducer() {
    return OldestFiveStarReducer.class;
  }

  /** Keeps the movies above the threshold that have a release date; writes them oldest first at the end. */
  public static class OldestFiveStarReducer extends MovieResultReducer {
    private final List<MovieStat> kept = new ArrayList<>();
    private double above;

    @Override
    protected void setup(Context context) {
      above = context.getConfiguration().getDouble(ABOVE_KEY, DEFAULT_ABOVE);
    }

    @Override
    protected void accept(MovieStat stat, Context context) {
      if (stat.average() > above) {
        if (stat.releaseDate() == null) {
          context.getCounter(Counter.MOVIES_WITHOUT_RELEASE_DATE).increment(1);
        } else {
          kept.add(stat);
        }
      }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      kept.sort(MovieStat.BY_RELEASE);
      for (MovieStat stat : kept) {
        write(context, stat.movieId(), stat.title(), stat.releaseDate(), stat.averageText(), stat.count());
      }
    }
  }
}
