package dev.hadoopkit.jobs.runtime;

import dev.hadoopkit.jobs.input.RatingsCounter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormatCounter;

/**
 * What a finished job measured, written as a properties file when {@code -D }{@value #FILE_KEY}{@code =<path>} is given,
 * so a benchmark reads numbers instead of scraping logs: the job's own seconds (submission to completion, what the
 * summary line prints), the map phase ({@link TaskTimes}), ratings read, and the bytes read from the input (the Parquet
 * and ORC readers' own count, else Hadoop's File Input Format Counters: Bytes Read).
 *
 * @param mapPhaseSeconds negative when no map task recorded its times
 */
public record JobReport(double jobSeconds, double mapPhaseSeconds, long ratingsRead, long columnarBytesRead,
    long fileInputBytesRead) {

  /** Where the client writes the report; unset, nothing is measured or written. */
  public static final String FILE_KEY = "hadoopkit.job.report";

  /** The input bytes the job read: the columnar readers' count when they read, else Hadoop's counter. */
  public long inputBytesRead() {
    return columnarBytesRead > 0 ? columnarBytesRead : fileInputBytesRead;
  }

  public static JobReport of(Job job, double jobSeconds, double mapPhaseSeconds) throws IOException {
    Counters counters = job.getCounters();
    return new JobReport(jobSeconds, mapPhaseSeconds, counters.findCounter(RatingsCounter.RATINGS_READ).getValue(),
        counters.findCounter(RatingsCounter.COLUMNAR_BYTES_READ).getValue(),
        counters.findCounter(FileInputFormatCounter.BYTES_READ).getValue());
  }

  public void write(Configuration conf, Path file) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("job.seconds", String.format(Locale.ROOT, "%.3f", jobSeconds));
    properties.setProperty("map.phase.seconds", String.format(Locale.ROOT, "%.3f", mapPhaseSeconds));
    properties.setProperty("ratings.read", Long.toString(ratingsRead));
    properties.setProperty("columnar.bytes.read", Long.toString(columnarBytesRead));
    properties.setProperty("file.input.bytes.read", Long.toString(fileInputBytesRead));
    try (OutputStream out = FileSystem.get(file.toUri(), conf).create(file, true)) {
      properties.store(out, "movielens job report");
    }
  }

  /** Reads a report a job wrote; fails naming the file when it is missing or incomplete. */
  public static JobReport read(Configuration conf, Path file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = FileSystem.get(file.toUri(), conf).open(file)) {
      properties.load(in);
    }
    try {
      return new JobReport(Double.parseDouble(properties.getProperty("job.seconds")),
          Double.parseDouble(properties.getProperty("map.phase.seconds")),
          Long.parseLong(properties.getProperty("ratings.read")),
          Long.parseLong(properties.getProperty("columnar.bytes.read")),
          Long.parseLong(properties.getProperty("file.input.bytes.read")));
    } catch (NullPointerException | NumberFormatException e) {
      throw new IOException("Cannot read job report " + file + ": incomplete (" + e.getMessage() + ")", e);
    }
  }
}
