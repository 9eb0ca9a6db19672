package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.DisplayWidth;
import dev.hadoopkit.ingest.cli.OptionSets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

/** {@code sqoop eval --query SQL}: runs one statement and prints its rows as a table, or the affected row count. */
final class EvalCommand implements SqoopTool {
  private static final int MAX_ROWS = 10_000;

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String description() {
    return "Evaluate a SQL statement and display the results";
  }

  @Override
  public Options options() {
    return OptionSets.forEval();
  }

  @Override
  public String examples() {
    return "  sqoop eval --connect jdbc:mysql://localhost/movielens --username root --query 'SELECT COUNT(*) FROM ratings'\n"
        + "  sqoop eval --connect jdbc:postgresql://localhost/db -e \"DELETE FROM t WHERE id < 10\"\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) {
    String sql = args.require("query", "give the statement to run with --query (or -e)");
    Session session = Session.from(args, conf, console);
    try (Connection c = session.open(); Statement s = c.createStatement()) {
      s.setMaxRows(MAX_ROWS);
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          printTable(rs, console);
        }
      } else {
        console.out().println(s.getUpdateCount() + " row(s) updated.");
      }
      return 0;
    } catch (SQLException e) {
      throw new IngestException("SQL error in --query: " + session.scrub(e.getMessage()), e);
    }
  }

  static void printTable(ResultSet rs, Console console) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    int[] width = new int[n];
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      header[i] = md.getColumnLabel(i + 1);
      width[i] = DisplayWidth.of(header[i]);
    }
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        String v = rs.getString(i + 1);
        row[i] = v == null ? "(null)" : v;
        width[i] = Math.max(width[i], DisplayWidth.of(row[i]));
      }
      rows.add(row);
    }
    StringBuilder rule = new StringBuilder();
    for (int w : width) {
      rule.append("-".repeat(w + 3));
    }
    rule.append('-');
    console.out().println(rule);
    console.out().println(line(header, width));
    console.out().println(rule);
    for (String[] row : rows) {
      console.out().println(line(row, width));
    }
    console.out().println(rule);
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      // Padded by display width: a Korean or Chinese character takes two terminal columns.
      b.append("| ").append(cells[i]).append(" ".repeat(width[i] - DisplayWidth.of(cells[i]) + 1));
    }
    return b.append('|').toString();
  }
}
