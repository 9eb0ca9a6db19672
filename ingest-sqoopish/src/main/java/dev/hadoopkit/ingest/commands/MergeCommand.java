package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.Command;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

/** {@code sqoop merge}: not in this build yet; says so instead of pretending. */
public final class MergeCommand implements Command {
  @Override
  public String name() {
    return "merge";
  }

  @Override
  public String description() {
    return "Merge results of incremental imports (not yet supported in this build)";
  }

  @Override
  public Options options() {
    Options o = OptionSets.common();
    for (String name : new String[] {"new-data", "onto", "target-dir", "merge-key", "class-name", "jar-file"}) {
      o.addOption(org.apache.commons.cli.Option.builder().longOpt(name).hasArg().desc("as in Sqoop").build());
    }
    return o;
  }

  @Override
  public String examples() {
    return "  (not yet supported) use 'sqoop import --incremental append' into a new directory instead\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) {
    throw new IngestException("sqoop merge is not yet supported in this build: import with --incremental append, or "
        + "re-import the table with --delete-target-dir");
  }
}
