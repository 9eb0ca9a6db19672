package dev.hadoopkit.jobs.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * When each map task read its input, for a job asked for a {@link JobReport}: every map task's ratings reader writes
 * {@code <start millis> <end millis>} into a file named after its attempt in a directory beside the job's output (as
 * {@link TaskFailureLog} does), and the client takes the first start and the last end: the map phase, the part of a
 * job the input format decides. Off unless the client sets {@link #DIRECTORY_KEY}.
 */
public final class TaskTimes {

  /** Directory the map tasks write their times to; set by the client only when a report is asked for. */
  public static final String DIRECTORY_KEY = "hadoopkit.task.times.dir";

  private TaskTimes() {
  }

  public static boolean wanted(Configuration conf) {
    return conf.get(DIRECTORY_KEY) != null;
  }

  /** Records one task attempt's reading time; a failure to record only loses the report's map phase. */
  public static void record(Configuration conf, String attempt, long startMillis, long endMillis) {
    String directory = conf.get(DIRECTORY_KEY);
    if (directory == null) {
      return;
    }
    Path file = new Path(directory, attempt);
    try (FSDataOutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write((startMillis + " " + endMillis + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // the report says "map phase unknown"
    }
  }

  /** From the first task's start to the last task's end, in seconds; empty when no task recorded its times. */
  public static OptionalDouble mapPhaseSeconds(Configuration conf, Path directory) throws IOException {
    FileSystem fs = directory.getFileSystem(conf);
    if (!fs.exists(directory)) {
      return OptionalDouble.empty();
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (FileStatus status : fs.listStatus(directory, dev.hadoopkit.formats.io.Formats.DATA_FILES)) {
      String[] times;
      try (FSDataInputStream in = fs.open(status.getPath())) {
        times = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
      }
      if (times.length == 2) {
        first = Math.min(first, Long.parseLong(times[0]));
        last = Math.max(last, Long.parseLong(times[1]));
      }
    }
    return first > last ? OptionalDouble.empty() : OptionalDouble.of((last - first) / 1000.0);
  }
}
