package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.io.WriteSettings;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.source.TextSchema;
import dev.hadoopkit.formats.text.TextAppender;
import dev.hadoopkit.formats.text.TextLayout;
import dev.hadoopkit.formats.tool.UsageException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** {@code convert <input> <output> --to parquet|orc|avro|csv|tsv|json}: one output file from a file or directory. */
final class ConvertCommand extends Command {

  ConvertCommand() {
    super("convert",
        "convert a file or directory of part files into one Parquet, ORC, Avro, CSV, TSV or JSON-lines file",
        "<input> <output>",
        List.of(
            "formats convert ../shared/datasets/ml-100k/u.data /tmp/ratings.parquet --to parquet --preset movielens-ratings",
            "formats convert ../shared/datasets/ml-100k/u.item /tmp/movies.orc --to orc --preset movielens-movies --codec snappy",
            "formats convert /tmp/ratings.parquet /tmp/ratings.csv --to csv --overwrite",
            "formats convert hdfs:///data/trips.csv hdfs:///data/trips.avro --to avro --infer"));
  }

  @Override
  Options options() {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("to").hasArg().argName("format").desc("parquet, orc, avro, csv, tsv or json (required)").build());
    options.addOption(Option.builder().longOpt("codec").hasArg().argName("codec")
        .desc("snappy, zstd, gzip or none for parquet/orc/avro; default zstd").build());
    CommonOptions.addTextSchema(options);
    CommonOptions.addColumns(options);
    options.addOption(Option.builder().longOpt("overwrite").desc("replace the output if it exists").build());
    return options;
  }

  @Override
  int run(CommandLine command, CommandContext context) throws Exception {
    List<String> arguments = command.getArgList();
    if (arguments.size() != 2) {
      throw new UsageException("Expected an input and an output, got " + (arguments.isEmpty() ? "none" : String.join(" ", arguments)));
    }
    if (!command.hasOption("to")) {
      throw new UsageException("Missing --to: say which format to write (parquet, orc, avro, csv, tsv or json)");
    }
    String to = command.getOptionValue("to").toLowerCase(Locale.ROOT);
    FileFormat binary = null;
    TextLayout layout = null;
    switch (to) {
      case "parquet":
      case "orc":
      case "avro":
        binary = FileFormat.ofBinaryName(to);
        break;
      case "csv":
      case "tsv":
      case "json":
        layout = TextLayout.valueOf(to.toUpperCase(Locale.ROOT));
        break;
      default:
        throw new UsageException("Invalid --to " + command.getOptionValue("to") + ": expected parquet, orc, avro, csv, tsv or json");
    }
    Codec codec;
    try {
      codec = command.hasOption("codec") ? Codec.of(command.getOptionValue("codec")) : Codec.DEFAULT;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Configuration conf = context.conf();
    TextSchema text = CommonOptions.textSchema(command, conf);
    Path input = new Path(arguments.get(0));
    Path output = new Path(arguments.get(1));
    FileSystem outputFs = output.getFileSystem(conf);
    boolean overwrite = command.hasOption("overwrite");
    if (!input.getFileSystem(conf).exists(input)) {
      throw new UsageException("Input " + input + " does not exist");
    }
    if (outputFs.exists(output) && !overwrite) {
      throw new UsageException("Output " + output + " already exists. Remove it, choose another, or pass --overwrite");
    }
    long started = System.nanoTime();
    long rows;
    try (RecordReader reader = Inputs.open(conf, input, text, CommonOptions.columns(command))) {
      Schema schema = reader.schema();
      FileAppender appender = binary != null
          ? Formats.write(output).format(binary).conf(conf).schema(schema).codec(codec).overwrite(overwrite).build()
          : new TextAppender(new WriteSettings(output, conf, schema, codec, overwrite, Map.of()), layout);
      try {
        GenericRecord record;
        while ((record = reader.next()) != null) {
          appender.add(record);
        }
      } catch (IOException | RuntimeException | Error e) {
        appender.abort();
        throw e;
      }
      appender.close();
      rows = appender.count();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long bytes = outputFs.getFileStatus(output).getLen();
    context.err().printf(Locale.ROOT, "convert: %,d rows written to %s (%s, %,d bytes) in %.1f s%n", rows,
        outputFs.makeQualified(output), binary != null ? binary.displayName() + ", " + codec.displayName() : layout.displayName(),
        bytes, seconds);
    return 0;
  }
}
