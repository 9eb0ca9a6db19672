package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.movielens.MalformedRecordException;
import dev.hadoopkit.formats.movielens.RatingParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;

/**
 * Reads MovieLens ratings text ({@code u.data}, {@code ratings.dat}, {@code ratings.csv}, compressed or not)
 * in {@link RatingBatch}es. Malformed lines are skipped and counted ({@link RatingsCounter}), the first few
 * written to the {@link MalformedRecordLog}; with {@link #STRICT_KEY} the first one fails the task, naming
 * file and line.
 */
public class RatingsInputFormat extends FileInputFormat<NullWritable, RatingBatch> {

  /** Fail on the first malformed line instead of skipping it. */
  public static final String STRICT_KEY = "hadoopkit.strict";

  @Override
  public RecordReader<NullWritable, RatingBatch> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new RatingsRecordReader();
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    var codec = new CompressionCodecFactory(context.getConfiguration()).getCodec(file);
    return codec == null || codec instanceof SplittableCompressionCodec;
  }

  static final class RatingsRecordReader extends RatingBatchReader {
    private final LineRecordReader lines = new LineRecordReader();
    private final RatingParser parser = new RatingParser();
    private Configuration conf;
    private Path file;
    private boolean strict;
    private org.apache.hadoop.mapreduce.Counter read;
    private org.apache.hadoop.mapreduce.Counter malformed;
    private org.apache.hadoop.mapreduce.Counter headers;
    private org.apache.hadoop.mapreduce.Counter blanks;
    private MalformedRecordLog.Writer log;
    private long firstOffset = -1;
    private long linesBeforeSplit = -1;
    private long recordsInSplit;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
      lines.initialize(split, context);
      conf = context.getConfiguration();
      file = ((FileSplit) split).getPath();
      strict = conf.getBoolean(STRICT_KEY, false);
      read = context.getCounter(RatingsCounter.RATINGS_READ);
      malformed = context.getCounter(RatingsCounter.MALFORMED_LINES);
      headers = context.getCounter(RatingsCounter.HEADER_LINES);
      blanks = context.getCounter(RatingsCounter.BLANK_LINES);
      String logDirectory = conf.get(MalformedRecordLog.DIRECTORY_KEY);
      log = new MalformedRecordLog.Writer(conf, logDirectory == null ? null : new Path(logDirectory),
          context.getTaskAttemptID().toString());
    }

    /** Fills the batch; false when the split has no rating left. */
    @Override
    public boolean nextKeyValue() throws IOException {
      batch.clear();
      while (!batch.isFull() && nextRating()) {
        // nextRating added it
      }
      read.increment(batch.size());
      return batch.size() > 0;
    }

    private boolean nextRating() throws IOException {
      while (lines.nextKeyValue()) {
        if (firstOffset < 0) {
          firstOffset = lines.getCurrentKey().get();
        }
        recordsInSplit++;
        Text line = lines.getCurrentValue();
        byte[] bytes = line.getBytes();
        int length = line.getLength();
        if (length == 0 || (length == 1 && bytes[0] == '\r')) {
          blanks.increment(1);
          continue;
        }
        try {
          batch.add(parser.parse(bytes, 0, length));
          return true;
        } catch (MalformedRecordException e) {
          if (parser.isHeader(bytes, 0, length)) {
            headers.increment(1);
            continue;
          }
          onMalformed(line, e.getMessage());
        }
      }
      return false;
    }

    private void onMalformed(Text line, String reason) throws IOException {
      malformed.increment(1);
      if (!strict && !log.wantsMore()) {
        return;
      }
      if (linesBeforeSplit < 0) {
        linesBeforeSplit = LineLocator.linesBefore(conf, file, firstOffset);
      }
      long lineNumber = linesBeforeSplit + recordsInSplit;
      MalformedRecordLog.Entry entry = new MalformedRecordLog.Entry(file.toString(), lineNumber, reason);
      log.add(entry);
      if (strict) {
        log.close();
        throw new StrictModeException("Malformed rating at " + entry + " (line: '" + preview(line)
            + "'). Fix or remove the line, or run without --strict to skip malformed lines.");
      }
    }

    private static String preview(Text line) {
      int length = Math.min(line.getLength(), 120);
      return new String(line.getBytes(), 0, length, StandardCharsets.UTF_8).replace("\t", "\\t");
    }

    @Override
    public float getProgress() throws IOException {
      return lines.getProgress();
    }

    @Override
    public void close() throws IOException {
      try {
        lines.close();
      } finally {
        if (log != null) {
          log.close();
        }
      }
    }
  }
}
