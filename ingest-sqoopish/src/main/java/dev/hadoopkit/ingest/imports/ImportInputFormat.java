package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Hands each mapper one precomputed {@link ImportSplit}; the splits are planned by the client (so errors surface
 * before the job starts) and stored in the configuration. The mapper reads the database itself, so the record
 * reader yields a single empty record.
 */
public final class ImportInputFormat extends InputFormat<NullWritable, NullWritable> {

  public static void storeSplits(Configuration conf, List<String> conditions) {
    conf.setInt(IngestKeys.IMPORT_SPLIT_COUNT, conditions.size());
    for (int i = 0; i < conditions.size(); i++) {
      conf.set(IngestKeys.IMPORT_SPLIT_PREFIX + i, conditions.get(i));
    }
  }

  @Override
  public List<InputSplit> getSplits(JobContext context) {
    Configuration conf = context.getConfiguration();
    int count = conf.getInt(IngestKeys.IMPORT_SPLIT_COUNT, 0);
    List<InputSplit> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      splits.add(new ImportSplit(i, conf.get(IngestKeys.IMPORT_SPLIT_PREFIX + i)));
    }
    return splits;
  }

  @Override
  public RecordReader<NullWritable, NullWritable> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new RecordReader<>() {
      private boolean done;

      @Override
      public void initialize(InputSplit s, TaskAttemptContext c) {
      }

      @Override
      public boolean nextKeyValue() {
        if (done) {
          return false;
        }
        done = true;
        return true;
      }

      @Override
      public NullWritable getCurrentKey() {
        return NullWritable.get();
      }

      @Override
      public NullWritable getCurrentValue() {
        return NullWritable.get();
      }

      @Override
      public float getProgress() {
        return done ? 1f : 0f;
      }

      @Override
      public void close() {
      }
    };
  }
}
