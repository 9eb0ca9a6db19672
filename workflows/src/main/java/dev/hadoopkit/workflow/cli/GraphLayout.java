package dev.hadoopkit.workflow.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered layout of a DAG, no Hadoop or workflow types: each node's layer is its longest path from the sources
 * (the start node); an edge spanning more than one layer gets a virtual node in each layer it crosses (Sugiyama's
 * dummy nodes), so that it is ordered with the real nodes and later drawn through the gaps between them instead of
 * across their boxes. Long edges into the same target and of the same group share their virtual nodes from the
 * layer below their first source down (a trunk, like Graphviz's concentrate): five error edges into one kill node
 * are one line with branches, not five parallel lines, and a 200-action chain does not get 20,000 virtual nodes.
 * Then the nodes of each layer are ordered to reduce edge crossings with barycenter sweeps (down, using the
 * positions of predecessors; up, using successors). Immutable result: layer and position of every node, real or
 * virtual; for each edge (by its index in the input) the virtual nodes it passes, top to bottom; and the graph as
 * drawn, between adjacent layers only (predecessors, successors).
 */
record GraphLayout(Map<String, Integer> layer, Map<String, Integer> position, List<List<String>> layers,
    Map<Integer, List<String>> routes, Set<String> virtual, Map<String, List<String>> predecessors,
    Map<String, List<String>> successors) {
  private static final int SWEEPS = 6;
  /** Virtual names start with a control character, which no workflow node name (an XML NCName-ish) contains. */
  private static final String VIRTUAL_PREFIX = "\u0001";

  /**
   * Lays out the nodes (in the given order, which breaks ties) with the edges {from, to} or {from, to, group}: long
   * edges share virtual nodes only with edges of the same target and group (error edges are not drawn along ok ones).
   */
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
      if (!usable(edge, successors)) {
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

    // virtual nodes: the graph that is ordered and drawn has only edges between adjacent layers
    Map<String, List<String>> down = new LinkedHashMap<>();
    Map<String, List<String>> up = new LinkedHashMap<>();
    nodes.forEach(n -> {
      down.put(n, new ArrayList<>());
      up.put(n, new ArrayList<>());
    });
    Set<String> virtual = new LinkedHashSet<>();
    Map<Integer, List<String>> routes = new HashMap<>();
    Map<String, Integer> trunkTop = new LinkedHashMap<>(); // per trunk: the highest layer it reaches
    Map<String, String> trunkTarget = new HashMap<>();
    for (String[] edge : edges) {
      if (usable(edge, successors) && layer.get(edge[1]) - layer.get(edge[0]) > 1) {
        trunkTop.merge(trunk(edge), layer.get(edge[0]) + 1, Math::min);
        trunkTarget.put(trunk(edge), edge[1]);
      }
    }
    for (Map.Entry<String, Integer> trunk : trunkTop.entrySet()) {
      String previous = null;
      String target = trunkTarget.get(trunk.getKey());
      for (int l = trunk.getValue(); l < layer.get(target); l++) {
        String name = trunk.getKey() + VIRTUAL_PREFIX + l;
        virtual.add(name);
        layer.put(name, l);
        down.put(name, new ArrayList<>());
        up.put(name, new ArrayList<>());
        if (previous != null) {
          link(down, up, previous, name);
        }
        previous = name;
      }
      link(down, up, previous, target);
    }
    for (int i = 0; i < edges.size(); i++) {
      String[] edge = edges.get(i);
      if (!usable(edge, successors)) {
        continue;
      }
      int from = layer.get(edge[0]);
      int to = layer.get(edge[1]);
      List<String> route = new ArrayList<>();
      for (int l = from + 1; l < to; l++) {
        route.add(trunk(edge) + VIRTUAL_PREFIX + l);
      }
      routes.put(i, List.copyOf(route));
      String first = route.isEmpty() ? edge[1] : route.get(0);
      if (!down.get(edge[0]).contains(first)) {
        link(down, up, edge[0], first);
      }
    }

    int depth = layer.values().stream().max(Integer::compare).orElse(0);
    List<List<String>> layers = new ArrayList<>();
    for (int i = 0; i <= depth; i++) {
      layers.add(new ArrayList<>());
    }
    nodes.forEach(n -> layers.get(layer.get(n)).add(n));
    virtual.forEach(n -> layers.get(layer.get(n)).add(n));

    Map<String, Integer> position = new HashMap<>();
    positions(layers, position);
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean downwards = sweep % 2 == 0;
      for (int k = 0; k < layers.size(); k++) {
        int i = downwards ? k : layers.size() - 1 - k;
        Map<String, List<String>> neighbours = downwards ? up : down;
        List<String> row = layers.get(i);
        Map<String, Double> barycenter = new HashMap<>();
        for (String node : row) {
          List<String> around = neighbours.get(node);
          barycenter.put(node, around.isEmpty() ? position.get(node)
              : around.stream().mapToInt(position::get).average().orElse(position.get(node)));
        }
        row.sort(Comparator.comparingDouble(barycenter::get)); // stable: ties keep the current order
        positions(List.of(row), position); // only this row moved
      }
    }
    List<List<String>> frozen = layers.stream().map(List::copyOf).toList();
    return new GraphLayout(Map.copyOf(layer), Map.copyOf(position), frozen, Map.copyOf(routes), Set.copyOf(virtual),
        freeze(up), freeze(down));
  }

  /** The name shared by the virtual nodes of the long edges into one target of one group. */
  private static String trunk(String[] edge) {
    return VIRTUAL_PREFIX + (edge.length > 2 ? edge[2] : "") + VIRTUAL_PREFIX + edge[1];
  }

  private static boolean usable(String[] edge, Map<String, List<String>> nodes) {
    return nodes.containsKey(edge[0]) && nodes.containsKey(edge[1]) && !edge[0].equals(edge[1]);
  }

  private static void link(Map<String, List<String>> down, Map<String, List<String>> up, String from, String to) {
    down.get(from).add(to);
    up.get(to).add(from);
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> adjacency) {
    Map<String, List<String>> out = new HashMap<>();
    adjacency.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }

  private static void positions(List<List<String>> layers, Map<String, Integer> position) {
    for (List<String> row : layers) {
      for (int i = 0; i < row.size(); i++) {
        position.put(row.get(i), i);
      }
    }
  }

  boolean isVirtual(String node) {
    return virtual.contains(node);
  }

  /** The widest layer, virtual nodes included. */
  int width() {
    return layers.stream().mapToInt(List::size).max().orElse(0);
  }
}
