package dev.hadoopkit.workflow.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path of every edge of a placed {@link GraphLayout}. Nodes sit in horizontal bands (layer y ± band) and
 * nothing but edges is drawn between bands, so an edge is routed as: straight down out of its source at its port,
 * an S-curve across the gap (a cubic whose control points stay inside the gap, so it never enters a band), straight
 * down through each layer it crosses at its virtual node (placed clear of the boxes there), and so on to a port on
 * its target, where it ends exactly on the target's outline ({@link NodeShape#top}): the arrowhead touches a bar, a
 * circle or a diamond rather than stopping at a bounding box or inside it. Ports spread the edges of one node along
 * its width, in the order of where they come from or go to, so they neither overlap nor cross at the node.
 */
final class EdgeRoutes {
  private EdgeRoutes() {
  }

  /**
   * One routed edge: its SVG path, where a label belongs (the start of the gap below the source) and the dash offset
   * that puts its dashes in step with the other edges of its trunk: overlapping dashed lines out of step would
   * read as one solid line.
   */
  record Route(GraphEdge edge, String path, double[] end, double[] labelAnchor, double dashOffset) {
  }

  /** The dash pattern's period (6 on, 4 off) of dashed (error) edges. */
  static final double DASH_PERIOD = 10;

  static List<Route> of(GraphLayout layout, List<GraphEdge> edges, Map<String, double[]> at,
      Map<String, NodeShape> shapes, double band) {
    Map<Integer, List<String>> stations = new LinkedHashMap<>();
    for (int i = 0; i < edges.size(); i++) {
      GraphEdge edge = edges.get(i);
      List<String> via = layout.routes().get(i);
      if (via == null || !at.containsKey(edge.from()) || !at.containsKey(edge.to())) {
        continue;
      }
      List<String> chain = new ArrayList<>();
      chain.add(edge.from());
      chain.addAll(via);
      chain.add(edge.to());
      stations.put(i, chain);
    }
    Map<Integer, Double> out = ports(stations, at, shapes, true);
    Map<Integer, Double> in = ports(stations, at, shapes, false);
    Map<String, Double> trunkLength = new HashMap<>();
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> e : stations.entrySet()) {
      routes.add(route(edges.get(e.getKey()), e.getValue(), out.get(e.getKey()), in.get(e.getKey()), at, shapes,
          band, v -> trunkLength(v, layout, at, band, trunkLength)));
    }
    return routes;
  }

  /** The length along a trunk from its first virtual node's top to the top of virtual node v. */
  private static double trunkLength(String v, GraphLayout layout, Map<String, double[]> at, double band,
      Map<String, Double> memo) {
    Double known = memo.get(v);
    if (known != null) {
      return known;
    }
    String previous = layout.predecessors().getOrDefault(v, List.of()).stream().filter(layout::isVirtual)
        .findFirst().orElse(null);
    double length = 0;
    if (previous != null) {
      double[] p = at.get(previous);
      double[] q = at.get(v);
      length = trunkLength(previous, layout, at, band, memo) + 2 * band
          + curveLength(new double[] {p[0], p[1] + band}, new double[] {q[0], q[1] - band});
    }
    memo.put(v, length);
    return length;
  }

  /**
   * Port offsets from the node's centre: outgoing edges each get their own, in the order of the x they go to next;
   * incoming edges the same, except that edges arriving through one shared virtual node (a trunk) share a port.
   */
  private static Map<Integer, Double> ports(Map<Integer, List<String>> stations, Map<String, double[]> at,
      Map<String, NodeShape> shapes, boolean outgoing) {
    Map<String, Map<String, List<Integer>>> byNode = new LinkedHashMap<>();
    Map<String, Double> keyX = new HashMap<>();
    for (Map.Entry<Integer, List<String>> e : stations.entrySet()) {
      List<String> chain = e.getValue();
      String node = outgoing ? chain.get(0) : chain.get(chain.size() - 1);
      String other = outgoing ? chain.get(1) : chain.get(chain.size() - 2);
      boolean shared = !outgoing && !shapes.containsKey(other); // a virtual node: one line into the target
      String key = shared ? "v" + other : "e" + e.getKey();
      keyX.put(key, at.get(other)[0]);
      byNode.computeIfAbsent(node, n -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>())
          .add(e.getKey());
    }
    Map<Integer, Double> offsets = new HashMap<>();
    byNode.forEach((node, groups) -> {
      List<String> keys = new ArrayList<>(groups.keySet());
      keys.sort(Comparator.comparingDouble(keyX::get)); // stable: same x keeps the edges' order
      double span = shapes.get(node).portSpan();
      for (int k = 0; k < keys.size(); k++) {
        double dx = keys.size() == 1 ? 0 : -span + 2 * span * k / (keys.size() - 1);
        groups.get(keys.get(k)).forEach(i -> offsets.put(i, dx));
      }
    });
    return offsets;
  }

  private static Route route(GraphEdge edge, List<String> chain, double dxOut, double dxIn,
      Map<String, double[]> at, Map<String, NodeShape> shapes, double band,
      java.util.function.ToDoubleFunction<String> trunkLength) {
    double[] from = at.get(edge.from());
    double[] to = at.get(edge.to());
    double[] start = {from[0] + dxOut, from[1] + shapes.get(edge.from()).bottom(dxOut)};
    double[] end = {to[0] + dxIn, to[1] + shapes.get(edge.to()).top(dxIn)};
    if (to[1] <= from[1]) {
      // only in a cyclic (invalid) workflow: a straight line, at least drawn
      return new Route(edge, "M" + p(start) + " L" + p(end), end, new double[] {start[0], start[1], end[0]}, 0);
    }
    StringBuilder d = new StringBuilder("M").append(p(start));
    double[] at0 = {start[0], from[1] + band};
    d.append(" L").append(p(at0));
    double[] current = at0;
    double[] firstTarget = null;
    double dashOffset = 0;
    for (int k = 1; k < chain.size() - 1; k++) {
      double[] v = at.get(chain.get(k));
      double[] top = {v[0], v[1] - band};
      curve(d, current, top);
      if (firstTarget == null) {
        // where this edge joins its trunk: from here on it lies on the trunk, so its dashes must be the trunk's
        double joined = (at0[1] - start[1]) + curveLength(current, top);
        double offset = (trunkLength.applyAsDouble(chain.get(k)) - joined) % DASH_PERIOD;
        dashOffset = offset < 0 ? offset + DASH_PERIOD : offset;
        firstTarget = top;
      }
      current = new double[] {v[0], v[1] + band};
      d.append(" L").append(p(current));
    }
    double[] above = {end[0], to[1] - band};
    curve(d, current, above);
    firstTarget = firstTarget == null ? above : firstTarget;
    d.append(" L").append(p(end));
    return new Route(edge, d.toString(), end, new double[] {at0[0], at0[1], firstTarget[0]}, dashOffset);
  }

  /** A cubic from a to b (b below a) leaving and arriving vertically: it stays in the box spanned by a and b. */
  private static void curve(StringBuilder d, double[] a, double[] b) {
    if (Math.abs(a[0] - b[0]) < 0.01) {
      d.append(" L").append(p(b));
      return;
    }
    double middle = (a[1] + b[1]) / 2;
    d.append(" C").append(p(new double[] {a[0], middle})).append(" ").append(p(new double[] {b[0], middle}))
        .append(" ").append(p(b));
  }

  /** The length of {@link #curve}'s cubic from a to b, summed over short chords. */
  static double curveLength(double[] a, double[] b) {
    double middle = (a[1] + b[1]) / 2;
    double length = 0;
    double[] last = a;
    for (int k = 1; k <= 48; k++) {
      double t = k / 48.0;
      double u = 1 - t;
      double x = u * u * u * a[0] + 3 * u * u * t * a[0] + 3 * u * t * t * b[0] + t * t * t * b[0];
      double y = u * u * u * a[1] + 3 * u * u * t * middle + 3 * u * t * t * middle + t * t * t * b[1];
      length += Math.hypot(x - last[0], y - last[1]);
      last = new double[] {x, y};
    }
    return length;
  }

  private static String p(double[] point) {
    return SvgGraph.number(point[0]) + "," + SvgGraph.number(point[1]);
  }
}
