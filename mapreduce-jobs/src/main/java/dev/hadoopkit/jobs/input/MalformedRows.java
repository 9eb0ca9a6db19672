package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.movielens.RatingParser;
import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * What a binary (Parquet, ORC, Avro) ratings reader does with a row it cannot use: count it
 * ({@link RatingsCounter#MALFORMED_LINES}), log the first few ({@link MalformedRecordLog}), and with
 * {@link RatingsInputFormat#STRICT_KEY} fail the task naming file and row. Rows count from the start of the split: a
 * columnar file has no line numbers.
 */
final class MalformedRows implements Closeable {

  private final Path file;
  private final String format;
  private final boolean strict;
  private final Counter malformed;
  private final MalformedRecordLog.Writer log;

  MalformedRows(TaskAttemptContext context, Path file, String format) {
    Configuration conf = context.getConfiguration();
    this.file = file;
    this.format = format;
    this.strict = conf.getBoolean(RatingsInputFormat.STRICT_KEY, false);
    this.malformed = context.getCounter(RatingsCounter.MALFORMED_LINES);
    String logDirectory = conf.get(MalformedRecordLog.DIRECTORY_KEY);
    this.log = new MalformedRecordLog.Writer(conf, logDirectory == null ? null : new Path(logDirectory),
        context.getTaskAttemptID().toString());
  }

  /** Row {@code row} (1-based, within the split) is skipped for {@code reason}. */
  void skip(long row, String reason) throws IOException {
    malformed.increment(1);
    MalformedRecordLog.Entry entry = new MalformedRecordLog.Entry(file + " (" + format + ", split row)", row, reason);
    if (log.wantsMore() || strict) {
      log.add(entry);
    }
    if (strict) {
      log.close();
      throw new StrictModeException("Malformed rating at " + entry + ". Fix the data, or run without --strict to skip such rows.");
    }
  }

  /** Whether a rating value is usable: NaN and values outside 0.5 to 5 are not. */
  static boolean isRating(double rating) {
    return rating >= RatingParser.MIN_RATING && rating <= RatingParser.MAX_RATING;
  }

  /** Skips row {@code row} for its rating, which {@link #isRating} refused. */
  void skipRating(long row, double rating) throws IOException {
    skip(row, "rating " + rating + " is outside 0.5 to 5");
  }

  @Override
  public void close() throws IOException {
    log.close();
  }
}
