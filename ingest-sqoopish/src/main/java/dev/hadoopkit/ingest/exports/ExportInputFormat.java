package dev.hadoopkit.ingest.exports;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.ingest.IngestCounters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericRecord;
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
 * and line (or record) number. Each file's format comes from its magic bytes: Avro, Parquet and ORC files give
 * {@link GenericRecord} values (the storage-formats readers); anything else is text, read line by line as {@link Text}
 * through its compression codec, the record delimiter following --input-lines-terminated-by.
 */
public final class ExportInputFormat extends CombineFileInputFormat<LinePosition, Object> {

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return false;
  }

  @Override
  public RecordReader<LinePosition, Object> createRecordReader(InputSplit split, TaskAttemptContext context) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, FileReader.class);
  }

  /**
   * Reads one whole file of a combined split. The file is opened by the first {@link #nextKeyValue()}, inside the
   * mapper, so an unreadable file fails the task with a message naming it.
   */
  public static final class FileReader extends RecordReader<LinePosition, Object> {
    private final Path path;
    /** The path's text, made once: every record's position names it (the same String, so comparisons are cheap). */
    private final String pathText;
    private final long length;
    private Configuration conf;
    private boolean opened;
    private LineReader lines;
    private dev.hadoopkit.formats.io.RecordReader records;
    private FileFormat format;
    private final LinePosition key = new LinePosition();
    private final Text text = new Text();
    private Object value;
    private long line;
    private long bytes;
    private org.apache.hadoop.mapreduce.Counter bytesCounter;

    public FileReader(CombineFileSplit split, TaskAttemptContext context, Integer index) {
      this.path = split.getPath(index);
      this.pathText = path.toString();
      this.length = split.getLength(index);
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) {
      conf = context.getConfiguration();
      bytesCounter = context.getCounter(IngestCounters.BYTES_READ);
    }

    private void open() throws IOException {
      opened = true;
      FileSystem fs = path.getFileSystem(conf);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      format = codec != null || length == 0 ? FileFormat.TEXT : FileFormat.detect(conf, path);
      if (format != FileFormat.TEXT) {
        records = Formats.read(path).conf(conf).format(format).build();
        return;
      }
      InputStream raw = fs.open(path);
      InputStream stream = codec == null ? raw : codec.createInputStream(raw);
      int delimiter = conf.getInt(IngestKeys.EXPORT_LINE_DELIMITER, '\n');
      lines = new LineReader(stream, 1 << 16, String.valueOf((char) delimiter).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      if (!opened) {
        open();
      }
      if (records != null) {
        GenericRecord record;
        try {
          record = records.next();
        } catch (CorruptFileException e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          throw new CorruptFileException(format, path, "record " + (line + 1) + ": " + CorruptFileException.reason(e), e);
        }
        if (record == null) {
          bytes = length;
          return false;
        }
        line++;
        key.set(pathText, line, true);
        value = record;
        return true;
      }
      int read = lines.readLine(text);
      if (read == 0) {
        return false;
      }
      bytes += read;
      line++;
      key.set(pathText, line);
      value = text;
      return true;
    }

    @Override
    public LinePosition getCurrentKey() {
      return key;
    }

    @Override
    public Object getCurrentValue() {
      return value;
    }

    @Override
    public float getProgress() {
      if (records != null) {
        return records.progress();
      }
      return length == 0 ? 1f : Math.min(1f, bytes / (float) length);
    }

    @Override
    public void close() throws IOException {
      if (bytesCounter != null) {
        bytesCounter.increment(bytes);
        bytes = 0;
      }
      if (records != null) {
        records.close();
      }
      if (lines != null) {
        lines.close();
      }
    }
  }
}
