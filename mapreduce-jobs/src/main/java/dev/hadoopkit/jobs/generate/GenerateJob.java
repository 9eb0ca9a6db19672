package dev.hadoopkit.jobs.generate;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.movielens.RatingFormat;
import dev.hadoopkit.formats.tool.ConsoleTool;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.cli.NumberOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes MovieLens-shaped data to any Hadoop filesystem: ratings (one file, or part files written in parallel),
 * the matching movies file, and a users file. Same options and seed, same bytes.
 */
public class GenerateJob extends ConsoleTool {

  public GenerateJob() {
    this(System.out, System.err);
  }

  public GenerateJob(PrintStream out, PrintStream err) {
    super(out, err);
  }

  public static void main(String[] args) throws Exception {
    exit(new GenerateJob(), args);
  }

  public static final String DESCRIPTION = "Generate MovieLens-shaped ratings, movies and users (seeded, Zipf-like popularity).";

  @Override
  protected Help help() {
    return new Help(100, "hadoop jar movielens-jobs.jar generate [options] <output-dir>",
        DESCRIPTION + "\n\nWrites <output-dir>/u.data, u.item, u.user (or ratings.dat/movies.dat, ratings.csv/movies.csv);"
            + " with --parts N > 1 the ratings are <output-dir>/ratings/part-00000 ... \n\nOptions:",
        "\nExample: hadoop jar movielens-jobs.jar generate --ratings 10000000 --parts 4 /data/ml-10m-gen\n", false);
  }

  @Override
  protected int run(CommandLine command) throws Exception {
    if (command.getArgList().size() != 1) {
      return usage("Expected exactly one output directory, got " + command.getArgList().size() + " arguments");
    }
    MovieLensGenerator generator;
    int parts;
    try {
      generator = MovieLensGenerator.builder()
          .ratings(NumberOptions.value(command, "ratings", 100_000L))
          .users(NumberOptions.value(command, "users", 943))
          .movies(NumberOptions.value(command, "movies", 1682))
          .seed(NumberOptions.value(command, "seed", 42L))
          .format(format(command.getOptionValue("format", "u.data")))
          .build();
      parts = NumberOptions.atLeast(command, "parts", 1, 1);
    } catch (UsageException | IllegalArgumentException e) {
      return usage(e.getMessage());
    }

    Configuration conf = getConf();
    Path output = new Path(command.getArgList().get(0));
    FileSystem fs = output.getFileSystem(conf);
    output = fs.makeQualified(output);
    if (fs.exists(output) && !command.hasOption("overwrite")) {
      return usage("Output directory " + output + " already exists. Remove it, choose another, or pass --overwrite.");
    }
    long started = System.nanoTime();
    Path staging = new Path(output.getParent(), "." + output.getName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
    fs.deleteOnExit(staging);
    try {
      write(generator, parts, fs, staging);
      if (fs.exists(output)) {
        fs.delete(output, true);
      }
      if (!fs.rename(staging, output)) {
        throw new IOException("Cannot move " + staging + " to " + output);
      }
    } catch (IOException e) {
      fs.delete(staging, true);
      err.println("generate: error: " + e.getMessage());
      return 1;
    }
    err.printf(Locale.ROOT, "generate: %,d ratings by %,d users of %,d movies written to %s in %.1f s%n",
        generator.ratings(), generator.users(), generator.movies(), output, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  /** Writes into {@code directory}; parts are written in parallel. */
  public static void write(MovieLensGenerator generator, int parts, FileSystem fs, Path directory) throws IOException {
    fs.mkdirs(directory);
    try (OutputStream movies = fs.create(new Path(directory, generator.moviesFileName()))) {
      generator.writeMovies(movies);
    }
    try (OutputStream users = fs.create(new Path(directory, "u.user"))) {
      generator.writeUsers(users);
    }
    if (parts == 1) {
      try (OutputStream ratings = fs.create(new Path(directory, generator.ratingsFileName()))) {
        generator.writeRatings(ratings);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parts, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<?>> written = new ArrayList<>();
      for (int part = 0; part < parts; part++) {
        Path file = new Path(directory, String.format(Locale.ROOT, "ratings/part-%05d", part));
        int index = part;
        written.add(pool.submit(() -> {
          try (OutputStream ratings = fs.create(file)) {
            generator.writeRatings(ratings, index, parts);
          }
          return null;
        }));
      }
      for (Future<?> future : written) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while writing ratings", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static RatingFormat format(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "u.data", "udata", "100k" -> RatingFormat.U_DATA;
      case "dat", "ratings.dat", "1m" -> RatingFormat.DAT;
      case "csv", "ratings.csv", "latest" -> RatingFormat.CSV;
      default -> throw new IllegalArgumentException("Invalid --format '" + name + "': use u.data, dat or csv");
    };
  }

  @Override
  protected Options options() {
    Options options = new Options();
    options.addOption(NumberOptions.wholeNumber("ratings").desc("number of ratings (default 100000)").build());
    options.addOption(NumberOptions.integer("users").desc("number of users (default 943)").build());
    options.addOption(NumberOptions.integer("movies").desc("number of movies (default 1682)").build());
    options.addOption(NumberOptions.wholeNumber("seed").desc("random seed (default 42)").build());
    options.addOption(Option.builder().longOpt("format").hasArg().argName("f")
        .desc("u.data (ml-100k, default), dat (ml-1m) or csv (ml-latest, half stars)").build());
    options.addOption(NumberOptions.integer("parts").desc("ratings part files, written in parallel (default 1)").build());
    options.addOption(Option.builder().longOpt("overwrite").desc("replace the output directory if it exists").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  @Override
  protected String toolName() {
    return "generate";
  }

  @Override
  protected String usageLine() {
    return "hadoop jar movielens-jobs.jar generate [options] <output-dir>";
  }

}
