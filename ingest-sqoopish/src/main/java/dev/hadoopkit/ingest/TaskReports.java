package dev.hadoopkit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Small files tasks leave for the client in a per-job directory: the error of a failed task (so the client can print
 * one clear line instead of a stack trace) and the rows an export task has committed so far (exact even when the
 * task later fails).
 */
public final class TaskReports {

  private TaskReports() {
  }

  public static void writeError(Configuration conf, String task, String message) {
    write(conf, task + ".error", message);
  }

  public static void writeCommitted(Configuration conf, String task, long rows) {
    write(conf, task + ".committed", Long.toString(rows));
  }

  private static void write(Configuration conf, String name, String text) {
    String dir = conf.get(IngestKeys.REPORTS_DIR);
    if (dir == null) {
      return;
    }
    Path path = new Path(dir, name);
    try {
      FileSystem fs = path.getFileSystem(conf);
      Path tmp = new Path(dir, "." + name + ".tmp");
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(path, false);
      fs.rename(tmp, path);
    } catch (IOException e) {
      // Reports are a courtesy to the client; the task's own outcome does not depend on them.
    }
  }

  /** Live progress of one task: rows and bytes so far, and whether the task has finished. */
  public static void writeProgress(Configuration conf, String task, long rows, long bytes, boolean done) {
    write(conf, task + ".progress", rows + " " + bytes + " " + (done ? 1 : 0));
  }

  /** Progress summed over all tasks: {rows, bytes, tasks done}. */
  public static long[] progress(Configuration conf, Path dir) throws IOException {
    long[] sum = new long[3];
    for (String text : read(conf, dir, ".progress")) {
      String[] parts = text.trim().split(" ");
      if (parts.length == 3) {
        sum[0] += Long.parseLong(parts[0]);
        sum[1] += Long.parseLong(parts[1]);
        sum[2] += Long.parseLong(parts[2]);
      }
    }
    for (String text : read(conf, dir, ".committed")) {
      sum[0] += Long.parseLong(text.trim());
    }
    return sum;
  }

  /** All error messages left by tasks, in file-name order. */
  public static List<String> errors(Configuration conf, Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String text : read(conf, dir, ".error")) {
      out.add(text);
    }
    return out;
  }

  /** The sum of rows committed by all tasks. */
  public static long committed(Configuration conf, Path dir) throws IOException {
    long total = 0;
    for (String text : read(conf, dir, ".committed")) {
      total += Long.parseLong(text.trim());
    }
    return total;
  }

  private static List<String> read(Configuration conf, Path dir, String suffix) throws IOException {
    List<String> out = new ArrayList<>();
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      return out;
    }
    FileStatus[] files = fs.listStatus(dir, p -> p.getName().endsWith(suffix) && !p.getName().startsWith("."));
    java.util.Arrays.sort(files);
    for (FileStatus f : files) {
      try (InputStream in = fs.open(f.getPath())) {
        out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
