package dev.hadoopkit.jobs.runtime;

import dev.hadoopkit.jobs.input.MalformedRecordLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Why a task failed, for the client: LocalJobRunner reports a failed job as "NA" and YARN as "tasks failed", so a task
 * that fails on a damaged input writes its one-line message (and the stack trace, shown with --verbose) into a
 * directory beside the job's output, as {@link MalformedRecordLog} does for malformed lines.
 */
public final class TaskFailureLog {

  /** Directory the tasks write to; set by the client. */
  public static final String DIRECTORY_KEY = "hadoopkit.failure.dir";

  /** The first line is what the user sees; the detail is the stack trace. */
  public record Failure(String message, String detail) {
  }

  private TaskFailureLog() {
  }

  /** Records {@code failure} for task attempt {@code attempt}; a failure to record is left to the task's own error. */
  public static void record(Configuration conf, String attempt, Throwable failure) {
    String directory = conf.get(DIRECTORY_KEY);
    if (directory == null) {
      return;
    }
    ByteArrayOutputStream trace = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(trace, true, StandardCharsets.UTF_8)) {
      failure.printStackTrace(print);
    }
    Path file = new Path(directory, attempt);
    try (FSDataOutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write((failure.getMessage().replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
      out.write(trace.toByteArray());
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /** The failure of the first attempt (by attempt id) that recorded one, if any did. */
  public static Optional<Failure> first(Configuration conf, Path directory) throws IOException {
    FileSystem fs = directory.getFileSystem(conf);
    if (!fs.exists(directory)) {
      return Optional.empty();
    }
    FileStatus[] files = fs.listStatus(directory);
    Arrays.sort(files, Comparator.comparing(status -> status.getPath().getName()));
    for (FileStatus status : files) {
      String text;
      try (FSDataInputStream in = fs.open(status.getPath())) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int newline = text.indexOf('\n');
      if (newline > 0) {
        return Optional.of(new Failure(text.substring(0, newline), text.substring(newline + 1)));
      }
    }
    return Optional.empty();
  }
}
