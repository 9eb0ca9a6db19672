package dev.hadoopkit.jobs.output;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.text.TextValues;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes a job's tab-separated result rows as Parquet, ORC or Avro part files, typed by
 * {@link OutputFormatOption#schemaFor}. Reducers stay format-neutral: each {@code Text} line becomes one record.
 */
public class RecordOutputFormat extends FileOutputFormat<Text, NullWritable> {

  public static final String FORMAT_KEY = "hadoopkit.output.format";
  public static final String CODEC_KEY = "hadoopkit.output.codec";
  public static final String SCHEMA_KEY = "hadoopkit.output.schema";

  @Override
  public RecordWriter<Text, NullWritable> getRecordWriter(TaskAttemptContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    FileFormat format = FileFormat.valueOf(conf.get(FORMAT_KEY));
    Schema schema = new Schema.Parser().parse(conf.get(SCHEMA_KEY));
    Path file = getDefaultWorkFile(context, "." + format.extension());
    FileAppender appender = dev.hadoopkit.formats.io.Formats.write(file).format(format).conf(conf).schema(schema)
        .codec(Codec.valueOf(conf.get(CODEC_KEY, Codec.DEFAULT.name()))).build();
    return new RecordWriter<>() {
      private final List<Schema.Field> fields = schema.getFields();

      @Override
      public void write(Text key, NullWritable value) throws IOException {
        String[] columns = key.toString().split("\t", -1);
        if (columns.length != fields.size()) {
          throw new IOException("Cannot write row '" + key + "' to " + file + ": " + columns.length + " columns, expected " + fields.size());
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (int i = 0; i < columns.length; i++) {
          try {
            record.put(i, TextValues.parse(columns[i], fields.get(i).schema()));
          } catch (TextValues.InvalidValueException e) {
            throw new IOException("Cannot write row '" + key + "' to " + file + ", column " + fields.get(i).name() + ": " + e.getMessage());
          }
        }
        appender.add(record);
      }

      @Override
      public void close(TaskAttemptContext ignored) throws IOException {
        appender.close();
      }
    };
  }
}
