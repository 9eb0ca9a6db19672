package dev.hadoopkit.jobs.cli;

import dev.hadoopkit.jobs.output.OutputFormatOption;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Consumer;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The command line every job accepts, as {@code --help} and a usage error show it: the common options around the
 * job's own, the usage line, and the help text. Kept apart from {@link JobCommand} so that what a job says about its
 * command line is in one place and the job's run is in another.
 */
final class JobUsage {

  private JobUsage() {
  }

  /** The job's options: {@code --movies} when it reads the movies file, its own, then the common ones. */
  static Options options(JobSpec spec, Consumer<Options> jobOptions) {
    Options options = new Options();
    if (spec.movies() != JobCommand.MoviesOption.NONE) {
      options.addOption(Option.builder().longOpt("movies").hasArg().argName("path")
          .desc("movies file or directory (u.item, movies.dat or movies.csv)"
              + (spec.movies() == JobCommand.MoviesOption.REQUIRED ? "; required" : "; titles are empty without it"))
          .build());
    }
    jobOptions.accept(options);
    OutputFormatOption.addTo(options);
    options.addOption(Option.builder().longOpt("strict").desc("fail on the first malformed line instead of skipping it").build());
    options.addOption(Option.builder().longOpt("overwrite").desc("replace the output directory if it exists").build());
    options.addOption(Option.builder().longOpt("print").desc("print the result as a table when the job is done").build());
    options.addOption(Option.builder().longOpt("verbose").desc("show Hadoop's progress and counters, and stack traces").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  /** The message, then the usage line; the caller returns the usage exit code. */
  static void printUsageError(PrintStream err, String name, String message) {
    err.println(name + ": " + message);
    err.println("Usage: " + usageLine(name) + "   (--help for details)");
  }

  static void printHelp(PrintStream out, JobSpec spec, Options options) {
    PrintWriter writer = new PrintWriter(out);
    HelpFormatter formatter = new HelpFormatter();
    formatter.setOptionComparator(null);
    String header = spec.description() + "\n\nInputs: ratings files or directories (u.data, ratings.dat, ratings.csv, gzip/bzip2 too; or Avro, Parquet, ORC),"
        + " on any Hadoop filesystem. Output: a new directory of tab-separated part files with columns "
        + String.join(", ", spec.columns()) + ".\n\nOptions:";
    String footer = "\n" + spec.helpFooter()
        + "\nGeneric options (before the job options): -D key=value, -conf file.xml, -files f1,f2, -libjars j1,j2, -archives a1."
        + "\nExit codes: 0 done, 1 the job failed, 2 usage error (bad option, missing input, existing output).\n";
    formatter.printHelp(writer, 100, usageLine(spec.name()), header, options, 2, 2, footer);
    writer.flush();
  }

  private static String usageLine(String name) {
    return "hadoop jar movielens-jobs.jar " + name + " [generic options] [options] <ratings>... <output>";
  }
}
