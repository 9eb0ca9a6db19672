package dev.hadoopkit.formats.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code cat <path>}: every record. */
final class CatCommand extends Command {

  CatCommand() {
    super("cat",
        "print every record of a file or directory (JSON lines by default)",
        "<path>",
        List.of("formats cat /tmp/lowest-parquet", "formats cat --as tsv /tmp/movies.avro"));
  }

  @Override
  Options options() {
    Options options = new Options();
    RecordPrinting.addOptions(options);
    return options;
  }

  @Override
  int run(CommandLine command, CommandContext context) throws Exception {
    return RecordPrinting.print(command, context, Long.MAX_VALUE);
  }
}
