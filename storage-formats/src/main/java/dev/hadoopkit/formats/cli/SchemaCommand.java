package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.orc.Orc;
import dev.hadoopkit.formats.parquet.Parquet;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.source.TextSchema;
import dev.hadoopkit.formats.tool.UsageException;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroSchemaConverter;

/** {@code schema <path>}: the schema in Avro JSON, or Parquet's / ORC's own form. */
final class SchemaCommand extends Command {

  SchemaCommand() {
    super("schema",
        "print the schema of a file (Avro JSON; --format parquet|orc for the native form); with --infer, the schema inferred from CSV",
        "<path>",
        List.of(
            "formats schema /tmp/ratings.parquet",
            "formats schema /tmp/ratings.parquet --format parquet",
            "formats schema /tmp/ratings.orc --format orc",
            "formats schema data.csv --infer > data.avsc     # then: formats convert data.csv data.parquet --to parquet --schema data.avsc"));
  }

  @Override
  Options options() {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("format").hasArg().argName("avro|parquet|orc")
        .desc("the form to print: avro (JSON, default), parquet (message type) or orc (struct)").build());
    CommonOptions.addTextSchema(options);
    return options;
  }

  @Override
  int run(CommandLine command, CommandContext context) throws Exception {
    Path path = CommonOptions.onlyArgument(command, "path");
    String form = command.getOptionValue("format", "avro").toLowerCase(Locale.ROOT);
    if (!List.of("avro", "parquet", "orc").contains(form)) {
      throw new UsageException("Invalid --format " + form + ": expected avro, parquet or orc");
    }
    TextSchema text = CommonOptions.textSchema(command, context.conf());
    Path file = Inputs.files(context.conf(), path).get(0);
    FileFormat format = FileFormat.detect(context.conf(), file);
    if (form.equals("parquet") && format == FileFormat.PARQUET) {
      context.out().print(Parquet.nativeSchema(context.conf(), file));
      return 0;
    }
    if (form.equals("orc") && format == FileFormat.ORC) {
      context.out().println(Orc.nativeSchema(context.conf(), file));
      return 0;
    }
    Schema schema;
    if (format == FileFormat.TEXT && text.infer()) {
      schema = Inputs.inferSchema(context.conf(), file);
    } else {
      try (RecordReader reader = Inputs.openFile(context.conf(), file, text, null)) {
        schema = reader.schema();
      }
    }
    switch (form) {
      case "parquet":
        context.out().print(new AvroSchemaConverter(context.conf()).convert(schema));
        break;
      case "orc":
        context.out().println(Orc.orcSchema(schema));
        break;
      default:
        context.out().println(schema.toString(true));
    }
    return 0;
  }
}
