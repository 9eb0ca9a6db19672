package dev.hadoopkit.jobs.input;

import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordReader;

/**
 * What every ratings reader of the jobs hands the mapper: no key, and one reused {@link RatingBatch} per call of
 * {@code nextKeyValue}, whatever the file format (text lines, ORC vectors, Parquet pages, rows of any other format).
 */
abstract class RatingBatchReader extends RecordReader<NullWritable, RatingBatch> {

  /** The batch {@code nextKeyValue} fills; the mapper sees it until the next call. */
  protected final RatingBatch batch = new RatingBatch();

  @Override
  public final NullWritable getCurrentKey() {
    return NullWritable.get();
  }

  @Override
  public final RatingBatch getCurrentValue() {
    return batch;
  }
}
