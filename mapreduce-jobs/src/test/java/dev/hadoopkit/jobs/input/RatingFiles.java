package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/** Writes small ratings files with storage-formats, and reads them back split by split as a job would. */
final class RatingFiles {

  private RatingFiles() {
  }

  /** A record schema of nullable columns: names[i] has Avro type types[i]. */
  static Schema schema(List<String> names, List<Schema.Type> types) {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("rating").fields();
    for (int i = 0; i < names.size(); i++) {
      fields = fields.name(names.get(i)).type(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(types.get(i))))
          .withDefault(null);
    }
    return fields.endRecord();
  }

  /** Writes the rows (values in schema order, null for null) in small row groups / stripes / blocks. */
  static void write(Configuration conf, Path file, FileFormat format, Schema schema, List<Object[]> rows) throws IOException {
    write(conf, file, format, schema, rows, java.util.Map.of());
  }

  /** As above, with more writer settings ({@code parquet.writer.version}, {@code parquet.enable.dictionary}, ...). */
  static void write(Configuration conf, Path file, FileFormat format, Schema schema, List<Object[]> rows,
      java.util.Map<String, String> settings) throws IOException {
    dev.hadoopkit.formats.io.WriteBuilder builder = Formats.write(file).format(format).conf(conf).schema(schema)
        .set("parquet.block.size", "16384").set("parquet.page.size", "2048").set("orc.stripe.size", "8192")
        .set("orc.rows.between.memory.checks", "100");
    settings.forEach(builder::set);
    try (FileAppender appender = builder.build()) {
      for (Object[] row : rows) {
        GenericRecord record = new GenericData.Record(schema);
        for (int i = 0; i < row.length; i++) {
          record.put(i, row[i]);
        }
        appender.add(record);
      }
    }
  }

  /** What a job's map tasks read. */
  record Read(List<String> ratings, long read, long malformed, long bytesRead, int splits) {
  }

  /** Reads {@code file} through {@link AnyFormatRatingsInputFormat} in splits of at most {@code splitSize} bytes. */
  static Read read(Configuration base, Path file, long splitSize) throws IOException, InterruptedException {
    Job job = Job.getInstance(new Configuration(base));
    FileInputFormat.addInputPath(job, file);
    FileInputFormat.setMaxInputSplitSize(job, splitSize);
    AnyFormatRatingsInputFormat format = new AnyFormatRatingsInputFormat();
    List<InputSplit> splits = format.getSplits(job);
    Counters counters = new Counters();
    List<String> ratings = new ArrayList<>();
    for (InputSplit split : splits) {
      TaskAttemptContext context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID(),
          new CountingReporter(counters));
      try (RecordReader<?, RatingBatch> reader = format.createRecordReader(split, context)) {
        reader.initialize(split, context);
        while (reader.nextKeyValue()) {
          RatingBatch batch = reader.getCurrentValue();
          for (int i = 0; i < batch.size(); i++) {
            ratings.add(row(batch.userId(i), batch.movieId(i), batch.rating(i)));
          }
        }
      }
    }
    return new Read(ratings, counters.findCounter(RatingsCounter.RATINGS_READ).getValue(),
        counters.findCounter(RatingsCounter.MALFORMED_LINES).getValue(),
        counters.findCounter(RatingsCounter.COLUMNAR_BYTES_READ).getValue(), splits.size());
  }

  static String row(int userId, int movieId, double rating) {
    return userId + "," + movieId + "," + rating;
  }

  /** Counters for a record reader outside a job. */
  private static final class CountingReporter extends StatusReporter {
    private final Counters counters;

    CountingReporter(Counters counters) {
      this.counters = counters;
    }

    @Override
    public org.apache.hadoop.mapreduce.Counter getCounter(Enum<?> name) {
      return counters.findCounter(name);
    }

    @Override
    public org.apache.hadoop.mapreduce.Counter getCounter(String group, String name) {
      return counters.findCounter(group, name);
    }

    @Override
    public void progress() {
    }

    @Override
    public float getProgress() {
      return 0;
    }

    @Override
    public void setStatus(String status) {
    }
  }
}
