package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.db.ConnectionSpec;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.NullOutputFormat;

/**
 * Exports write to the database, not to files: Hadoop's NullOutputFormat, whose committer first waits for the job's
 * password to arrive (see {@link ConnectionSpec#awaitPassword}).
 */
public final class ExportOutputFormat extends NullOutputFormat<NullWritable, NullWritable> {
  @Override
  public OutputCommitter getOutputCommitter(TaskAttemptContext context) {
    return new OutputCommitter() {
      @Override
      public void setupJob(JobContext job) throws IOException {
        ConnectionSpec.awaitPassword(job);
      }

      @Override
      public void setupTask(TaskAttemptContext task) {
      }

      @Override
      public boolean needsTaskCommit(TaskAttemptContext task) {
        return false;
      }

      @Override
      public void commitTask(TaskAttemptContext task) {
      }

      @Override
      public void abortTask(TaskAttemptContext task) {
      }
    };
  }
}
