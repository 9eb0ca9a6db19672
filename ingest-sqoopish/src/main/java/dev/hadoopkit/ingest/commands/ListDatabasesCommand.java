package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

/** {@code sqoop list-databases}: one database name per line on stdout. */
final class ListDatabasesCommand implements SqoopTool {
  @Override
  public String name() {
    return "list-databases";
  }

  @Override
  public String description() {
    return "List available databases on a server";
  }

  @Override
  public Options options() {
    return OptionSets.common();
  }

  @Override
  public String examples() {
    return "  sqoop list-databases --connect jdbc:mysql://localhost/ --username root -P\n"
        + "  sqoop list-databases --connect jdbc:postgresql://localhost/postgres --username postgres\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) {
    Session session = Session.from(args, conf, console);
    return listNames(session, session.spec().dialect().listDatabasesSql(), "databases", console);
  }

  static int listNames(Session session, String sql, String what, Console console) {
    try (Connection c = session.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        console.out().println(rs.getString(1));
      }
      return 0;
    } catch (SQLException e) {
      throw new IngestException("Cannot list " + what + " on " + session.spec().displayUrl() + ": " + session.scrub(e.getMessage()), e);
    }
  }
}
