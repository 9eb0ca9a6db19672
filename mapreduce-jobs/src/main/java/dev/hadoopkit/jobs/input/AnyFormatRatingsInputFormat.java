package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.jobs.runtime.TaskFailureLog;
import dev.hadoopkit.jobs.runtime.TaskTimes;
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
 * {@link RatingsInputFormat}; Avro, Parquet and ORC are read with only the columns the jobs use ({@link #COLUMNS},
 * found by name ignoring case and underscores, see {@link ColumnNames}: the timestamp is never read), one split per
 * block, row group or stripe range. Formats with a columnar reader ({@link ColumnarRatingReaders}: ORC, Parquet) fill
 * each {@link RatingBatch} a column at a time; any other binary format (Avro) goes row by row through its
 * storage-formats {@link dev.hadoopkit.formats.io.FormatModel}.
 * Every format yields the same {@code (NullWritable, RatingBatch)}.
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

  /**
   * Picks the text or the binary reader once the split's file is known. A file it cannot read past (damaged pages,
   * blocks or stripes) fails the task with one line naming file, position and fix, also noted in the {@link TaskFailureLog}
   * for the client; a --strict malformed row passes as it is.
   */
  private final class DetectingReader extends org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingBatch> {
    private org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingBatch> delegate;
    private Configuration conf;
    private String attempt;
    private Path file;
    private FileFormat format;
    private long splitStart;
    private long startedMillis;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
      startedMillis = System.currentTimeMillis();
      conf = context.getConfiguration();
      attempt = context.getTaskAttemptID().toString();
      file = ((FileSplit) split).getPath();
      splitStart = ((FileSplit) split).getStart();
      format = FileFormat.detect(context.getConfiguration(), file);
      if (!format.isBinary()) {
        delegate = AnyFormatRatingsInputFormat.super.createRecordReader(split, context);
      } else {
        delegate = ColumnarRatingReaders.of(format)
            .orElseGet(() -> new BatchingRecordReader(new BinaryRatingsReader(format)));
      }
      // Opening checks the footer and the columns: its errors already name the file and what to change.
      delegate.initialize(split, context);
    }

    @Override
    public boolean nextKeyValue() throws IOException, InterruptedException {
      try {
        return delegate.nextKeyValue();
      } catch (StrictModeException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw damaged(e);
      }
    }

    private DamagedInputException damaged(Exception e) {
      String position = delegate instanceof PositionedReader positioned ? positioned.position() : "";
      DamagedInputException damaged = DamagedInputException.of(format, file, position, splitStart, e);
      TaskFailureLog.record(conf, attempt, damaged);
      return damaged;
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
        if (TaskTimes.wanted(conf)) {
          TaskTimes.record(conf, attempt, startedMillis, System.currentTimeMillis());
        }
      }
    }
  }

  /** Reads one split of an Avro (or any storage-formats) file a row at a time, projected to {@link #COLUMNS}. */
  static final class BinaryRatingsReader extends org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingWritable> {
    private final FileFormat format;
    private final RatingWritable value = new RatingWritable();
    private RecordReader reader;
    private org.apache.hadoop.mapreduce.Counter read;
    private MalformedRows malformed;
    private long row;

    BinaryRatingsReader(FileFormat format) {
      this.format = format;
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
      FileSplit fileSplit = (FileSplit) split;
      Configuration conf = context.getConfiguration();
      Path file = fileSplit.getPath();
      read = context.getCounter(RatingsCounter.RATINGS_READ);
      List<String> names = new java.util.ArrayList<>();
      for (Schema.Field field : dev.hadoopkit.formats.io.Formats.schema(conf, file).getFields()) {
        names.add(field.name());
      }
      List<String> chosen = ColumnNames.RATINGS.resolve(file, names);
      reader = dev.hadoopkit.formats.io.Formats.read(file).conf(conf).format(format)
          .project(chosen).range(fileSplit.getStart(), fileSplit.getLength()).build();
      for (int i = 0; i < chosen.size(); i++) {
        Schema.Type type = dev.hadoopkit.formats.schema.Schemas.nonNull(reader.schema().getField(chosen.get(i)).schema()).getType();
        boolean number = type == Schema.Type.INT || type == Schema.Type.LONG
            || (i == 2 && (type == Schema.Type.FLOAT || type == Schema.Type.DOUBLE));
        if (!number) {
          reader.close();
          throw new IOException("Cannot read ratings from " + file + ": column " + chosen.get(i) + " (" + COLUMNS.get(i)
              + ") is " + type + ", expected " + (i == 2 ? "int, long, float or double" : "int or long"));
        }
      }
      malformed = new MalformedRows(context, file, format.displayName());
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
          malformed.skip(row, "null " + (userId == null ? COLUMNS.get(0) : movieId == null ? COLUMNS.get(1) : COLUMNS.get(2)));
          continue;
        }
        double stars = ((Number) rating).doubleValue();
        if (!MalformedRows.isRating(stars)) {
          malformed.skipRating(row, stars);
          continue;
        }
        value.set(((Number) userId).intValue(), ((Number) movieId).intValue(), stars, 0L);
        read.increment(1);
        return true;
      }
      return false;
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
      try (RecordReader openReader = reader; MalformedRows log = malformed) {
        // both closed
      }
    }
  }
}
