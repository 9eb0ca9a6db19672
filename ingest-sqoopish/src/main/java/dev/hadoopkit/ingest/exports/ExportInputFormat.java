package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.IngestCounters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.hadoop.util.LineReader;

/**
 * Groups the export directory's files into about -m splits, never cutting a file, so every record is known by file
 * and line number. Compressed files are read through their codec; the record delimiter follows
 * --input-lines-terminated-by.
 */
public final class ExportInputFormat extends CombineFileInputFormat<LinePosition, Text> {
  public static final String KEY_LINE_DELIMITER = "hadoopkit.ingest.export.line.delimiter";

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return false;
  }

  @Override
  public RecordReader<LinePosition, Text> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, FileReader.class);
  }

  /** Reads one whole file of a combined split, line by line. */
  public static final class FileReader extends RecordReader<LinePosition, Text> {
    private final Path path;
    private final long length;
    private LineReader reader;
    private InputStream stream;
    private final LinePosition key = new LinePosition();
    private final Text value = new Text();
    private long line;
    private long bytes;
    private org.apache.hadoop.mapreduce.Counter bytesCounter;

    public FileReader(CombineFileSplit split, TaskAttemptContext context, Integer index) {
      this.path = split.getPath(index);
      this.length = split.getLength(index);
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
      Configuration conf = context.getConfiguration();
      FileSystem fs = path.getFileSystem(conf);
      InputStream raw = fs.open(path);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      stream = codec == null ? raw : codec.createInputStream(raw);
      int delimiter = conf.getInt(KEY_LINE_DELIMITER, '\n');
      reader = new LineReader(stream, 1 << 16, String.valueOf((char) delimiter).getBytes(StandardCharsets.UTF_8));
      bytesCounter = context.getCounter(IngestCounters.BYTES_READ);
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      int read = reader.readLine(value);
      if (read == 0) {
        return false;
      }
      bytes += read;
      line++;
      key.set(path.toString(), line);
      return true;
    }

    @Override
    public LinePosition getCurrentKey() {
      return key;
    }

    @Override
    public Text getCurrentValue() {
      return value;
    }

    @Override
    public float getProgress() {
      return length == 0 ? 1f : Math.min(1f, bytes / (float) length);
    }

    @Override
    public void close() throws IOException {
      if (bytesCounter != null) {
        bytesCounter.increment(bytes);
        bytes = 0;
      }
      if (reader != null) {
        reader.close();
      }
    }
  }
}
