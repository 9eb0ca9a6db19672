package dev.hadoopkit.jobs.output;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.tool.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.mapreduce.Job;

/**
 * {@code --output-format text|parquet|orc|avro} and {@code --output-codec}: where a job's rows go. Text (the
 * default) is tab-separated lines; the binary formats get a typed schema built from the job's column names.
 */
public final class OutputFormatOption {

  private OutputFormatOption() {
  }

  public static void addTo(Options options) {
    options.addOption(Option.builder().longOpt("output-format").hasArg().argName("format")
        .desc("text (tab-separated, default), parquet, orc or avro").build());
    options.addOption(Option.builder().longOpt("output-codec").hasArg().argName("codec")
        .desc("snappy, zstd (default), gzip or none, for parquet, orc and avro output").build());
  }

  /** Sets the output format class and its settings when the output is not text. */
  public static void configure(Job job, CommandLine command, List<String> columns) throws UsageException {
    String name = command.getOptionValue("output-format", "text").toLowerCase(Locale.ROOT);
    if (name.equals("text")) {
      if (command.hasOption("output-codec")) {
        throw new UsageException("Invalid --output-codec: text output is not compressed by this option (use -D mapreduce.output.fileoutputformat.compress=true)");
      }
      return;
    }
    FileFormat format;
    Codec codec;
    try {
      format = FileFormat.ofBinaryName(name);
      codec = command.hasOption("output-codec") ? Codec.of(command.getOptionValue("output-codec")) : Codec.DEFAULT;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage().replace("Invalid format", "Invalid --output-format").replace("Invalid codec", "Invalid --output-codec")
          .replace("(expected parquet", "(expected text, parquet"));
    }
    job.setOutputFormatClass(RecordOutputFormat.class);
    job.getConfiguration().set(RecordOutputFormat.FORMAT_KEY, format.name());
    job.getConfiguration().set(RecordOutputFormat.CODEC_KEY, codec.name());
    job.getConfiguration().set(RecordOutputFormat.SCHEMA_KEY, schemaFor(columns).toString());
  }

  /** The typed schema of a job's output columns; unknown names are nullable strings. */
  public static Schema schemaFor(List<String> columns) {
    List<Schema.Field> fields = new ArrayList<>();
    for (String column : columns) {
      Schema type;
      switch (column) {
        case "movieId":
        case "userId":
          type = Schema.create(Schema.Type.INT);
          break;
        case "count":
          type = Schema.create(Schema.Type.LONG);
          break;
        case "avg":
        case "rating":
          type = Schema.create(Schema.Type.DOUBLE);
          break;
        case "title":
          type = Schema.create(Schema.Type.STRING);
          break;
        case "releaseDate":
          type = Schema.createUnion(Schema.create(Schema.Type.NULL), LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT)));
          break;
        default:
          type = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
      }
      fields.add(new Schema.Field(column, type));
    }
    return Schema.createRecord("JobRow", "A MovieLens job's output row", "dev.hadoopkit.jobs", false, fields);
  }
}
