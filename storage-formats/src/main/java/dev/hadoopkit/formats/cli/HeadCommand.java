package dev.hadoopkit.formats.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code head <path> [-n 10]}: the first records. */
final class HeadCommand implements Command {

  @Override
  public String name() {
    return "head";
  }

  @Override
  public String description() {
    return "print the first records of a file or directory (JSON lines by default)";
  }

  @Override
  public String arguments() {
    return "<path>";
  }

  @Override
  public Options options() {
    Options options = new Options();
    options.addOption(CommonOptions.wholeNumber("n", "rows").desc("how many records, default 10").build());
    RecordPrinting.addOptions(options);
    return options;
  }

  @Override
  public List<String> examples() {
    return List.of("formats head /tmp/ratings.parquet", "formats head -n 3 --as csv --columns movieId,rating /tmp/ratings.orc",
        "formats head ../shared/datasets/ml-100k/u.item --preset movielens-movies");
  }

  @Override
  public int run(CommandLine command, CommandContext context) throws Exception {
    return RecordPrinting.print(command, context, CommonOptions.longOption(command, "n", 10));
  }
}
