package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.IngestCounters;
import dev.hadoopkit.ingest.TaskReports;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes rows to {@code part-m-NNNNN[.ext]} through the task's FileOutputCommitter, with the {@link RowWriter} of the
 * configured {@link OutputKind}. The key is the live result set, positioned before its first row; the writer drains it.
 */
public final class ImportOutputFormat extends FileOutputFormat<ResultSet, NullWritable> {
  private static final int COUNTER_STEP = 8192;
  private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;

  private org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter committer;

  /**
   * The output directory may already exist holding only the owner record OutputPlacement writes first (so a killed
   * run's directory says whose it was); anything else there is refused, as FileOutputFormat does.
   */
  @Override
  public void checkOutputSpecs(org.apache.hadoop.mapreduce.JobContext job) throws IOException {
    dev.hadoopkit.ingest.Leftovers.checkOutputDirectory(getOutputPath(job), job.getConfiguration());
  }


  /** Hadoop's file committer, which first waits for the job's password (see ConnectionSpec.awaitPassword). */
  @Override
  public synchronized org.apache.hadoop.mapreduce.OutputCommitter getOutputCommitter(TaskAttemptContext context)
      throws IOException {
    if (committer == null) {
      committer = new org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter(getOutputPath(context), context) {
        @Override
        public void setupJob(org.apache.hadoop.mapreduce.JobContext job) throws IOException {
          dev.hadoopkit.ingest.db.ConnectionSpec.awaitPassword(job);
          super.setupJob(job);
        }
      };
    }
    return committer;
  }

  @Override
  public RecordWriter<ResultSet, NullWritable> getRecordWriter(TaskAttemptContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    CompressionCodec codec = null;
    String codecName = conf.get(IngestKeys.IMPORT_CODEC);
    if (codecName != null && !OutputKind.valueOf(conf.get(IngestKeys.IMPORT_OUTPUT_KIND, OutputKind.TEXT.name())).isBinary()) {
      codec = new CompressionCodecFactory(conf).getCodecByName(codecName);
      if (codec == null) {
        throw new IOException("Unknown compression codec " + codecName);
      }
    }
    OutputKind kind = OutputKind.valueOf(conf.get(IngestKeys.IMPORT_OUTPUT_KIND, OutputKind.TEXT.name()));
    RowWriter writer;
    Path file;
    if (kind.isBinary()) {
      // The appender compresses inside the format (--compression-codec maps to BinaryRowWriter.KEY_CODEC).
      file = getDefaultWorkFile(context, "." + kind.format().extension());
      writer = BinaryRowWriter.open(conf, ColumnInfo.load(conf), kind.format(), file);
    } else {
      file = getDefaultWorkFile(context, codec == null ? "" : codec.getDefaultExtension());
      FileSystem fs = file.getFileSystem(conf);
      FSDataOutputStream raw = fs.create(file, false);
      OutputStream stream = codec == null ? raw : codec.createOutputStream(raw);
      writer = kind.create(conf, ColumnInfo.load(conf), stream);
    }
    org.apache.hadoop.mapreduce.Counter bytes = context.getCounter(IngestCounters.BYTES_WRITTEN);
    org.apache.hadoop.mapreduce.Counter rows = context.getCounter(IngestCounters.ROWS_IMPORTED);
    String task = context.getTaskAttemptID().getTaskID().toString();
    return new RecordWriter<>() {
      private long lastReport = System.nanoTime();

      /** Drains the whole result set: one call per split keeps the framework's per-record costs out of the loop. */
      @Override
      public void write(ResultSet rs, NullWritable ignored) throws IOException {
        long pending = 0;
        try {
          while (rs.next()) {
            writer.write(rs);
            if (++pending == COUNTER_STEP) {
              rows.increment(pending);
              bytes.setValue(writer.bytesWritten());
              pending = 0;
              context.progress();
              long now = System.nanoTime();
              if (now - lastReport > REPORT_INTERVAL_NANOS) {
                lastReport = now;
                TaskReports.writeProgress(conf, task, rows.getValue(), writer.bytesWritten(), false);
              }
            }
          }
          rows.increment(pending);
        } catch (SQLException e) {
          abort(writer);
          throw new IOException("Cannot read a row from the database: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
          abort(writer);
          throw e;
        }
      }

      private void abort(RowWriter w) {
        if (w instanceof BinaryRowWriter) {
          ((BinaryRowWriter) w).abort();
        }
      }

      @Override
      public void close(TaskAttemptContext c) throws IOException {
        writer.close();
        // While writing, the counter follows the values handed over; the total is what the closed file holds
        // (Avro/Parquet/ORC encode and compress, text may be compressed), as Sqoop's HDFS bytes written are.
        long written = file.getFileSystem(conf).getFileStatus(file).getLen();
        bytes.setValue(written);
        TaskReports.writeProgress(conf, task, rows.getValue(), written, true);
      }
    };
  }
}
