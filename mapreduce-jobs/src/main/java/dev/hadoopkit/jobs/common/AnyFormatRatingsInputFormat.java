package dev.hadoopkit.jobs.common;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.RecordReader;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Ratings in any format: each split's file is recognised by its magic bytes. Text goes to
 * {@link RatingsInputFormat}; Avro, Parquet and ORC are read through storage-formats with only the columns the
 * jobs use ({@link #COLUMNS}: the timestamp is never read), one split per block, row group or stripe range.
 * ORC and Parquet are read column by column ({@link OrcRatingsReader}, {@link ParquetRatingsReader}). Every format yields the same
 * {@code (NullWritable, RatingWritable)}.
 */
public class AnyFormatRatingsInputFormat extends RatingsInputFormat {

  /** The columns a job reads from a binary ratings file. */
  public static final List<String> COLUMNS = List.of("userId", "movieId", "rating");

  @Override
  public org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingBatch> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    return new DetectingReader();
  }

  /** Checks every binary file's footer first, so a truncated file fails the job at submission, named. */
  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    for (org.apache.hadoop.fs.FileStatus status : listStatus(job)) {
      dev.hadoopkit.formats.io.Formats.check(job.getConfiguration(), status.getPath());
    }
    return super.getSplits(job);
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    try {
      if (FileFormat.detect(context.getConfiguration(), file) != FileFormat.TEXT) {
        // Avro blocks, Parquet row groups and ORC stripes each belong to the split their start falls in.
        return true;
      }
    } catch (IOException e) {
      return false;
    }
    return super.isSplitable(context, file);
  }

  /** Picks the text or the binary reader once the split's file is known. */
  private final class DetectingReader extends org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingBatch> {
    private org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingBatch> delegate;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
      Path file = ((FileSplit) split).getPath();
      FileFormat format = FileFormat.detect(context.getConfiguration(), file);
      if (format == FileFormat.TEXT) {
        delegate = AnyFormatRatingsInputFormat.super.createRecordReader(split, context);
      } else if (format == FileFormat.ORC) {
        delegate = new BatchingRecordReader(new OrcRatingsReader());
      } else if (format == FileFormat.PARQUET) {
        delegate = new BatchingRecordReader(new ParquetRatingsReader());
      } else {
        delegate = new BatchingRecordReader(new BinaryRatingsReader(format));
      }
      delegate.initialize(split, context);
    }

    @Override
    public boolean nextKeyValue() throws IOException, InterruptedException {
      return delegate.nextKeyValue();
    }

    @Override
    public NullWritable getCurrentKey() throws IOException, InterruptedException {
      return delegate.getCurrentKey();
    }

    @Override
    public RatingBatch getCurrentValue() throws IOException, InterruptedException {
      return delegate.getCurrentValue();
    }

    @Override
    public float getProgress() throws IOException, InterruptedException {
      return delegate == null ? 0f : delegate.getProgress();
    }

    @Override
    public void close() throws IOException {
      if (delegate != null) {
        delegate.close();
      }
    }
  }

  /** Reads one split of an Avro, Parquet or ORC file, projected to {@link #COLUMNS}. */
  static final class BinaryRatingsReader extends org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingWritable> {
    private final FileFormat format;
    private final RatingWritable value = new RatingWritable();
    private RecordReader reader;
    private Path file;
    private boolean strict;
    private org.apache.hadoop.mapreduce.Counter read;
    private org.apache.hadoop.mapreduce.Counter malformed;
    private MalformedRecordLog.Writer log;
    private long row;

    BinaryRatingsReader(FileFormat format) {
      this.format = format;
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
      FileSplit fileSplit = (FileSplit) split;
      Configuration conf = context.getConfiguration();
      file = fileSplit.getPath();
      strict = conf.getBoolean(STRICT_KEY, false);
      read = context.getCounter(RatingsCounter.RATINGS_READ);
      malformed = context.getCounter(RatingsCounter.MALFORMED_LINES);
      String logDirectory = conf.get(MalformedRecordLog.DIRECTORY_KEY);
      log = new MalformedRecordLog.Writer(conf, logDirectory == null ? null : new Path(logDirectory),
          context.getTaskAttemptID().toString());
      reader = dev.hadoopkit.formats.io.Formats.read(file).conf(conf).format(format)
          .project(COLUMNS).range(fileSplit.getStart(), fileSplit.getLength()).build();
      Schema.Type ratingType = dev.hadoopkit.formats.schema.Schemas.nonNull(reader.schema().getField("rating").schema()).getType();
      if (ratingType != Schema.Type.INT && ratingType != Schema.Type.FLOAT && ratingType != Schema.Type.DOUBLE
          && ratingType != Schema.Type.LONG) {
        throw new IOException("Cannot read ratings from " + file + ": column rating is " + ratingType
            + ", expected int, float or double");
      }
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      GenericRecord record;
      while ((record = reader.next()) != null) {
        row++;
        Object userId = record.get(0);
        Object movieId = record.get(1);
        Object rating = record.get(2);
        if (userId == null || movieId == null || rating == null) {
          onMalformed("null " + (userId == null ? "userId" : movieId == null ? "movieId" : "rating"));
          continue;
        }
        double stars = ((Number) rating).doubleValue();
        if (stars < dev.hadoopkit.formats.movielens.RatingParser.MIN_RATING
            || stars > dev.hadoopkit.formats.movielens.RatingParser.MAX_RATING) {
          onMalformed("rating " + stars + " is outside 0.5 to 5");
          continue;
        }
        value.set(((Number) userId).intValue(), ((Number) movieId).intValue(), stars, 0L);
        read.increment(1);
        return true;
      }
      return false;
    }

    private void onMalformed(String reason) throws IOException {
      malformed.increment(1);
      // Row numbers count from the start of this split: a columnar file has no line numbers.
      MalformedRecordLog.Entry entry = new MalformedRecordLog.Entry(file + " (" + format.displayName() + ", split row)", row, reason);
      if (log.wantsMore() || strict) {
        log.add(entry);
      }
      if (strict) {
        log.close();
        throw new IOException("Malformed rating at " + entry + ". Fix the data, or run without --strict to skip such rows.");
      }
    }

    @Override
    public NullWritable getCurrentKey() {
      return NullWritable.get();
    }

    @Override
    public RatingWritable getCurrentValue() {
      return value;
    }

    @Override
    public float getProgress() {
      return reader == null ? 0f : reader.progress();
    }

    @Override
    public void close() throws IOException {
      try {
        if (reader != null) {
          reader.close();
        }
      } finally {
        if (log != null) {
          log.close();
        }
      }
    }
  }
}
