package dev.hadoopkit.workflow.scheduler.bench;

import java.util.List;

/** One row of a bench's table: the scenario, what was measured, the goal, and a reference measured in the same run. */
public record BenchRow(String scenario, String measured, String goal, boolean pass, String reference) {

  /** The rows as a Markdown table (what docs/benchmarks.md records). */
  public static String table(List<BenchRow> rows) {
    StringBuilder text = new StringBuilder("| scenario | measured | goal | result | reference (same run) |\n"
        + "|---|---|---|---|---|\n");
    for (BenchRow row : rows) {
      text.append("| ").append(row.scenario()).append(" | ").append(row.measured()).append(" | ")
          .append(row.goal()).append(" | ").append(row.pass() ? "pass" : "**miss**").append(" | ")
          .append(row.reference()).append(" |\n");
    }
    return text.toString();
  }

  /** The row as the bench prints it when its scenario ends. */
  String line() {
    return "  " + scenario + ": " + measured + " (goal " + goal + ", " + (pass ? "pass" : "MISS") + "; reference "
        + reference + ")";
  }
}
