package dev.hadoopkit.jobs.output;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as an aligned text table; numeric columns are right-aligned. */
public final class TablePrinter {

  private TablePrinter() {
  }

  /** Prints at most {@code limit} rows and says how many were left out. */
  public static void print(PrintStream out, List<String> columns, List<String[]> rows, int limit) {
    int shown = Math.min(limit, rows.size());
    int[] widths = new int[columns.size()];
    boolean[] numeric = new boolean[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).length();
      numeric[c] = shown > 0;
    }
    for (int r = 0; r < shown; r++) {
      String[] row = rows.get(r);
      for (int c = 0; c < widths.length && c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
        numeric[c] &= row[c].matches("-?[0-9]+(\\.[0-9]+)?");
      }
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      line.append(c == 0 ? "" : "  ").append(pad(columns.get(c), widths[c], numeric[c]));
    }
    out.println(line.toString().stripTrailing());
    line.setLength(0);
    for (int c = 0; c < widths.length; c++) {
      line.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
    }
    out.println(line);
    for (int r = 0; r < shown; r++) {
      line.setLength(0);
      String[] row = rows.get(r);
      for (int c = 0; c < widths.length; c++) {
        line.append(c == 0 ? "" : "  ").append(pad(c < row.length ? row[c] : "", widths[c], numeric[c]));
      }
      out.println(line.toString().stripTrailing());
    }
    if (rows.size() > shown) {
      out.println("... " + (rows.size() - shown) + " more rows (" + rows.size() + " in all)");
    }
  }

  private static String pad(String value, int width, boolean right) {
    String padding = " ".repeat(Math.max(0, width - value.length()));
    return right ? padding + value : value + padding;
  }
}
