package dev.hadoopkit.workflow.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered layout of a DAG, no Hadoop or workflow types: each node's layer is its longest path from the sources
 * (the start node), then the nodes of each layer are ordered to reduce edge crossings with barycenter sweeps (down,
 * using the positions of predecessors; up, using successors). Immutable result: layer and position of every node.
 */
record GraphLayout(Map<String, Integer> layer, Map<String, Integer> position, List<List<String>> layers) {
  private static final int SWEEPS = 4;

  /** Lays out the nodes (in the given order, which breaks ties) with the edges {from, to}. */
  static GraphLayout of(List<String> nodes, List<String[]> edges) {
    Map<String, List<String>> successors = new LinkedHashMap<>();
    Map<String, List<String>> predecessors = new LinkedHashMap<>();
    Map<String, Integer> inDegree = new HashMap<>();
    for (String node : nodes) {
      successors.put(node, new ArrayList<>());
      predecessors.put(node, new ArrayList<>());
      inDegree.put(node, 0);
    }
    for (String[] edge : edges) {
      if (!successors.containsKey(edge[0]) || !successors.containsKey(edge[1]) || edge[0].equals(edge[1])) {
        continue;
      }
      successors.get(edge[0]).add(edge[1]);
      predecessors.get(edge[1]).add(edge[0]);
      inDegree.merge(edge[1], 1, Integer::sum);
    }
    // longest path layering in topological order (Kahn); a validated workflow has no cycle, but nodes left in a
    // cycle are put one layer below their deepest placed predecessor rather than lost
    Map<String, Integer> layer = new LinkedHashMap<>();
    Deque<String> ready = new ArrayDeque<>();
    nodes.stream().filter(n -> inDegree.get(n) == 0).forEach(ready::add);
    nodes.forEach(n -> layer.put(n, 0));
    int placed = 0;
    while (!ready.isEmpty()) {
      String node = ready.removeFirst();
      placed++;
      for (String next : successors.get(node)) {
        layer.put(next, Math.max(layer.get(next), layer.get(node) + 1));
        if (inDegree.merge(next, -1, Integer::sum) == 0) {
          ready.addLast(next);
        }
      }
    }
    if (placed < nodes.size()) {
      for (String node : nodes) {
        for (String previous : predecessors.get(node)) {
          layer.put(node, Math.max(layer.get(node), layer.get(previous) + 1));
        }
      }
    }
    int depth = layer.values().stream().max(Integer::compare).orElse(0);
    List<List<String>> layers = new ArrayList<>();
    for (int i = 0; i <= depth; i++) {
      layers.add(new ArrayList<>());
    }
    nodes.forEach(n -> layers.get(layer.get(n)).add(n));

    Map<String, Integer> position = new HashMap<>();
    positions(layers, position);
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean down = sweep % 2 == 0;
      for (int k = 0; k < layers.size(); k++) {
        int i = down ? k : layers.size() - 1 - k;
        Map<String, List<String>> neighbours = down ? predecessors : successors;
        List<String> row = layers.get(i);
        Map<String, Double> barycenter = new HashMap<>();
        for (String node : row) {
          List<String> around = neighbours.get(node);
          barycenter.put(node, around.isEmpty() ? position.get(node)
              : around.stream().mapToInt(position::get).average().orElse(position.get(node)));
        }
        row.sort(Comparator.comparingDouble(barycenter::get)); // stable: ties keep the current order
        positions(layers, position);
      }
    }
    List<List<String>> frozen = layers.stream().map(List::copyOf).toList();
    return new GraphLayout(Map.copyOf(layer), Map.copyOf(position), frozen);
  }

  private static void positions(List<List<String>> layers, Map<String, Integer> position) {
    for (List<String> row : layers) {
      for (int i = 0; i < row.size(); i++) {
        position.put(row.get(i), i);
      }
    }
  }

  int width() {
    return layers.stream().mapToInt(List::size).max().orElse(0);
  }
}
