package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.source.TextSchema;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.fs.Path;

/** {@code count <path>}: rows, from footers and block headers where the format has them. */
final class CountCommand extends Command {

  CountCommand() {
    super("count",
        "print the number of records (from Parquet/ORC footers and Avro block headers; text is read)",
        "<path>",
        List.of("formats count /tmp/ratings.parquet", "formats count ../shared/datasets/ml-100k/u.data --preset movielens-ratings"));
  }

  @Override
  Options options() {
    Options options = new Options();
    CommonOptions.addTextSchema(options);
    return options;
  }

  @Override
  int run(CommandLine command, CommandContext context) throws Exception {
    Path path = CommonOptions.onlyArgument(command, "path");
    TextSchema text = CommonOptions.textSchema(command, context.conf());
    long rows = 0;
    for (Path file : Inputs.files(context.conf(), path)) {
      if (FileFormat.detect(context.conf(), file) != FileFormat.TEXT) {
        rows += Formats.count(context.conf(), file);
        continue;
      }
      try (RecordReader reader = Inputs.openFile(context.conf(), file, text, null)) {
        while (reader.next() != null) {
          rows++;
        }
      }
    }
    context.out().println(rows);
    return 0;
  }
}
