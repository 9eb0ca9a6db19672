package dev.hadoopkit.jobs.cli;

import dev.hadoopkit.formats.movielens.MovieCatalog;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.input.AnyFormatRatingsInputFormat;
import dev.hadoopkit.jobs.input.MalformedRecordLog;
import dev.hadoopkit.jobs.input.RatingsInputFormat;
import dev.hadoopkit.jobs.output.OutputFiles;
import dev.hadoopkit.jobs.output.OutputFormatOption;
import dev.hadoopkit.jobs.output.TablePrinter;
import dev.hadoopkit.jobs.runtime.JobReport;
import dev.hadoopkit.jobs.runtime.LocalMode;
import dev.hadoopkit.jobs.runtime.QuietLocalRunner;
import dev.hadoopkit.jobs.runtime.TaskFailureLog;
import dev.hadoopkit.jobs.runtime.TaskTimes;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
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
 * <p>This class runs a job from its command line to its exit code; the parts it runs through have their own classes:
 * {@link JobUsage} (options, help, usage line), {@link StagedOutput} (output checks, staging directory, commit),
 * {@link MoviesFile} ({@code --movies}) and {@link RunSummary} (what a run ends with on stderr).
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
    Options options = JobUsage.options(spec, this::addOptions);
    CommandLine command;
    try {
      command = new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      return usageError(e.getMessage());
    }
    if (command.hasOption("help")) {
      JobUsage.printHelp(out, spec, options);
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
      err.println(name() + ": error: " + RunSummary.describe(e));
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
    StagedOutput staged = StagedOutput.prepare(conf, new Path(arguments.get(arguments.size() - 1)), inputs, overwrite,
        err, name());
    staged.configure(conf);
    conf.setBoolean(RatingsInputFormat.STRICT_KEY, strict);
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
    FileOutputFormat.setOutputPath(job, staged.staging());
    OutputFormatOption.configure(job, command, columns());
    // One reducer: its input is already aggregated per movie/user by the mappers, at most a few hundred
    // thousand records, and one reducer is what makes the single output file globally ordered.
    job.setNumReduceTasks(1);

    MovieCatalog catalog = MoviesFile.addTo(job, command, spec, strict);
    configure(job, command);

    staged.claim();
    RunSummary summary = new RunSummary(err, name());
    boolean verbose = command.hasOption("verbose");
    long started = System.nanoTime();
    boolean succeeded;
    try (QuietLocalRunner quiet = verbose ? null : QuietLocalRunner.quiet()) {
      succeeded = job.waitForCompletion(verbose);
    } catch (IOException e) {
      staged.discard();
      summary.notStarted(e, verbose);
      return EXIT_FAILURE;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<MalformedRecordLog.Entry> malformed = MalformedRecordLog.read(conf, staged.malformedDirectory());
    if (!succeeded) {
      Optional<TaskFailureLog.Failure> failure = TaskFailureLog.first(conf, staged.failureDirectory());
      staged.discard();
      summary.failed(job, strict, verbose, malformed, failure);
      return EXIT_FAILURE;
    }
    if (conf.get(JobReport.FILE_KEY) != null) {
      JobReport.of(job, seconds, TaskTimes.mapPhaseSeconds(conf, staged.taskTimes()).orElse(-1)).write(conf, new Path(conf.get(JobReport.FILE_KEY)));
    }
    staged.commit();
    lastOutput = staged.output();
    summary.succeeded(job, staged.output(), seconds, malformed, catalog);
    if (command.hasOption("print")) {
      TablePrinter.print(out, columns(), OutputFiles.readRows(conf, staged.output()), Integer.MAX_VALUE);
    }
    return 0;
  }

  private Path checkInput(Configuration conf, Path input) throws IOException, UsageException {
    FileSystem fs = input.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(input);
    if (matches == null || matches.length == 0) {
      throw new UsageException("Input " + input + " does not exist.");
    }
    return fs.makeQualified(input);
  }

  private int usageError(String message) {
    JobUsage.printUsageError(err, name(), message);
    return EXIT_USAGE;
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
