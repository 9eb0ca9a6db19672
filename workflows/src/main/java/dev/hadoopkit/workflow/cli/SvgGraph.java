package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.NodeKind;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workflow DAG as SVG without Graphviz: a {@link GraphLayout} (top to bottom), one {@code <g class="node …">}
 * per node with its name (and action type) and a {@code <title>}; start and end are circles, kill an octagon with a
 * red border, decision a diamond, fork and join bars, actions rounded boxes. ok and other transitions are solid,
 * error transitions dashed red. With a run: filled by state — OK green, ERROR/FAILED/KILLED and a reached kill node
 * red, RUNNING/USER_RETRY yellow, skipped (rerun) blue, not reached grey.
 */
final class SvgGraph {
  static final String OK_FILL = "#9be39b";
  static final String FAILED_FILL = "#f4a3a3";
  static final String RUNNING_FILL = "#ffe680";
  static final String SKIPPED_FILL = "#add8e6";
  static final String NOT_REACHED_FILL = "#d9d9d9";
  static final String NO_RUN_FILL = "#ffffff";

  private static final int COLUMN = 200;
  private static final int ROW = 100;
  private static final int MARGIN = 40;
  private static final int BOX_WIDTH = 164;
  private static final int BOX_HEIGHT = 44;

  private SvgGraph() {
  }

  private record Edge(String from, String to, String kind, String label) {
  }

  static String render(WorkflowDefinition definition, RunState state) {
    List<String> names = new ArrayList<>(definition.nodes().keySet());
    List<Edge> edges = edges(definition);
    GraphLayout layout = GraphLayout.of(names, edges.stream().map(e -> new String[] {e.from(), e.to()}).toList());
    int width = Math.max(1, layout.width()) * COLUMN + 2 * MARGIN;
    int height = layout.layers().size() * ROW + 2 * MARGIN;

    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", width, height,
        width, height));
    svg.append("  <title>").append(escape(definition.name())).append(state == null ? "" : " — run "
        + escape(state.id()) + " " + state.status()).append("</title>\n");
    svg.append("  <defs>\n");
    marker(svg, "arrow", "#333333");
    marker(svg, "arrow-error", "#cc0000");
    svg.append("  </defs>\n");
    for (Edge edge : edges) {
      drawEdge(svg, edge, layout, width);
    }
    for (Node node : definition.nodes().values()) {
      drawNode(svg, node, state, x(layout, node.name(), width), y(layout, node.name()));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static List<Edge> edges(WorkflowDefinition definition) {
    List<Edge> edges = new ArrayList<>();
    for (Node node : definition.nodes().values()) {
      if (node instanceof Node.Action a) {
        edges.add(new Edge(a.name(), a.okTo(), "ok", null));
        edges.add(new Edge(a.name(), a.errorTo(), "error", null));
      } else if (node instanceof Node.Decision d) {
        for (Node.Case c : d.cases()) {
          edges.add(new Edge(d.name(), c.to(), "case", c.predicate()));
        }
        edges.add(new Edge(d.name(), d.defaultTo(), "default", "default"));
      } else {
        for (String to : node.transitions()) {
          edges.add(new Edge(node.name(), to, "transition", null));
        }
      }
    }
    return edges;
  }

  private static int x(GraphLayout layout, String name, int width) {
    int row = layout.layers().get(layout.layer().get(name)).size();
    int rowWidth = row * COLUMN;
    return (width - rowWidth) / 2 + layout.position().get(name) * COLUMN + COLUMN / 2;
  }

  private static int y(GraphLayout layout, String name) {
    return MARGIN + layout.layer().get(name) * ROW + ROW / 2;
  }

  private static void marker(StringBuilder svg, String id, String color) {
    svg.append("    <marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
        + " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(color).append("\"/></marker>\n");
  }

  private static void drawEdge(StringBuilder svg, Edge edge, GraphLayout layout, int width) {
    if (!layout.layer().containsKey(edge.to())) {
      return;
    }
    int x1 = x(layout, edge.from(), width);
    int y1 = y(layout, edge.from()) + BOX_HEIGHT / 2;
    int x2 = x(layout, edge.to(), width);
    int y2 = y(layout, edge.to()) - BOX_HEIGHT / 2;
    int bend = Math.max(30, (y2 - y1) / 2);
    boolean error = edge.kind().equals("error");
    svg.append(String.format(Locale.ROOT, "  <g class=\"edge %s\" data-from=\"%s\" data-to=\"%s\">%n", edge.kind(),
        escape(edge.from()), escape(edge.to())));
    svg.append(String.format(Locale.ROOT, "    <path d=\"M%d,%d C%d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"%s\""
        + " stroke-width=\"1.4\"%s marker-end=\"url(#%s)\"/>%n", x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2,
        error ? "#cc0000" : "#333333", error ? " stroke-dasharray=\"6,4\"" : "", error ? "arrow-error" : "arrow"));
    if (edge.label() != null) {
      String label = edge.label().length() > 40 ? edge.label().substring(0, 39) + "…" : edge.label();
      svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\" fill=\"#555555\" font-size=\"10\">%s</text>%n",
          (x1 + x2) / 2 + 6, (y1 + y2) / 2, escape(label)));
    }
    svg.append("  </g>\n");
  }

  private static void drawNode(StringBuilder svg, Node node, RunState state, int x, int y) {
    String stateName = stateOf(node, state);
    String fill = fill(node, stateName, state != null);
    String label = node instanceof Node.Start ? "start" : node.name();
    svg.append(String.format(Locale.ROOT, "  <g class=\"node %s %s\" id=\"node-%s\" data-name=\"%s\">%n",
        node.kind().name().toLowerCase(Locale.ROOT), stateName.toLowerCase(Locale.ROOT), escape(idPart(node.name())),
        escape(node.name())));
    svg.append("    <title>").append(escape(node.name())).append(" (").append(kindLabel(node)).append(")")
        .append(state == null ? "" : ": " + stateName).append("</title>\n");
    String stroke = "stroke=\"#333333\" stroke-width=\"1.4\"";
    switch (node.kind()) {
      case START, END -> {
        svg.append(String.format(Locale.ROOT, "    <circle cx=\"%d\" cy=\"%d\" r=\"22\" fill=\"%s\" %s/>%n", x, y,
            fill, stroke));
        if (node.kind() == NodeKind.END) {
          svg.append(String.format(Locale.ROOT, "    <circle cx=\"%d\" cy=\"%d\" r=\"17\" fill=\"none\" %s/>%n",
              x, y, stroke));
        }
        text(svg, x, y + 4, label, true);
      }
      case KILL -> {
        StringBuilder points = new StringBuilder();
        int r = 26;
        for (int i = 0; i < 8; i++) {
          double angle = Math.PI / 8 + i * Math.PI / 4;
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + r * Math.cos(angle), y + r * Math.sin(angle)));
        }
        svg.append(String.format(Locale.ROOT, "    <polygon points=\"%s\" fill=\"%s\" stroke=\"#cc0000\""
            + " stroke-width=\"2\"/>%n", points.toString().trim(), fill));
        text(svg, x, y + 4, label, true);
      }
      case DECISION -> {
        svg.append(String.format(Locale.ROOT, "    <polygon points=\"%d,%d %d,%d %d,%d %d,%d\" fill=\"%s\" %s/>%n",
            x, y - BOX_HEIGHT / 2, x + BOX_WIDTH / 2, y, x, y + BOX_HEIGHT / 2, x - BOX_WIDTH / 2, y, fill, stroke));
        text(svg, x, y + 4, label, true);
      }
      case FORK, JOIN -> {
        svg.append(String.format(Locale.ROOT, "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"10\" rx=\"2\""
            + " fill=\"%s\" %s/>%n", x - BOX_WIDTH / 2, y - 5, BOX_WIDTH, state == null ? "#333333" : fill, stroke));
        text(svg, x + BOX_WIDTH / 2 + 6, y + 4, label + " (" + kindLabel(node) + ")", false);
      }
      case ACTION -> {
        svg.append(String.format(Locale.ROOT, "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\""
            + " fill=\"%s\" %s/>%n", x - BOX_WIDTH / 2, y - BOX_HEIGHT / 2, BOX_WIDTH, BOX_HEIGHT, fill, stroke));
        text(svg, x, y - 3, label, true);
        svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555555\""
            + " font-size=\"10\">%s</text>%n", x, y + 12, escape(kindLabel(node))));
      }
    }
    svg.append("  </g>\n");
  }

  private static void text(StringBuilder svg, int x, int y, String text, boolean centered) {
    String shown = text.length() > 26 ? text.substring(0, 25) + "…" : text;
    svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\"%s>%s</text>%n", x, y,
        centered ? " text-anchor=\"middle\"" : "", escape(shown)));
  }

  private static String kindLabel(Node node) {
    return node instanceof Node.Action a ? a.spec().type() : node.kind().name().toLowerCase(Locale.ROOT);
  }

  /** The node's state in the run: a NodeStatus name, SKIPPED, NOT_REACHED, or NONE without a run. */
  static String stateOf(Node node, RunState state) {
    if (state == null) {
      return "NONE";
    }
    NodeRun run = state.nodeRun(node.name());
    if (run == null) {
      return node instanceof Node.Start ? "OK" : "NOT_REACHED";
    }
    return run.skipped() ? "SKIPPED" : run.status().name();
  }

  static String fill(Node node, String stateName, boolean withRun) {
    if (!withRun) {
      return NO_RUN_FILL;
    }
    return switch (stateName) {
      case "OK" -> node instanceof Node.Kill ? FAILED_FILL : OK_FILL; // reaching a kill node kills the run
      case "ERROR", "FAILED", "KILLED" -> FAILED_FILL;
      case "RUNNING", "USER_RETRY" -> RUNNING_FILL;
      case "SKIPPED" -> SKIPPED_FILL;
      default -> NOT_REACHED_FILL;
    };
  }

  private static String idPart(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
