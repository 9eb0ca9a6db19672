package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

/** {@code sqoop list-tables}: the tables of the database in --connect (PostgreSQL: the current schema). */
final class ListTablesCommand implements SqoopTool {
  @Override
  public String name() {
    return "list-tables";
  }

  @Override
  public String description() {
    return "List available tables in a database";
  }

  @Override
  public Options options() {
    return OptionSets.common();
  }

  @Override
  public String examples() {
    return "  sqoop list-tables --connect jdbc:mysql://localhost/movielens --username root\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) {
    Session session = Session.from(args, conf, console);
    return ListDatabasesCommand.listNames(session, session.spec().dialect().listTablesSql(), "tables", console);
  }
}
