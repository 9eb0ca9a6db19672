package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

/** {@code sqoop import-all-tables}: one import per table into --warehouse-dir/TABLE; stops at the first failure. */
final class ImportAllTablesCommand implements SqoopTool {
  @Override
  public String name() {
    return "import-all-tables";
  }

  @Override
  public String description() {
    return "Import tables from a database to HDFS";
  }

  @Override
  public Options options() {
    return OptionSets.forImportAll();
  }

  @Override
  public String examples() {
    return "  sqoop import-all-tables --connect jdbc:mysql://localhost/movielens --username root --warehouse-dir /data/movielens \\\n"
        + "      --exclude-tables genres_movies --autoreset-to-one-mapper\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) throws Exception {
    for (String option : new String[] {"table", "target-dir", "query", "where", "columns", "split-by", "boundary-query", "incremental"}) {
      if (args.has(option)) {
        throw new UsageException("--" + option + " cannot be used with import-all-tables (it applies to one table): use 'sqoop import'");
      }
    }
    Set<String> excluded = new HashSet<>();
    for (String t : args.getList("exclude-tables")) {
      excluded.add(t.toLowerCase(Locale.ROOT));
    }
    Session session = Session.from(args, conf, console);
    List<String> tables = new ArrayList<>();
    try (Connection c = session.open(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(session.spec().dialect().listTablesSql())) {
      while (rs.next()) {
        String t = rs.getString(1);
        if (!excluded.contains(t.toLowerCase(Locale.ROOT))) {
          tables.add(t);
        }
      }
    } catch (SQLException e) {
      throw new IngestException("Cannot list the tables of " + session.spec().displayUrl() + ": " + session.scrub(e.getMessage()), e);
    }
    ImportCommand importer = new ImportCommand();
    long total = 0;
    for (String table : tables) {
      console.info("Importing table " + table + " (" + (tables.indexOf(table) + 1) + " of " + tables.size() + ")");
      try {
        total += importer.runImport(args, conf, console, table).rows();
      } catch (IngestException e) {
        throw new IngestException("import-all-tables stopped at table " + table + ": " + e.getMessage()
            + (tables.indexOf(table) > 0 ? " (the tables before it were imported)" : ""), e);
      }
    }
    console.info("Imported " + tables.size() + " tables, " + total + " records.");
    return 0;
  }
}
