package dev.hadoopkit.formats.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code cat <path>}: every record. */
final class CatCommand implements Command {

  @Override
  public String name() {
    return "cat";
  }

  @Override
  public String description() {
    return "print every record of a file or directory (JSON lines by default)";
  }

  @Override
  public String arguments() {
    return "<path>";
  }

  @Override
  public Options options() {
    Options options = new Options();
    RecordPrinting.addOptions(options);
    return options;
  }

  @Override
  public List<String> examples() {
    return List.of("formats cat /tmp/lowest-parquet", "formats cat --as tsv /tmp/movies.avro");
  }

  @Override
  public int run(CommandLine command, CommandContext context) throws Exception {
    return RecordPrinting.print(command, context, Long.MAX_VALUE);
  }
}
