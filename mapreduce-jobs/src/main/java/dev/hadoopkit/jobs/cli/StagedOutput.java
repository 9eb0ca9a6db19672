package dev.hadoopkit.jobs.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.input.MalformedRecordLog;
import dev.hadoopkit.jobs.output.StagingLeftovers;
import dev.hadoopkit.jobs.runtime.JobReport;
import dev.hadoopkit.jobs.runtime.TaskFailureLog;
import dev.hadoopkit.jobs.runtime.TaskTimes;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A job's output directory and the staging directory the job writes instead: the output checked before anything
 * runs, a killed run's leftovers removed, the side directories the tasks write to (malformed lines, a task's failure,
 * task times), and the rename into place that happens only on success. Kept apart from {@link JobCommand} so that
 * the rules about what is left on the filesystem, whatever the outcome, are in one class.
 */
final class StagedOutput {

  private final FileSystem fs;
  private final Path output;
  private final Path staging;
  private final Path marker;
  private final Path malformedDirectory;
  private final Path failureDirectory;
  private final Path taskTimes;
  private final String host;

  private StagedOutput(FileSystem fs, Path output, String host) {
    this.fs = fs;
    this.output = output;
    this.host = host;
    this.staging = new Path(output.getParent(), "." + output.getName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
    this.marker = StagingLeftovers.marker(staging);
    this.malformedDirectory = new Path(staging, "_malformed");
    this.failureDirectory = new Path(staging, "_failure");
    this.taskTimes = new Path(staging, "_tasks");
  }

  /**
   * Checks the output against the (qualified) inputs and {@code --overwrite}, and removes what killed runs of the
   * same output left behind, saying so on {@code err}.
   */
  static StagedOutput prepare(Configuration conf, Path output, List<Path> inputs, boolean overwrite,
      PrintStream err, String name) throws IOException, UsageException {
    FileSystem fs = output.getFileSystem(conf);
    Path qualified = fs.makeQualified(output);
    checkOutput(fs, qualified, inputs, overwrite);
    String host = StagingLeftovers.localHost();
    List<String> removed = StagingLeftovers.removeAbandoned(fs, qualified, host);
    if (!removed.isEmpty()) {
      err.println(name + ": removed " + (removed.size() == 1 ? "the leftover" : removed.size() + " leftovers")
          + " of a killed run of " + qualified + ": " + String.join(", ", removed));
    }
    return new StagedOutput(fs, qualified, host);
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

  /** Tells the tasks where to note malformed lines, their failure and (when a job report is asked for) their times. */
  void configure(Configuration conf) {
    conf.set(MalformedRecordLog.DIRECTORY_KEY, malformedDirectory.toString());
    conf.set(TaskFailureLog.DIRECTORY_KEY, failureDirectory.toString());
    if (conf.get(JobReport.FILE_KEY) != null) {
      conf.set(TaskTimes.DIRECTORY_KEY, taskTimes.toString());
    }
  }

  /** Marks the staging directory as this run's, and as to be removed if the JVM exits before the commit. */
  void claim() throws IOException {
    fs.deleteOnExit(staging);
    fs.deleteOnExit(marker);
    StagingLeftovers.claim(fs, staging, StagingLeftovers.Owner.current(host));
  }

  /** After a failure: nothing of the run is left. */
  void discard() throws IOException {
    fs.delete(staging, true);
    fs.delete(marker, false);
  }

  /** After a success: the side directories removed, the staging directory renamed to the output, replacing it. */
  void commit() throws IOException {
    fs.delete(taskTimes, true);
    fs.delete(malformedDirectory, true);
    // A task attempt that failed and was retried with success may have left its note: not part of the output.
    fs.delete(failureDirectory, true);
    if (fs.exists(output)) {
      Path previous = new Path(output.getParent(), "." + output.getName() + ".replaced-" + UUID.randomUUID().toString().substring(0, 8));
      rename(output, previous);
      rename(staging, output);
      fs.delete(previous, true);
    } else {
      rename(staging, output);
    }
    fs.delete(marker, false);
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Cannot move " + from + " to " + to + "; the finished output is left in " + from);
    }
  }

  Path output() {
    return output;
  }

  Path staging() {
    return staging;
  }

  Path malformedDirectory() {
    return malformedDirectory;
  }

  Path failureDirectory() {
    return failureDirectory;
  }

  Path taskTimes() {
    return taskTimes;
  }
}
