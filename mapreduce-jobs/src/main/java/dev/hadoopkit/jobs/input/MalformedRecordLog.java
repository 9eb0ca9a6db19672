package dev.hadoopkit.jobs.input;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where tasks note the first few malformed lines they skip, so the client can name file and line in its
 * summary (a counter alone says only how many). Each task attempt writes its own small file in a directory
 * beside the job's output; the client reads them all when the job ends and removes the directory.
 */
public final class MalformedRecordLog {

  /** Directory the tasks write to; set by the client. */
  public static final String DIRECTORY_KEY = "hadoopkit.malformed.dir";
  /** Lines each task attempt writes down; the rest are only counted. */
  public static final int MAX_PER_TASK = 5;

  private MalformedRecordLog() {
  }

  /** One malformed line: file, 1-based line number and what was wrong. */
  public record Entry(String source, long line, String reason) {
    static final Comparator<Entry> ORDER = Comparator.comparing(Entry::source).thenComparingLong(Entry::line)
        .thenComparing(Entry::reason);

    @Override
    public String toString() {
      return source + " line " + line + ": " + reason;
    }
  }

  /** Reads every task's entries, in file and line order, without duplicates from retried attempts. */
  public static List<Entry> read(Configuration conf, Path directory) throws IOException {
    FileSystem fs = directory.getFileSystem(conf);
    TreeSet<Entry> entries = new TreeSet<>(Entry.ORDER);
    if (!fs.exists(directory)) {
      return List.of();
    }
    for (FileStatus status : fs.listStatus(directory)) {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(status.getPath()), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          String[] fields = line.split("\t", 3);
          if (fields.length == 3) {
            entries.add(new Entry(fields[0], Long.parseLong(fields[1]), fields[2]));
          }
        }
      }
    }
    return new ArrayList<>(entries);
  }

  /** A task's log; opens its file only when there is something to write. */
  public static final class Writer implements Closeable {
    private final Configuration conf;
    private final Path file;
    private FSDataOutputStream out;
    private int written;

    /** @param directory the job's log directory, or null to keep nothing */
    public Writer(Configuration conf, Path directory, String taskAttemptId) {
      this.conf = conf;
      this.file = directory == null ? null : new Path(directory, taskAttemptId);
    }

    public boolean wantsMore() {
      return file != null && written < MAX_PER_TASK;
    }

    public void add(Entry entry) throws IOException {
      if (!wantsMore()) {
        return;
      }
      if (out == null) {
        out = file.getFileSystem(conf).create(file, true);
      }
      String reason = entry.reason().replace('\t', ' ').replace('\n', ' ');
      out.write((entry.source() + "\t" + entry.line() + "\t" + reason + "\n").getBytes(StandardCharsets.UTF_8));
      // A strict run fails the task right after this: the entry must already be durable.
      out.hflush();
      written++;
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        out.close();
        out = null;
      }
    }
  }
}
