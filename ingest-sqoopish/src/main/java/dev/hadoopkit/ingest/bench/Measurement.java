package dev.hadoopkit.ingest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the report: an operation's wall and job seconds over the repetitions, each paired with the reference run
 * measured right before it, and the goal its ratio (reference wall ÷ operation wall, i.e. rows/s ÷ rows/s) should meet.
 */
final class Measurement {
  private final String label;
  private final double goal;
  private final List<Double> walls = new ArrayList<>();
  private final List<Double> jobs = new ArrayList<>();
  private final List<Double> ratios = new ArrayList<>();

  /** @param goal the ratio to reach, or NaN for none */
  Measurement(String label, double goal) {
    this.label = label;
    this.goal = goal;
  }

  void add(double wall, double job, double referenceWall) {
    walls.add(wall);
    if (!Double.isNaN(job)) {
      jobs.add(job);
    }
    ratios.add(referenceWall / wall);
  }

  String label() {
    return label;
  }

  double wall() {
    return median(walls);
  }

  double ratio() {
    return median(ratios);
  }

  /** The markdown row: operation, wall s, job s, rows/s, ratio, goal (with whether it is met). */
  String row(long rows) {
    String job = jobs.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", median(jobs));
    String goalText = "";
    if (!Double.isNaN(goal)) {
      goalText = String.format(Locale.ROOT, "≥ %.2f %s", goal, ratio() + 1e-9 >= goal ? "met" : "**not met**");
    }
    return String.format(Locale.ROOT, "| %s | %.2f | %s | %d | %.2f | %s |", label, wall(), job, Math.round(rows / wall()),
        ratio(), goalText);
  }

  /** The reference's own row: its median wall, ratio 1. */
  static String referenceRow(String label, List<Double> walls, long rows) {
    double wall = median(walls);
    return String.format(Locale.ROOT, "| %s | %.2f | | %d | 1.00 | |", label, wall, Math.round(rows / wall));
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
