package dev.hadoopkit.ingest.merge;

import dev.hadoopkit.ingest.IngestKeys;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.util.ReflectionUtils;

/** Writes each record's text followed by the import's line terminator, through the import's codec if it had one. */
final class MergeOutputFormat extends FileOutputFormat<NullWritable, Text> {
  /** The merge writes into the import's hidden work directory, which holds its owner record (see Leftovers). */
  @Override
  public void checkOutputSpecs(org.apache.hadoop.mapreduce.JobContext job) throws java.io.IOException {
    dev.hadoopkit.ingest.Leftovers.checkOutputDirectory(getOutputPath(job), job.getConfiguration());
  }

  @Override
  public RecordWriter<NullWritable, Text> getRecordWriter(TaskAttemptContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    byte[] terminator = String.valueOf((char) conf.getInt(IngestKeys.MERGE_LINE_TERMINATOR, '\n')).getBytes(StandardCharsets.UTF_8);
    CompressionCodec codec = null;
    String extension = "";
    if (getCompressOutput(context)) {
      codec = ReflectionUtils.newInstance(getOutputCompressorClass(context, GzipCodec.class), conf);
      extension = codec.getDefaultExtension();
    }
    Path file = getDefaultWorkFile(context, extension);
    FSDataOutputStream raw = file.getFileSystem(conf).create(file, false);
    DataOutputStream out = codec == null ? raw : new DataOutputStream(codec.createOutputStream(raw));
    return new RecordWriter<>() {
      @Override
      public void write(NullWritable key, Text value) throws IOException {
        out.write(value.getBytes(), 0, value.getLength());
        out.write(terminator);
      }

      @Override
      public void close(TaskAttemptContext context) throws IOException {
        out.close();
      }
    };
  }
}
