package dev.hadoopkit.jobs.input;

import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Gathers the ratings of a row-at-a-time reader into {@link RatingBatch}es, so the framework's per-record work
 * is paid once per batch whatever the file format.
 */
final class BatchingRecordReader extends RatingBatchReader {

  private final RecordReader<NullWritable, RatingWritable> rows;

  BatchingRecordReader(RecordReader<NullWritable, RatingWritable> rows) {
    this.rows = rows;
  }

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
    rows.initialize(split, context);
  }

  @Override
  public boolean nextKeyValue() throws IOException, InterruptedException {
    batch.clear();
    while (!batch.isFull() && rows.nextKeyValue()) {
      RatingWritable row = rows.getCurrentValue();
      batch.add(row.userId(), row.movieId(), row.rating(), row.timestamp());
    }
    return batch.size() > 0;
  }

  @Override
  public float getProgress() throws IOException, InterruptedException {
    return rows.getProgress();
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
