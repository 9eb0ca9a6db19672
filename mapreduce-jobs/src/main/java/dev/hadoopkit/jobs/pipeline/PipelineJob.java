package dev.hadoopkit.jobs.pipeline;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.tool.ConsoleTool;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.cli.JobCommand;
import dev.hadoopkit.jobs.cli.NumberOptions;
import dev.hadoopkit.jobs.generate.GenerateJob;
import dev.hadoopkit.jobs.movies.BadMoviesJob;
import dev.hadoopkit.jobs.movies.LowestRatedJob;
import dev.hadoopkit.jobs.movies.MostPopularJob;
import dev.hadoopkit.jobs.movies.MovieStatsJob;
import dev.hadoopkit.jobs.movies.OldestFiveStarJob;
import dev.hadoopkit.jobs.output.OutputFiles;
import dev.hadoopkit.jobs.output.TablePrinter;
import dev.hadoopkit.jobs.ratings.RatingsBreakdownJob;
import dev.hadoopkit.jobs.ratings.RatingsPerUserJob;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;

/**
 * The MovieLens pipeline end to end: generated (or given) ratings and movies, every job one after another,
 * and the answers printed as tables.
 */
public class PipelineJob extends ConsoleTool {

  public static final String DESCRIPTION = "Run every MovieLens job on given or generated data and print the answers as tables.";

  private static final int ROWS_SHOWN = 10;

  public PipelineJob() {
    this(System.out, System.err);
  }

  public PipelineJob(PrintStream out, PrintStream err) {
    super(out, err);
  }

  public static void main(String[] args) throws Exception {
    exit(new PipelineJob(), args);
  }

  @Override
  protected Options options() {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("ratings").hasArg().argName("path").desc("ratings file or directory (default: generated)").build());
    options.addOption(Option.builder().longOpt("movies").hasArg().argName("path").desc("movies file or directory (with --ratings)").build());
    options.addOption(NumberOptions.wholeNumber("generate").desc("ratings to generate when no --ratings (default 100000)").build());
    options.addOption(Option.builder().longOpt("overwrite").desc("replace results left in <work-dir> by an earlier run").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  @Override
  protected Help help() {
    return new Help(100, "hadoop jar movielens-jobs.jar pipeline [options] <work-dir>",
        DESCRIPTION + "\n\nEach job writes <work-dir>/<job>; generated data goes to <work-dir>/input.\n\nOptions:",
        "\nExamples:\n  hadoop jar movielens-jobs.jar pipeline /tmp/movielens\n"
            + "  hadoop jar movielens-jobs.jar pipeline --ratings ml-100k/u.data --movies ml-100k/u.item /tmp/movielens\n", false);
  }

  @Override
  protected int run(CommandLine command) throws Exception {
    if (command.getArgList().size() != 1) {
      return usage("Expected exactly one work directory, got " + command.getArgList().size() + " arguments");
    }
    if (command.hasOption("ratings") != command.hasOption("movies")) {
      return usage("Give --ratings and --movies together, or neither to generate data");
    }
    Path work = new Path(command.getArgList().get(0));
    FileSystem fs = work.getFileSystem(getConf());
    work = fs.makeQualified(work);
    boolean overwrite = command.hasOption("overwrite");
    if (fs.exists(work) && !overwrite) {
      return usage("Work directory " + work + " already exists. Remove it, choose another, or pass --overwrite.");
    }

    String ratings = command.getOptionValue("ratings");
    String movies = command.getOptionValue("movies");
    if (ratings == null) {
      long count;
      try {
        count = NumberOptions.value(command, "generate", 100_000L);
      } catch (UsageException e) {
        return usage(e.getMessage());
      }
      Path input = new Path(work, "input");
      MovieLensGenerator generator = MovieLensGenerator.builder().ratings(count).seed(42).build();
      fs.delete(input, true);
      GenerateJob.write(generator, 1, fs, input);
      ratings = new Path(input, generator.ratingsFileName()).toString();
      movies = new Path(input, generator.moviesFileName()).toString();
      err.printf(Locale.ROOT, "pipeline: generated %,d ratings of %,d movies in %s%n", count, generator.movies(), input);
    }

    List<Step> steps = List.of(
        new Step(new RatingsBreakdownJob(), "How ratings are spread", false),
        new Step(new RatingsPerUserJob(), "Ratings per user", false),
        new Step(new MovieStatsJob(), "Movie statistics", true),
        new Step(new MostPopularJob(), "Most popular movies", true),
        new Step(new LowestRatedJob(), "Lowest rated movies (more than 10 ratings)", true),
        new Step(new BadMoviesJob(), "Bad movies (average below 2)", true),
        new Step(new OldestFiveStarJob(), "Oldest five-star movies (average above 4)", true));
    long started = System.nanoTime();
    for (Step step : steps) {
      List<String> jobArgs = new ArrayList<>();
      if (step.withMovies) {
        jobArgs.add("--movies");
        jobArgs.add(movies);
      }
      if (overwrite) {
        jobArgs.add("--overwrite");
      }
      jobArgs.add(ratings);
      jobArgs.add(new Path(work, step.job.name()).toString());
      int code = ToolRunner.run(getConf(), step.job, jobArgs.toArray(String[]::new));
      if (code != 0) {
        err.println("pipeline: stopped: " + step.job.name() + " exited with " + code);
        return code;
      }
    }
    for (Step step : steps) {
      out.println();
      out.println("== " + step.title + " (" + step.job.name() + ")");
      TablePrinter.print(out, step.job.columns(), OutputFiles.readRows(getConf(), step.job.lastOutput()), ROWS_SHOWN);
    }
    out.println();
    err.printf(Locale.ROOT, "pipeline: %d jobs done in %.1f s; results in %s%n", steps.size(), (System.nanoTime() - started) / 1e9, work);
    return 0;
  }

  @Override
  protected String toolName() {
    return "pipeline";
  }

  @Override
  protected String usageLine() {
    return "hadoop jar movielens-jobs.jar pipeline [options] <work-dir>";
  }


  private record Step(JobCommand job, String title, boolean withMovies) {
  }
}
