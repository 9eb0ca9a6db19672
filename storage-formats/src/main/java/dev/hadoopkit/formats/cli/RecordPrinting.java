package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.text.RecordFormatter;
import dev.hadoopkit.formats.text.TextLayout;
import dev.hadoopkit.formats.tool.UsageException;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.fs.Path;

/** What {@code head} and {@code cat} share: read any path, print records as JSON lines, CSV or TSV. */
final class RecordPrinting {

  private RecordPrinting() {
  }

  static void addOptions(Options options) {
    options.addOption(Option.builder().longOpt("as").hasArg().argName("json|csv|tsv")
        .desc("how to print records: json (one object per line, default), csv or tsv (with a header)").build());
    CommonOptions.addColumns(options);
    CommonOptions.addTextSchema(options);
  }

  static int print(CommandLine command, CommandContext context, long limit) throws Exception {
    Path path = CommonOptions.onlyArgument(command, "path");
    String as = command.getOptionValue("as", "json").toLowerCase(Locale.ROOT);
    TextLayout layout;
    switch (as) {
      case "json":
      case "csv":
      case "tsv":
        layout = TextLayout.valueOf(as.toUpperCase(Locale.ROOT));
        break;
      default:
        throw new UsageException("Invalid --as " + as + ": expected json, csv or tsv");
    }
    PrintStream out = context.out();
    try (RecordReader reader = Inputs.open(context.conf(), path, CommonOptions.textSchema(command, context.conf()),
        CommonOptions.columns(command))) {
      if (layout != TextLayout.JSON) {
        out.println(RecordFormatter.header(reader.schema(), layout));
      }
      GenericRecord record;
      long printed = 0;
      while (printed < limit && (record = reader.next()) != null) {
        out.println(RecordFormatter.format(record, layout));
        printed++;
      }
    }
    out.flush();
    return 0;
  }
}
