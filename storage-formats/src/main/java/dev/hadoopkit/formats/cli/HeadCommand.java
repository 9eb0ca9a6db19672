package dev.hadoopkit.formats.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code head <path> [-n 10]}: the first records. */
final class HeadCommand extends Command {

  HeadCommand() {
    super("head",
        "print the first records of a file or directory (JSON lines by default)",
        "<path>",
        List.of("formats head /tmp/ratings.parquet", "formats head -n 3 --as csv --columns movieId,rating /tmp/ratings.orc",
            "formats head ../shared/datasets/ml-100k/u.item --preset movielens-movies"));
  }

  @Override
  Options options() {
    Options options = new Options();
    options.addOption(CommonOptions.wholeNumber("n", "rows").desc("how many records, default 10").build());
    RecordPrinting.addOptions(options);
    return options;
  }

  @Override
  int run(CommandLine command, CommandContext context) throws Exception {
    return RecordPrinting.print(command, context, CommonOptions.longOption(command, "n", 10));
  }
}
