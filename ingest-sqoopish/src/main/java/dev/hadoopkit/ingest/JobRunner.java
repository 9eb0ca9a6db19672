package dev.hadoopkit.ingest;

import dev.hadoopkit.ingest.cli.Console;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;

/**
 * Submits an ingest job, shows live progress on a terminal (rows, MB, rows/s, splits done) and returns the final
 * counters. Local mode runs the mappers in parallel; on a cluster the JDBC drivers travel with the job.
 */
public final class JobRunner {
  /**
   * A local file to which every finished job appends one line {@code seconds=S success=B} (the job alone, from
   * submission to completion): how bin/ingest-bench learns a command's job time without reading its log. Set it
   * with {@code -D} after the tool name.
   */
  public static final String KEY_OUTCOME_FILE = IngestKeys.OUTCOME_FILE;

  private JobRunner() {
  }

  /** Settings every ingest job gets (the user's -D values win where they set the same key). */
  public static void configure(Job job, Configuration userConf, int mappers) {
    Configuration conf = job.getConfiguration();
    conf.setBoolean(MRJobConfig.MAP_SPECULATIVE, false);
    if (userConf.get("mapreduce.client.completion.pollinterval") == null) {
      conf.setInt("mapreduce.client.completion.pollinterval", 100);
    }
    if (userConf.get("mapreduce.local.map.tasks.maximum") == null) {
      conf.setInt("mapreduce.local.map.tasks.maximum", Math.max(1, Math.min(mappers, 16)));
    }
    if (!"local".equals(conf.get("mapreduce.framework.name", "local"))) {
      shipDependencies(conf);
    }
  }

  /** Adds this module's jar and the JDBC drivers to the job (like -libjars) for clusters. */
  private static void shipDependencies(Configuration conf) {
    Set<String> jars = new LinkedHashSet<>();
    for (Class<?> c : List.of(JobRunner.class, org.mariadb.jdbc.Driver.class, org.postgresql.Driver.class,
        org.apache.commons.cli.Options.class)) {
      try {
        File location = new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (location.isFile()) {
          jars.add(new Path(location.getAbsolutePath()).makeQualified(java.net.URI.create("file:///"), new Path("/")).toString());
        }
      } catch (URISyntaxException | NullPointerException | SecurityException e) {
        // a class without a jar (tests from target/classes) needs no shipping
      }
    }
    String existing = conf.get("tmpjars");
    if (existing != null && !existing.isEmpty()) {
      jars.add(existing);
    }
    if (!jars.isEmpty()) {
      conf.set("tmpjars", String.join(",", jars));
    }
  }

  /** The outcome of a finished job: whether it succeeded, its counters (null when unknown), its wall-clock seconds. */
  public record Outcome(boolean success, Counters counters, double seconds) {
    public long counter(IngestCounters counter) {
      return counters == null ? 0 : counters.findCounter(counter).getValue();
    }
  }

  /** Runs the job to completion; never throws for a failed job (see {@link Outcome#success()}). */
  public static Outcome run(Job job, Console console, IngestCounters rowCounter, IngestCounters byteCounter)
      throws IOException, InterruptedException {
    return run(job, console, rowCounter, byteCounter, null, 0);
  }

  /**
   * Runs the job; on a terminal, redraws a progress line every second from the tasks' reports in {@code reports}
   * (rows, MB, rows/s, splits done of {@code splits}).
   */
  public static Outcome run(Job job, Console console, IngestCounters rowCounter, IngestCounters byteCounter, Path reports,
      int splits) throws IOException, InterruptedException {
    long start = System.nanoTime();
    try {
      job.submit();
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
    console.debug("Submitted " + job.getJobID());
    console.jobs().submitted(job);
    long lastDraw = 0;
    // LocalJobRunner answers from memory, so a local import learns its end within 10 ms; a cluster is asked by RPC.
    long pollMillis = "local".equals(job.getConfiguration().get("mapreduce.framework.name", "local")) ? 10 : 100;
    while (!job.isComplete()) {
      Thread.sleep(pollMillis);
      long now = System.nanoTime();
      if (console.terminal() && now - lastDraw > 1_000_000_000L) {
        lastDraw = now;
        try {
          long rows;
          long bytes;
          long done;
          if (reports != null) {
            long[] p = TaskReports.progress(job.getConfiguration(), reports);
            rows = p[0];
            bytes = p[1];
            done = p[2];
          } else {
            Counters c = job.getCounters();
            rows = c == null ? 0 : c.findCounter(rowCounter).getValue();
            bytes = c == null ? 0 : c.findCounter(byteCounter).getValue();
            done = 0;
          }
          double secs = (now - start) / 1e9;
          console.progress(String.format(Locale.ROOT, "%,d rows  %.1f MB  %,.0f rows/s  splits %d/%d done", rows,
              bytes / 1048576.0, rows / Math.max(secs, 0.001), done, splits));
        } catch (IOException | RuntimeException e) {
          // progress is best effort
        }
      }
    }
    console.endProgress();
    double seconds = (System.nanoTime() - start) / 1e9;
    boolean success = job.isSuccessful();
    Counters counters = null;
    try {
      counters = job.getCounters();
    } catch (IOException e) {
      // a failed local job may have no counters
    }
    console.jobs().finished(job, success, counters);
    recordOutcome(job.getConfiguration(), seconds, success);
    if (!success && console.verbose()) {
      try {
        for (TaskCompletionEvent e : job.getTaskCompletionEvents(0, 100)) {
          for (String d : job.getTaskDiagnostics(e.getTaskAttemptId())) {
            console.debug(d);
          }
        }
      } catch (IOException | RuntimeException e) {
        // diagnostics are best effort
      }
    }
    return new Outcome(success, counters, seconds);
  }

  private static void recordOutcome(Configuration conf, double seconds, boolean success) throws IOException {
    String file = conf.get(KEY_OUTCOME_FILE);
    if (file == null || file.isEmpty()) {
      return;
    }
    String line = String.format(Locale.ROOT, "seconds=%.4f success=%b%n", seconds, success);
    java.nio.file.Files.writeString(java.nio.file.Path.of(file), line, java.nio.charset.StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  /** Sqoop's byte formatting: "1.6453 MB". */
  public static String formatBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024L * 1024) {
      return String.format(Locale.ROOT, "%.4f KB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.4f MB", bytes / 1048576.0);
    }
    return String.format(Locale.ROOT, "%.4f GB", bytes / 1073741824.0);
  }

  /** Sqoop's closing summary line, with the row rate added. */
  public static String transferLine(long bytes, long rows, double seconds) {
    double secs = Math.max(seconds, 1e-6);
    return String.format(Locale.ROOT, "Transferred %s in %.4f seconds (%s/sec, %,.0f rows/s)", formatBytes(bytes), seconds,
        formatBytes((long) (bytes / secs)), rows / secs);
  }
}
