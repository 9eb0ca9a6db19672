package dev.hadoopkit.jobs.cli;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.movielens.MovieCatalog;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.input.AnyFormatRatingsInputFormat;
import dev.hadoopkit.jobs.input.DamagedInputException;
import dev.hadoopkit.jobs.input.MalformedRecordLog;
import dev.hadoopkit.jobs.input.MovieCatalogLoader;
import dev.hadoopkit.jobs.input.RatingsCounter;
import dev.hadoopkit.jobs.input.RatingsInputFormat;
import dev.hadoopkit.jobs.output.OutputFiles;
import dev.hadoopkit.jobs.output.OutputFormatOption;
import dev.hadoopkit.jobs.output.StagingLeftovers;
import dev.hadoopkit.jobs.output.TablePrinter;
import dev.hadoopkit.jobs.runtime.JobReport;
import dev.hadoopkit.jobs.runtime.LocalMode;
import dev.hadoopkit.jobs.runtime.QuietLocalRunner;
import dev.hadoopkit.jobs.runtime.TaskFailureLog;
import dev.hadoopkit.jobs.runtime.TaskTimes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.util.Tool;

/**
 * What every MovieLens job shares: the command line ({@code [job options] <ratings>... <output>}), checks made
 * before anything runs, a staging output directory renamed into place only on success, the summary with
 * malformed lines, and exit codes: 0 success, 1 failure, 2 usage error.
 *
 * <p>Subclasses say what the job is ({@link JobSpec}: name, description, output columns, movies file, help) and what
 * it computes ({@link #configure}).
 */
public abstract class JobCommand extends Configured implements Tool {

  /** Whether a job reads the movies file. */
  public enum MoviesOption { NONE, OPTIONAL, REQUIRED }

  private static final int EXIT_FAILURE = 1;
  private static final int EXIT_USAGE = 2;

  private final JobSpec spec;
  private PrintStream out = System.out;
  private PrintStream err = System.err;
  private Path lastOutput;

  protected JobCommand(JobSpec spec) {
    this.spec = spec;
  }

  /** Sends the results table and help to {@code out}, the summary and errors to {@code err}. */
  public JobCommand printingTo(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
    return this;
  }

  /** The name the driver registers the job under, e.g. {@code lowest-rated}. */
  public final String name() {
    return spec.name();
  }

  /** One line for the driver's job list. */
  public final String description() {
    return spec.description();
  }

  /** Names of the output columns, in order. */
  public final List<String> columns() {
    return spec.columns();
  }

  private MoviesOption moviesOption() {
    return spec.movies();
  }

  /** Job-specific options; the common ones are added by this class. */
  protected void addOptions(Options options) {
  }

  /** Sets mapper, combiner, reducer and map output types, reading the job's options. */
  protected abstract void configure(Job job, CommandLine command) throws UsageException;

  /** The output directory of the last successful run; for callers that go on to read it. */
  public Path lastOutput() {
    return lastOutput;
  }

  @Override
  public final int run(String[] args) {
    Options options = options();
    CommandLine command;
    try {
      command = new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      return usageError(e.getMessage());
    }
    if (command.hasOption("help")) {
      printHelp(options);
      return 0;
    }
    try {
      return execute(command);
    } catch (UsageException e) {
      return usageError(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(name() + ": interrupted");
      return EXIT_FAILURE;
    } catch (Exception e) {
      err.println(name() + ": error: " + describe(e));
      if (command.hasOption("verbose")) {
        e.printStackTrace(err);
      }
      return EXIT_FAILURE;
    }
  }

  private int execute(CommandLine command) throws Exception {
    List<String> arguments = command.getArgList();
    if (arguments.size() < 2) {
      throw new UsageException("Expected one or more ratings inputs and an output directory, got "
          + (arguments.isEmpty() ? "none" : "only " + arguments.get(0)));
    }
    Configuration conf = new Configuration(getConf());
    LocalMode.tune(conf);
    boolean strict = command.hasOption("strict");
    boolean overwrite = command.hasOption("overwrite");

    List<Path> inputs = new ArrayList<>();
    for (String argument : arguments.subList(0, arguments.size() - 1)) {
      inputs.add(checkInput(conf, new Path(argument)));
    }
    Path output = new Path(arguments.get(arguments.size() - 1));
    FileSystem outputFs = output.getFileSystem(conf);
    output = outputFs.makeQualified(output);
    checkOutput(outputFs, output, inputs, overwrite);

    String host = StagingLeftovers.localHost();
    List<String> removed = StagingLeftovers.removeAbandoned(outputFs, output, host);
    if (!removed.isEmpty()) {
      err.println(name() + ": removed " + (removed.size() == 1 ? "the leftover" : removed.size() + " leftovers")
          + " of a killed run of " + output + ": " + String.join(", ", removed));
    }
    Path staging = new Path(output.getParent(), "." + output.getName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
    Path marker = StagingLeftovers.marker(staging);
    Path malformedDirectory = new Path(staging, "_malformed");
    conf.set(MalformedRecordLog.DIRECTORY_KEY, malformedDirectory.toString());
    Path failureDirectory = new Path(staging, "_failure");
    conf.set(TaskFailureLog.DIRECTORY_KEY, failureDirectory.toString());
    conf.setBoolean(RatingsInputFormat.STRICT_KEY, strict);
    Path taskTimes = new Path(staging, "_tasks");
    if (conf.get(JobReport.FILE_KEY) != null) {
      conf.set(TaskTimes.DIRECTORY_KEY, taskTimes.toString());
    }
    if (strict) {
      // A malformed line fails every attempt alike: say so once, now.
      conf.setInt("mapreduce.map.maxattempts", 1);
    }

    Job job = Job.getInstance(conf, "movielens " + name());
    if (LocalMode.needsJobJar(conf)) {
      job.setJarByClass(getClass());
    }
    job.setInputFormatClass(AnyFormatRatingsInputFormat.class);
    for (Path input : inputs) {
      FileInputFormat.addInputPath(job, input);
    }
    job.setOutputFormatClass(TextOutputFormat.class);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(NullWritable.class);
    FileOutputFormat.setOutputPath(job, staging);
    OutputFormatOption.configure(job, command, columns());
    // One reducer: its input is already aggregated per movie/user by the mappers, at most a few hundred
    // thousand records, and one reducer is what makes the single output file globally ordered.
    job.setNumReduceTasks(1);

    MovieCatalog catalog = addMovies(job, command, strict);
    configure(job, command);

    outputFs.deleteOnExit(staging);
    outputFs.deleteOnExit(marker);
    StagingLeftovers.claim(outputFs, staging, StagingLeftovers.Owner.current(host));
    boolean verbose = command.hasOption("verbose");
    long started = System.nanoTime();
    boolean succeeded;
    try (QuietLocalRunner quiet = verbose ? null : QuietLocalRunner.quiet()) {
      succeeded = job.waitForCompletion(verbose);
    } catch (IOException e) {
      // Not started (a truncated input fails the split computation): the job has no state or id to report.
      outputFs.delete(staging, true);
      outputFs.delete(marker, false);
      err.println(name() + ": error: " + (e instanceof CorruptFileException ? DamagedInputException.withFix(describe(e)) : describe(e)));
      if (verbose) {
        e.printStackTrace(err);
      }
      return EXIT_FAILURE;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<MalformedRecordLog.Entry> malformed = MalformedRecordLog.read(conf, malformedDirectory);
    if (!succeeded) {
      java.util.Optional<TaskFailureLog.Failure> failure = TaskFailureLog.first(conf, failureDirectory);
      outputFs.delete(staging, true);
      outputFs.delete(marker, false);
      if (strict && !malformed.isEmpty()) {
        err.println(name() + ": error: malformed rating at " + malformed.get(0)
            + ". Fix or remove the line, or run without --strict to skip malformed lines.");
      } else if (failure.isPresent()) {
        err.println(name() + ": error: " + failure.get().message());
        if (verbose) {
          err.print(failure.get().detail());
        }
      } else {
        err.println(name() + ": error: job " + job.getJobID() + " failed: " + failureInfo(job));
      }
      return EXIT_FAILURE;
    }
    if (conf.get(JobReport.FILE_KEY) != null) {
      JobReport.of(job, seconds, TaskTimes.mapPhaseSeconds(conf, taskTimes).orElse(-1)).write(conf, new Path(conf.get(JobReport.FILE_KEY)));
    }
    outputFs.delete(taskTimes, true);
    outputFs.delete(malformedDirectory, true);
    // A task attempt that failed and was retried with success may have left its note: not part of the output.
    outputFs.delete(failureDirectory, true);
    commit(outputFs, staging, output);
    outputFs.delete(marker, false);
    lastOutput = output;
    summarize(job, output, seconds, malformed, catalog);
    if (command.hasOption("print")) {
      TablePrinter.print(out, columns(), OutputFiles.readRows(conf, output), Integer.MAX_VALUE);
    }
    return 0;
  }

  private Options options() {
    Options options = new Options();
    if (moviesOption() != MoviesOption.NONE) {
      options.addOption(Option.builder().longOpt("movies").hasArg().argName("path")
          .desc("movies file or directory (u.item, movies.dat or movies.csv)"
              + (moviesOption() == MoviesOption.REQUIRED ? "; required" : "; titles are empty without it"))
          .build());
    }
    addOptions(options);
    OutputFormatOption.addTo(options);
    options.addOption(Option.builder().longOpt("strict").desc("fail on the first malformed line instead of skipping it").build());
    options.addOption(Option.builder().longOpt("overwrite").desc("replace the output directory if it exists").build());
    options.addOption(Option.builder().longOpt("print").desc("print the result as a table when the job is done").build());
    options.addOption(Option.builder().longOpt("verbose").desc("show Hadoop's progress and counters, and stack traces").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  private Path checkInput(Configuration conf, Path input) throws IOException, UsageException {
    FileSystem fs = input.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(input);
    if (matches == null || matches.length == 0) {
      throw new UsageException("Input " + input + " does not exist.");
    }
    return fs.makeQualified(input);
  }

  private static void checkOutput(FileSystem fs, Path output, List<Path> inputs, boolean overwrite)
      throws IOException, UsageException {
    for (Path input : inputs) {
      String in = input.toString() + "/";
      String target = output.toString() + "/";
      if (in.startsWith(target) || target.startsWith(in)) {
        throw new UsageException("Output " + output + " overlaps input " + input + ". Choose an output directory outside the inputs.");
      }
    }
    if (fs.exists(output) && !overwrite) {
      throw new UsageException("Output directory " + output + " already exists. Remove it, choose another, or pass --overwrite.");
    }
  }

  private MovieCatalog addMovies(Job job, CommandLine command, boolean strict) throws IOException, UsageException {
    if (moviesOption() == MoviesOption.NONE) {
      return null;
    }
    if (!command.hasOption("movies")) {
      if (moviesOption() == MoviesOption.REQUIRED) {
        throw new UsageException("Missing --movies: " + name() + " needs the movies file (u.item, movies.dat or movies.csv).");
      }
      return null;
    }
    Configuration conf = job.getConfiguration();
    List<Path> files = MovieCatalogLoader.files(conf, new Path(command.getOptionValue("movies")));
    MovieCatalog catalog = MovieCatalogLoader.read(conf, files);
    if (!catalog.malformedLines().isEmpty()) {
      MovieCatalog.MalformedLine first = catalog.malformedLines().get(0);
      if (strict || catalog.isEmpty()) {
        throw new IOException("Malformed movie at " + first
            + (catalog.isEmpty() ? ". No movie could be read: is --movies a movies file?" : ". Fix or remove the line, or run without --strict."));
      }
    }
    MovieCatalogLoader.addToCache(job, files);
    return catalog;
  }

  private static void commit(FileSystem fs, Path staging, Path output) throws IOException {
    if (fs.exists(output)) {
      Path previous = new Path(output.getParent(), "." + output.getName() + ".replaced-" + UUID.randomUUID().toString().substring(0, 8));
      rename(fs, output, previous);
      rename(fs, staging, output);
      fs.delete(previous, true);
    } else {
      rename(fs, staging, output);
    }
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Cannot move " + from + " to " + to + "; the finished output is left in " + from);
    }
  }

  private void summarize(Job job, Path output, double seconds, List<MalformedRecordLog.Entry> malformed,
      MovieCatalog catalog) throws IOException {
    Counters counters = job.getCounters();
    long read = counters.findCounter(RatingsCounter.RATINGS_READ).getValue();
    long skipped = counters.findCounter(RatingsCounter.MALFORMED_LINES).getValue();
    long rows = counters.findCounter(org.apache.hadoop.mapreduce.TaskCounter.REDUCE_OUTPUT_RECORDS).getValue();
    err.printf(Locale.ROOT, "%s: %,d ratings read in %.1f s (%s); %,d rows written to %s%n",
        name(), read, seconds, job.getJobID(), rows, output);
    if (skipped > 0) {
      err.printf(Locale.ROOT, "%s: skipped %,d malformed rating line%s, the first:%n", name(), skipped, skipped == 1 ? "" : "s");
      malformed.stream().limit(5).forEach(entry -> err.println("  " + entry));
    }
    if (catalog != null && !catalog.malformedLines().isEmpty()) {
      err.printf(Locale.ROOT, "%s: skipped %,d malformed movie line%s, the first:%n", name(),
          catalog.malformedLines().size(), catalog.malformedLines().size() == 1 ? "" : "s");
      catalog.malformedLines().stream().limit(5).forEach(line -> err.println("  " + line));
    }
    long unknown = counters.findCounter(RatingsCounter.RATINGS_OF_UNKNOWN_MOVIES).getValue();
    if (unknown > 0) {
      err.printf(Locale.ROOT, "%s: %,d ratings are of movies missing from --movies (their title is empty)%n", name(), unknown);
    }
  }

  private static String failureInfo(Job job) {
    try {
      String info = job.getStatus().getFailureInfo();
      return info == null || info.isBlank() ? "see the task logs (run with --verbose)" : info;
    } catch (IOException | InterruptedException | IllegalStateException e) {
      return "see the task logs (run with --verbose)";
    }
  }

  private int usageError(String message) {
    err.println(name() + ": " + message);
    err.println("Usage: " + usageLine() + "   (--help for details)");
    return EXIT_USAGE;
  }

  private String usageLine() {
    return "hadoop jar movielens-jobs.jar " + name() + " [generic options] [options] <ratings>... <output>";
  }

  private void printHelp(Options options) {
    PrintWriter writer = new PrintWriter(out);
    HelpFormatter formatter = new HelpFormatter();
    formatter.setOptionComparator(null);
    String header = description() + "\n\nInputs: ratings files or directories (u.data, ratings.dat, ratings.csv, gzip/bzip2 too; or Avro, Parquet, ORC),"
        + " on any Hadoop filesystem. Output: a new directory of tab-separated part files with columns "
        + String.join(", ", columns()) + ".\n\nOptions:";
    String footer = "\n" + spec.helpFooter()
        + "\nGeneric options (before the job options): -D key=value, -conf file.xml, -files f1,f2, -libjars j1,j2, -archives a1."
        + "\nExit codes: 0 done, 1 the job failed, 2 usage error (bad option, missing input, existing output).\n";
    formatter.printHelp(writer, 100, usageLine(), header, options, 2, 2, footer);
    writer.flush();
  }

  private static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = e.getMessage() != null ? e.getMessage() : cause.toString();
    return message.lines().findFirst().orElse(message);
  }

  /** Parses an option that must be a number (declared with {@link NumberOptions#decimal}), naming the option when it is not. */
  protected static double doubleOption(CommandLine command, String option, double defaultValue) throws UsageException {
    return NumberOptions.value(command, option, defaultValue);
  }

  /** Parses an option that must be a whole number of at least {@code minimum} (declared with {@link NumberOptions#integer}). */
  protected static int intOption(CommandLine command, String option, int defaultValue, int minimum) throws UsageException {
    return NumberOptions.atLeast(command, option, defaultValue, minimum);
  }
}
