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
 *
 * <p>Long edges into one target share a trunk of virtual nodes. The trunk is drawn once, by the edge that enters it
 * highest; the others end where they join it, without an arrowhead. Drawing each to the target would draw the trunk
 * again per edge: a 200-action chain whose errors all go to one kill node would be 200 copies of a 200-layer line
 * (megabytes of SVG), and overlapping dashed lines out of step read as one solid line.
 */
final class EdgeRoutes {
  private static final double PORT_GAP = 14;

  private EdgeRoutes() {
  }

  /**
   * One routed edge: its SVG path, whether it ends at its target (with an arrowhead) or where it joins a trunk
   * drawn by another edge, and where a label belongs: {x, y, x', y'}, the S-curve across the gap below the source.
   */
  record Route(GraphEdge edge, String path, boolean reachesTarget, double[] labelAnchor) {
  }

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
    // per trunk (known by its last virtual node), the edge that draws it: the one entering it highest
    Map<String, Integer> drawsTrunk = new HashMap<>();
    stations.forEach((i, chain) -> {
      if (chain.size() > 2) {
        drawsTrunk.merge(chain.get(chain.size() - 2), i,
            (a, b) -> stations.get(b).size() > stations.get(a).size() ? b : a);
      }
    });
    java.util.Set<String> labelled = new java.util.HashSet<>();
    edges.stream().filter(e -> e.label() != null).forEach(e -> labelled.add(e.from()));
    Map<Integer, Double> out = ports(stations, at, shapes, true, labelled);
    Map<Integer, Double> in = ports(stations, at, shapes, false, labelled);
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> e : stations.entrySet()) {
      List<String> chain = e.getValue();
      boolean whole = chain.size() == 2 || drawsTrunk.get(chain.get(chain.size() - 2)).equals(e.getKey());
      routes.add(route(edges.get(e.getKey()), chain, out.get(e.getKey()), in.get(e.getKey()), whole, at, shapes,
          band));
    }
    return routes;
  }

  /**
   * Port offsets from the node's centre: outgoing edges each get their own, in the order of the x they go to next;
   * incoming edges the same, except that edges arriving through one shared virtual node (a trunk) share a port.
   */
  private static Map<Integer, Double> ports(Map<Integer, List<String>> stations, Map<String, double[]> at,
      Map<String, NodeShape> shapes, boolean outgoing, java.util.Set<String> labelled) {
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
      // a decision's labelled edges leave as far apart as its width allows: room for their labels
      double[] dx = spread(keys.stream().mapToDouble(k -> keyX.get(k) - at.get(node)[0]).toArray(),
          shapes.get(node).portSpan(), outgoing && labelled.contains(node) ? Double.MAX_VALUE : PORT_GAP);
      for (int k = 0; k < keys.size(); k++) {
        double offset = dx[k];
        groups.get(keys.get(k)).forEach(i -> offsets.put(i, offset));
      }
    });
    return offsets;
  }

  /**
   * Port offsets as near as may be to where each edge heads (so an edge to the node straight below runs straight),
   * in that order, at least minGap px apart (less when the node is too narrow for that), within ±span.
   */
  static double[] spread(double[] wished, double span, double minGap) {
    int n = wished.length;
    double gap = n < 2 ? 0 : Math.min(minGap, 2 * span / (n - 1));
    double[] clamped = new double[n];
    double[] weight = new double[n];
    double[] offset = new double[n];
    for (int k = 0; k < n; k++) {
      clamped[k] = Math.max(-span, Math.min(span, wished[k]));
      weight[k] = 1;
      offset[k] = k * gap;
    }
    double[] dx = Coordinates.isotonic(clamped, weight, offset);
    // clamping the monotone part (dx - offset) keeps it monotone and is the best fit within the bounds: the first
    // port no further left than -span, the last no further right than span, the gaps kept
    double high = span - (n - 1) * gap;
    for (int k = 0; k < n; k++) {
      dx[k] = Math.max(-span, Math.min(high, dx[k] - offset[k])) + offset[k];
    }
    return dx;
  }

  private static Route route(GraphEdge edge, List<String> chain, double dxOut, double dxIn, boolean whole,
      Map<String, double[]> at, Map<String, NodeShape> shapes, double band) {
    double[] from = at.get(edge.from());
    double[] to = at.get(edge.to());
    double[] start = {from[0] + dxOut, from[1] + shapes.get(edge.from()).bottom(dxOut)};
    double[] end = {to[0] + dxIn, to[1] + shapes.get(edge.to()).top(dxIn)};
    if (to[1] <= from[1]) {
      // only in a cyclic (invalid) workflow: a straight line, at least drawn
      return new Route(edge, "M" + p(start) + " L" + p(end), true, new double[] {start[0], start[1], end[0], end[1]});
    }
    StringBuilder d = new StringBuilder("M").append(p(start));
    double[] below = {start[0], from[1] + band};
    d.append(" L").append(p(below));
    double[] current = below;
    double[] heading = null;
    for (int k = 1; k < chain.size() - 1; k++) {
      double[] v = at.get(chain.get(k));
      double[] top = {v[0], v[1] - band};
      curve(d, current, top);
      heading = heading == null ? top : heading;
      if (!whole) {
        return new Route(edge, d.toString(), false, new double[] {below[0], below[1], heading[0], heading[1]});
      }
      current = new double[] {v[0], v[1] + band};
      d.append(" L").append(p(current));
    }
    double[] above = {end[0], to[1] - band};
    curve(d, current, above);
    heading = heading == null ? above : heading;
    d.append(" L").append(p(end));
    return new Route(edge, d.toString(), true, new double[] {below[0], below[1], heading[0], heading[1]});
  }

  /** The x of {@link #curve}'s cubic from a to b where it crosses height y (its y grows with t: bisection). */
  static double curveX(double[] a, double[] b, double y) {
    double middle = (a[1] + b[1]) / 2;
    double low = 0;
    double high = 1;
    for (int k = 0; k < 40; k++) {
      double t = (low + high) / 2;
      double u = 1 - t;
      double at = u * u * u * a[1] + 3 * u * u * t * middle + 3 * u * t * t * middle + t * t * t * b[1];
      if (at < y) {
        low = t;
      } else {
        high = t;
      }
    }
    double t = (low + high) / 2;
    double u = 1 - t;
    return u * u * u * a[0] + 3 * u * u * t * a[0] + 3 * u * t * t * b[0] + t * t * t * b[0];
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

  private static String p(double[] point) {
    return SvgGraph.number(point[0]) + "," + SvgGraph.number(point[1]);
  }
}
