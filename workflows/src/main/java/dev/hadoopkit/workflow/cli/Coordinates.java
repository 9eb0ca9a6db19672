package dev.hadoopkit.workflow.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Horizontal coordinates for a {@link GraphLayout}, keeping its order within each layer: every node is pulled
 * towards the mean x of its neighbours in the layer above (then below, alternating; see {@link #alike}), and the
 * pulls of one layer are reconciled with the minimum distances between neighbours by a weighted isotonic regression
 * (pool adjacent violators): the positions closest, in least squares, to the wished ones that keep order and
 * spacing. Virtual nodes weigh more, so long edges run straight down through the gaps. Immutable result.
 */
record Coordinates(Map<String, Double> x, double width) {
  private static final int PASSES = 12;
  private static final double VIRTUAL_WEIGHT = 4;

  /**
   * @param left how far a node extends left of its x
   * @param right how far it extends right
   * @param gap the empty space between two neighbours in a layer
   */
  static Coordinates of(GraphLayout layout, ToDoubleFunction<String> left, ToDoubleFunction<String> right,
      Gap gap, double margin) {
    Map<String, Double> x = new HashMap<>();
    for (List<String> row : layout.layers()) {
      double at = 0;
      for (int i = 0; i < row.size(); i++) {
        at += i == 0 ? 0 : distance(row.get(i - 1), row.get(i), left, right, gap);
        x.put(row.get(i), at);
      }
      double shift = -at / 2; // centred on 0 to start with
      row.forEach(n -> x.put(n, x.get(n) + shift));
    }
    for (int pass = 0; pass < PASSES; pass++) {
      boolean downwards = pass % 2 == 0;
      List<List<String>> rows = layout.layers();
      for (int k = 0; k < rows.size(); k++) {
        List<String> row = rows.get(downwards ? k : rows.size() - 1 - k);
        Map<String, List<String>> neighbours = downwards ? layout.predecessors() : layout.successors();
        double[] wished = new double[row.size()];
        double[] weight = new double[row.size()];
        double[] offset = new double[row.size()];
        for (int i = 0; i < row.size(); i++) {
          String node = row.get(i);
          List<String> around = alike(node, neighbours.getOrDefault(node, List.of()), layout);
          wished[i] = around.isEmpty() ? x.get(node) : around.stream().mapToDouble(x::get).average().orElseThrow();
          weight[i] = layout.isVirtual(node) ? VIRTUAL_WEIGHT : 1;
          offset[i] = i == 0 ? 0 : offset[i - 1] + distance(row.get(i - 1), node, left, right, gap);
        }
        double[] placed = isotonic(wished, weight, offset);
        for (int i = 0; i < row.size(); i++) {
          x.put(row.get(i), placed[i]);
        }
      }
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Map.Entry<String, Double> node : x.entrySet()) {
      min = Math.min(min, node.getValue() - left.applyAsDouble(node.getKey()));
      max = Math.max(max, node.getValue() + right.applyAsDouble(node.getKey()));
    }
    if (x.isEmpty()) {
      return new Coordinates(Map.of(), 2 * margin);
    }
    double shift = margin - min;
    Map<String, Double> shifted = new HashMap<>();
    x.forEach((n, v) -> shifted.put(n, v + shift));
    return new Coordinates(Map.copyOf(shifted), max - min + 2 * margin);
  }

  /**
   * The neighbours a node lines up with: those of its own sort (real or virtual) when it has any. An action pulled
   * both by the next action and by the trunk its error edge joins would move half-way each layer, and a 200-action
   * chain would drift diagonally across thousands of pixels; a trunk pulled by each branch joining it would zigzag.
   */
  private static List<String> alike(String node, List<String> around, GraphLayout layout) {
    boolean virtual = layout.isVirtual(node);
    List<String> same = around.stream().filter(n -> layout.isVirtual(n) == virtual).toList();
    return same.isEmpty() ? around : same;
  }

  /** The space between the centres of two neighbours in a layer. */
  interface Gap {
    double between(String leftNode, String rightNode);
  }

  private static double distance(String a, String b, ToDoubleFunction<String> left, ToDoubleFunction<String> right,
      Gap gap) {
    return right.applyAsDouble(a) + gap.between(a, b) + left.applyAsDouble(b);
  }

  /**
   * x[i] = y[i] + offset[i] with y non-decreasing minimising sum weight[i] (x[i] - wished[i])^2: offsets are the
   * minimum distances from the first node, so non-decreasing y is exactly "in order and far enough apart".
   */
  static double[] isotonic(double[] wished, double[] weight, double[] offset) {
    int n = wished.length;
    List<double[]> blocks = new ArrayList<>(); // {mean, weight, count}
    for (int i = 0; i < n; i++) {
      double[] block = {wished[i] - offset[i], weight[i], 1};
      while (!blocks.isEmpty() && blocks.get(blocks.size() - 1)[0] > block[0]) {
        double[] last = blocks.remove(blocks.size() - 1);
        double w = last[1] + block[1];
        block = new double[] {(last[0] * last[1] + block[0] * block[1]) / w, w, last[2] + block[2]};
      }
      blocks.add(block);
    }
    double[] out = new double[n];
    int i = 0;
    for (double[] block : blocks) {
      for (int k = 0; k < block[2]; k++, i++) {
        out[i] = block[0] + offset[i];
      }
    }
    return out;
  }
}
