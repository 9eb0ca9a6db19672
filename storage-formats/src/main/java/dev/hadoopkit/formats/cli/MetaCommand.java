package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.source.Inputs;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.hadoop.fs.Path;

/** {@code meta <path>}: blocks, row groups or stripes with codecs, rows, sizes and column statistics. */
final class MetaCommand extends Command {

  MetaCommand() {
    super("meta",
        "print the layout of Avro/Parquet/ORC files: blocks, row groups or stripes, codecs, rows, sizes, column statistics",
        "<path>",
        List.of("formats meta /tmp/ratings.parquet", "formats meta /tmp/lowest-orc    # every part file of a job's output"));
  }

  @Override
  Options options() {
    return new Options();
  }

  @Override
  int run(CommandLine command, CommandContext context) throws Exception {
    Path path = CommonOptions.onlyArgument(command, "path");
    boolean first = true;
    for (Path file : Inputs.files(context.conf(), path)) {
      if (!first) {
        context.out().println();
      }
      first = false;
      FileFormat format = FileFormat.detect(context.conf(), file);
      if (format.isBinary()) {
        format.model().describe(context.conf(), file, context.out());
      } else {
        long size = file.getFileSystem(context.conf()).getFileStatus(file).getLen();
        context.out().printf(Locale.ROOT, "file: %s%nformat: text%nsize: %,d bytes%n", file, size);
      }
    }
    return 0;
  }
}
