package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.NodeKind;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.state.RunState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The workflow DAG as SVG without Graphviz: a {@link GraphLayout} (top to bottom) placed by {@link Coordinates},
 * one {@code <g class="node …">} per node with its name (and action type) and a {@code <title>}; start and end are
 * circles, kill an octagon with a red border, decision a diamond, fork and join bars, actions rounded boxes. Edges
 * are routed by {@link EdgeRoutes} through the gaps between nodes; ok and other transitions are solid, error
 * transitions dashed red, decision cases labelled near their start on a white ground. With a run: filled by state —
 * OK green, ERROR/FAILED/KILLED and a reached kill node red, RUNNING/USER_RETRY yellow, skipped (rerun) blue, not
 * reached grey — and an action run more than once shows its attempt count. Options may collapse long chains.
 */
final class SvgGraph {
  static final String OK_FILL = "#9be39b";
  static final String FAILED_FILL = "#f4a3a3";
  static final String RUNNING_FILL = "#ffe680";
  static final String SKIPPED_FILL = "#add8e6";
  static final String NOT_REACHED_FILL = "#d9d9d9";
  static final String NO_RUN_FILL = "#ffffff";

  static final int ROW = 110;
  /** Every node shape fits in a band of this half height around its layer's y; edges bend only between bands. */
  static final int BAND = 30;
  private static final int MARGIN = 30;
  static final int BOX_WIDTH = 164;
  static final int BOX_HEIGHT = 44;
  private static final int NODE_GAP = 36;
  private static final int VIRTUAL_GAP = 16;
  private static final String CHAIN_PREFIX = "\u0002chain ";

  private SvgGraph() {
  }

  /** What is drawn as one node: a workflow node, or a collapsed chain of actions. */
  record Box(String name, Node node, List<Node> members, NodeShape shape) {
    boolean chain() {
      return !members.isEmpty();
    }
  }

  static String render(WorkflowDefinition definition, RunState state) {
    return render(definition, state, GraphOptions.DEFAULT);
  }

  static String render(WorkflowDefinition definition, RunState state, GraphOptions options) {
    Drawn drawn = Drawn.of(definition);
    GraphLayout full = layout(drawn);
    if (options.collapseChains() && height(full, drawn.edges()) > options.maxHeight()) {
      List<List<String>> chains = Chains.find(definition, drawn.edges(), n -> mustShow(n, state),
          GraphOptions.CHAIN_MIN);
      if (!chains.isEmpty()) {
        drawn = collapse(definition, chains, drawn);
        full = layout(drawn);
      }
    }
    GraphLayout layout = full;
    Map<String, Box> boxes = drawn.boxes();
    List<GraphEdge> edges = drawn.edges();
    Coordinates xs = Coordinates.of(layout, n -> layout.isVirtual(n) ? 0 : boxes.get(n).shape().halfWidth(),
        n -> layout.isVirtual(n) ? 0 : boxes.get(n).shape().halfWidth() + labelRight(boxes.get(n)),
        (a, b) -> layout.isVirtual(a) || layout.isVirtual(b) ? VIRTUAL_GAP : NODE_GAP, MARGIN);
    Map<String, double[]> at = new HashMap<>();
    double[] layerY = layerY(layout, edges);
    layout.layer().forEach((n, l) -> at.put(n, new double[] {xs.x().get(n), layerY[l]}));
    int width = (int) Math.ceil(xs.width());
    int height = height(layout, edges);
    Map<String, NodeShape> shapes = new HashMap<>();
    boxes.forEach((n, b) -> shapes.put(n, b.shape()));
    List<EdgeRoutes.Route> routes = EdgeRoutes.of(layout, edges, at, shapes, BAND);

    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" preserveAspectRatio=\"xMidYMin meet\" font-family=\"Helvetica, Arial, sans-serif\""
        + " font-size=\"12\">%n", width, height, width, height));
    svg.append("  <title>").append(escape(definition.name())).append(state == null ? "" : " — run "
        + escape(state.info().id()) + " " + state.info().status()).append("</title>\n");
    svg.append("  <defs>\n");
    marker(svg, "arrow", "#333333");
    marker(svg, "arrow-error", "#cc0000");
    svg.append("  </defs>\n");
    EdgeLabels labels = new EdgeLabels(width);
    for (EdgeRoutes.Route route : routes) {
      drawEdge(svg, route, labels);
    }
    for (Box box : boxes.values()) {
      double[] p = at.get(box.name());
      if (p != null) {
        SvgNodes.draw(svg, box, state, (int) Math.round(p[0]), (int) Math.round(p[1]));
      }
    }
    labels.draw(svg); // last: on top of every line and node
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** The boxes and edges to draw: the workflow's nodes and transitions, or those with chains collapsed. */
  private record Drawn(Map<String, Box> boxes, List<GraphEdge> edges) {
    Drawn {
      boxes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(boxes)); // keeps the definition's order
      edges = List.copyOf(edges);
    }

    static Drawn of(WorkflowDefinition definition) {
      Map<String, Box> boxes = new LinkedHashMap<>();
      definition.nodes().values().forEach(n -> boxes.put(n.name(), new Box(n.name(), n, List.of(), shape(n.kind()))));
      return new Drawn(boxes, SvgGraph.edges(definition));
    }
  }

  private static GraphLayout layout(Drawn drawn) {
    return GraphLayout.of(new ArrayList<>(drawn.boxes().keySet()),
        drawn.edges().stream().map(e -> new String[] {e.from(), e.to(), e.kind().equals("error") ? "error" : "flow"})
            .toList());
  }

  static int height(GraphLayout layout, List<GraphEdge> edges) {
    double[] y = layerY(layout, edges);
    return (int) Math.ceil(y[y.length - 1] + BAND + MARGIN);
  }

  /**
   * The y of each layer: {@value #ROW} px apart, more below a layer whose decisions have more case labels than fit
   * in a gap ({@link EdgeLabels#rows}), so that every label gets a row of its own when they would overlap.
   */
  private static double[] layerY(GraphLayout layout, List<GraphEdge> edges) {
    int[] labels = new int[Math.max(1, layout.layers().size())];
    for (GraphEdge edge : edges) {
      Integer l = layout.layer().get(edge.from());
      if (edge.label() != null && l != null && layout.layer().containsKey(edge.to())) {
        labels[l]++;
      }
    }
    double[] y = new double[labels.length];
    y[0] = MARGIN + BAND;
    for (int l = 1; l < y.length; l++) {
      y[l] = y[l - 1] + ROW + EdgeLabels.extraHeight(labels[l - 1], ROW - 2 * BAND);
    }
    return y;
  }

  static NodeShape shape(NodeKind kind) {
    return switch (kind) {
      case START, END -> new NodeShape.Circle(22);
      case KILL -> NodeShape.Polygon.octagon(26);
      case DECISION -> NodeShape.Polygon.diamond(BOX_WIDTH / 2.0, BOX_HEIGHT / 2.0);
      case FORK, JOIN -> NodeShape.Polygon.rectangle(BOX_WIDTH / 2.0, 5);
      case ACTION -> NodeShape.Polygon.rectangle(BOX_WIDTH / 2.0, BOX_HEIGHT / 2.0);
    };
  }

  /** Fork and join bars have their name to their right; the layout keeps that text clear of the next node. */
  private static double labelRight(Box box) {
    if (box.chain() || (box.node().kind() != NodeKind.FORK && box.node().kind() != NodeKind.JOIN)) {
      return 0;
    }
    return 6 + textWidth(SvgNodes.barLabel(box.node()), 12);
  }

  static double textWidth(String text, double fontSize) {
    return shown(text, 26).length() * fontSize * 0.6;
  }

  /** Running and failed nodes are what a reader of a run looks for: never hidden in a collapsed chain. */
  private static boolean mustShow(Node node, RunState state) {
    return switch (SvgNodes.stateOf(node, state)) {
      case "RUNNING", "USER_RETRY", "ERROR", "FAILED", "KILLED" -> true;
      default -> false;
    };
  }

  /** Replaces each chain's members by one box and redirects the edges: inner ok edges vanish, error edges merge. */
  private static Drawn collapse(WorkflowDefinition definition, List<List<String>> chains, Drawn drawn) {
    Map<String, String> owner = new HashMap<>();
    Map<String, Box> collapsed = new LinkedHashMap<>();
    for (List<String> chain : chains) {
      String name = CHAIN_PREFIX + chain.get(0);
      chain.forEach(member -> owner.put(member, name));
      collapsed.put(chain.get(0), new Box(name, null, chain.stream().map(definition.nodes()::get).toList(),
          shape(NodeKind.ACTION)));
    }
    Map<String, Box> rebuilt = new LinkedHashMap<>();
    for (Box box : drawn.boxes().values()) {
      if (collapsed.containsKey(box.name())) {
        Box chain = collapsed.get(box.name());
        rebuilt.put(chain.name(), chain);
      } else if (!owner.containsKey(box.name())) {
        rebuilt.put(box.name(), box);
      }
    }
    Set<GraphEdge> out = new LinkedHashSet<>();
    for (GraphEdge edge : drawn.edges()) {
      String from = owner.getOrDefault(edge.from(), edge.from());
      String to = owner.getOrDefault(edge.to(), edge.to());
      if (!from.equals(to)) {
        out.add(new GraphEdge(from, to, edge.kind(), edge.label()));
      }
    }
    return new Drawn(rebuilt, List.copyOf(out));
  }

  private static List<GraphEdge> edges(WorkflowDefinition definition) {
    List<GraphEdge> edges = new ArrayList<>();
    for (Node node : definition.nodes().values()) {
      if (node instanceof Node.Action a) {
        edges.add(new GraphEdge(a.name(), a.okTo(), "ok", null));
        edges.add(new GraphEdge(a.name(), a.errorTo(), "error", null));
      } else if (node instanceof Node.Decision d) {
        for (Node.Case c : d.cases()) {
          edges.add(new GraphEdge(d.name(), c.to(), "case", c.predicate()));
        }
        edges.add(new GraphEdge(d.name(), d.defaultTo(), "default", "default"));
      } else {
        for (String to : node.transitions()) {
          edges.add(new GraphEdge(node.name(), to, "transition", null));
        }
      }
    }
    return edges;
  }

  private static void marker(StringBuilder svg, String id, String color) {
    // refX at the tip: the path's last point is where the arrowhead's tip touches the target's outline
    svg.append("    <marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(color).append("\"/></marker>\n");
  }

  private static void drawEdge(StringBuilder svg, EdgeRoutes.Route route, EdgeLabels labels) {
    GraphEdge edge = route.edge();
    boolean error = edge.kind().equals("error");
    svg.append(String.format(Locale.ROOT, "  <g class=\"edge %s\" data-from=\"%s\" data-to=\"%s\">%n", edge.kind(),
        escape(visibleName(edge.from())), escape(visibleName(edge.to()))));
    svg.append("    <title>").append(escape(visibleName(edge.from()))).append(" → ")
        .append(escape(visibleName(edge.to()))).append(" (").append(edge.kind()).append(")")
        .append(edge.label() == null || edge.kind().equals("default") ? "" : ": " + escape(edge.label()))
        .append("</title>\n");
    // an edge joining a trunk that another edge draws to the target ends there, without an arrowhead of its own
    svg.append(String.format(Locale.ROOT, "    <path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.4\"%s%s/>%n",
        route.path(), error ? "#cc0000" : "#333333", error ? " stroke-dasharray=\"6,4\"" : "",
        !route.reachesTarget() ? " data-joins=\"trunk\"" : error ? " marker-end=\"url(#arrow-error)\""
            : " marker-end=\"url(#arrow)\""));
    svg.append("  </g>\n");
    if (edge.label() != null) {
      labels.add(edge, route.labelAnchor());
    }
  }

  /** A chain box is known by its first member's name to scripts, the same as the node it starts with. */
  static String visibleName(String name) {
    return name.startsWith(CHAIN_PREFIX) ? name.substring(CHAIN_PREFIX.length()) : name;
  }

  /** A coordinate with at most two decimals and no trailing zeros: compact and exact enough for a test's 1 px. */
  static String number(double value) {
    long hundredths = Math.round(value * 100);
    if (hundredths % 100 == 0) {
      return Long.toString(hundredths / 100);
    }
    String sign = hundredths < 0 ? "-" : "";
    long abs = Math.abs(hundredths);
    String decimals = abs % 10 == 0 ? Long.toString(abs % 100 / 10) : String.format(Locale.ROOT, "%02d", abs % 100);
    return sign + abs / 100 + "." + decimals;
  }

  /** The text cut to at most {@code max} characters, the cut marked by an ellipsis. */
  static String shown(String text, int max) {
    return text.length() > max ? text.substring(0, max - 1) + "…" : text;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
