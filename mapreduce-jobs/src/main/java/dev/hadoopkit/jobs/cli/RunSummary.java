package dev.hadoopkit.jobs.cli;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.movielens.MovieCatalog;
import dev.hadoopkit.jobs.input.DamagedInputException;
import dev.hadoopkit.jobs.input.MalformedRecordLog;
import dev.hadoopkit.jobs.input.RatingsCounter;
import dev.hadoopkit.jobs.runtime.TaskFailureLog;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;

/**
 * What a job prints on {@code err} when it ends: on success the counts, the time and the skipped lines; on failure
 * one line naming the cause and, where known, the fix. Kept apart from {@link JobCommand} so that every message a
 * run ends with is in one place.
 */
final class RunSummary {

  private final PrintStream err;
  private final String name;

  RunSummary(PrintStream err, String name) {
    this.err = err;
    this.name = name;
  }

  /** The job did not start (a truncated input fails the split computation): it has no state or id to report. */
  void notStarted(IOException e, boolean verbose) {
    err.println(name + ": error: " + (e instanceof CorruptFileException ? DamagedInputException.withFix(describe(e)) : describe(e)));
    if (verbose) {
      e.printStackTrace(err);
    }
  }

  /** The job failed: the first malformed line under {@code --strict}, else a task's own error, else the job's. */
  void failed(Job job, boolean strict, boolean verbose, List<MalformedRecordLog.Entry> malformed,
      Optional<TaskFailureLog.Failure> failure) {
    if (strict && !malformed.isEmpty()) {
      err.println(name + ": error: malformed rating at " + malformed.get(0)
          + ". Fix or remove the line, or run without --strict to skip malformed lines.");
    } else if (failure.isPresent()) {
      err.println(name + ": error: " + failure.get().message());
      if (verbose) {
        err.print(failure.get().detail());
      }
    } else {
      err.println(name + ": error: job " + job.getJobID() + " failed: " + failureInfo(job));
    }
  }

  void succeeded(Job job, Path output, double seconds, List<MalformedRecordLog.Entry> malformed,
      MovieCatalog catalog) throws IOException {
    Counters counters = job.getCounters();
    long read = counters.findCounter(RatingsCounter.RATINGS_READ).getValue();
    long skipped = counters.findCounter(RatingsCounter.MALFORMED_LINES).getValue();
    long rows = counters.findCounter(org.apache.hadoop.mapreduce.TaskCounter.REDUCE_OUTPUT_RECORDS).getValue();
    err.printf(Locale.ROOT, "%s: %,d ratings read in %.1f s (%s); %,d rows written to %s%n",
        name, read, seconds, job.getJobID(), rows, output);
    if (skipped > 0) {
      err.printf(Locale.ROOT, "%s: skipped %,d malformed rating line%s, the first:%n", name, skipped, skipped == 1 ? "" : "s");
      malformed.stream().limit(5).forEach(entry -> err.println("  " + entry));
    }
    if (catalog != null && !catalog.malformedLines().isEmpty()) {
      err.printf(Locale.ROOT, "%s: skipped %,d malformed movie line%s, the first:%n", name,
          catalog.malformedLines().size(), catalog.malformedLines().size() == 1 ? "" : "s");
      catalog.malformedLines().stream().limit(5).forEach(line -> err.println("  " + line));
    }
    long unknown = counters.findCounter(RatingsCounter.RATINGS_OF_UNKNOWN_MOVIES).getValue();
    if (unknown > 0) {
      err.printf(Locale.ROOT, "%s: %,d ratings are of movies missing from --movies (their title is empty)%n", name, unknown);
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

  /** The first line of the exception's message, or of its root cause when it has none. */
  static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = e.getMessage() != null ? e.getMessage() : cause.toString();
    return message.lines().findFirst().orElse(message);
  }
}
