package dev.hadoopkit.workflow.cli;

import static dev.hadoopkit.workflow.cli.SvgGraph.BOX_HEIGHT;
import static dev.hadoopkit.workflow.cli.SvgGraph.BOX_WIDTH;
import static dev.hadoopkit.workflow.cli.SvgGraph.FAILED_FILL;
import static dev.hadoopkit.workflow.cli.SvgGraph.NOT_REACHED_FILL;
import static dev.hadoopkit.workflow.cli.SvgGraph.NO_RUN_FILL;
import static dev.hadoopkit.workflow.cli.SvgGraph.OK_FILL;
import static dev.hadoopkit.workflow.cli.SvgGraph.RUNNING_FILL;
import static dev.hadoopkit.workflow.cli.SvgGraph.SKIPPED_FILL;
import static dev.hadoopkit.workflow.cli.SvgGraph.escape;
import static dev.hadoopkit.workflow.cli.SvgGraph.number;
import static dev.hadoopkit.workflow.cli.SvgGraph.shown;

import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.NodeKind;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One node of the SVG drawing: its {@code <g class="node …">} with shape, name, action type, {@code <title>}
 * tooltip and attempt count, filled by the node's state in the run; or a collapsed chain as a stacked box.
 */
final class SvgNodes {
  private SvgNodes() {
  }

  static String barLabel(Node node) {
    return node.name() + " (" + kindLabel(node) + ")";
  }

  static void draw(StringBuilder svg, SvgGraph.Box box, RunState state, int x, int y) {
    if (box.chain()) {
      drawChain(svg, box, state, x, y);
      return;
    }
    Node node = box.node();
    String stateName = stateOf(node, state);
    String fill = fill(node, stateName, state != null);
    String label = node instanceof Node.Start ? "start" : node.name();
    NodeRun run = state == null ? null : state.nodeRun(node.name());
    svg.append(String.format(Locale.ROOT, "  <g class=\"node %s %s\" id=\"node-%s\" data-name=\"%s\"%s>%n",
        node.kind().name().toLowerCase(Locale.ROOT), stateName.toLowerCase(Locale.ROOT), escape(idPart(node.name())),
        escape(node.name()), run != null && run.attempt() > 1 ? " data-attempts=\"" + run.attempt() + "\"" : ""));
    svg.append("    <title>").append(escape(tooltip(node, stateName, run))).append("</title>\n");
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
        svg.append(String.format(Locale.ROOT, "    <polygon points=\"%s\" fill=\"%s\" stroke=\"#cc0000\""
            + " stroke-width=\"2\"/>%n", points((NodeShape.Polygon) box.shape(), x, y), fill));
        text(svg, x, y + 4, label, true);
      }
      case DECISION -> {
        svg.append(String.format(Locale.ROOT, "    <polygon points=\"%s\" fill=\"%s\" %s/>%n",
            points((NodeShape.Polygon) box.shape(), x, y), fill, stroke));
        text(svg, x, y + 4, label, true);
      }
      case FORK, JOIN -> {
        svg.append(String.format(Locale.ROOT, "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"10\" rx=\"2\""
            + " fill=\"%s\" %s/>%n", x - BOX_WIDTH / 2, y - 5, BOX_WIDTH, state == null ? "#333333" : fill, stroke));
        text(svg, x + BOX_WIDTH / 2 + 6, y + 4, barLabel(node), false);
      }
      case ACTION -> {
        svg.append(String.format(Locale.ROOT, "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\""
            + " fill=\"%s\" %s/>%n", x - BOX_WIDTH / 2, y - BOX_HEIGHT / 2, BOX_WIDTH, BOX_HEIGHT, fill, stroke));
        text(svg, x, y - 3, label, true);
        svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555555\""
            + " font-size=\"10\">%s</text>%n", x, y + 12, escape(kindLabel(node))));
        if (run != null && run.attempt() > 1) {
          attempts(svg, x + BOX_WIDTH / 2, y - BOX_HEIGHT / 2, run.attempt());
        }
      }
    }
    svg.append("  </g>\n");
  }

  /** A pill on the box's top right corner: "×3" for an action in its third attempt. */
  private static void attempts(StringBuilder svg, int cornerX, int cornerY, int attempts) {
    String text = "×" + attempts;
    int w = (int) Math.ceil(text.length() * 6.2 + 10);
    svg.append(String.format(Locale.ROOT, "    <g class=\"attempts\"><rect x=\"%d\" y=\"%d\" width=\"%d\""
        + " height=\"16\" rx=\"8\" fill=\"#37474f\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#ffffff\""
        + " font-size=\"10\" font-weight=\"bold\">%s</text></g>%n", cornerX - w + 8, cornerY - 8, w,
        cornerX - w / 2 + 8, cornerY + 4, escape(text)));
  }

  private static String tooltip(Node node, String stateName, NodeRun run) {
    StringBuilder t = new StringBuilder(node.name()).append(" (").append(kindLabel(node)).append(")");
    if (stateName.equals("NONE")) {
      return t.toString();
    }
    t.append(": ").append(stateName);
    if (run != null && run.attempt() > 0 && node instanceof Node.Action) {
      t.append(", ").append(run.attempt()).append(run.attempt() == 1 ? " attempt" : " attempts");
    }
    if (run != null && run.errorCode() != null) {
      t.append(", error ").append(run.errorCode());
      if (run.errorMessage() != null && !run.errorMessage().isEmpty()) {
        t.append(": ").append(shown(run.errorMessage(), 200));
      }
    }
    return t.toString();
  }

  /** A collapsed chain: a stacked box "12 actions" / "first … last", its tooltip listing every member. */
  private static void drawChain(StringBuilder svg, SvgGraph.Box box, RunState state, int x, int y) {
    List<Node> members = box.members();
    Set<String> states = new LinkedHashSet<>();
    members.forEach(m -> states.add(stateOf(m, state)));
    String stateName = states.size() == 1 ? states.iterator().next()
        : Set.of("OK", "SKIPPED").containsAll(states) ? "OK" : "MIXED";
    String fill = fill(members.get(0), stateName, state != null);
    String first = members.get(0).name();
    String last = members.get(members.size() - 1).name();
    svg.append(String.format(Locale.ROOT, "  <g class=\"node chain %s\" id=\"node-%s\" data-name=\"%s\""
        + " data-nodes=\"%s\">%n", stateName.toLowerCase(Locale.ROOT), escape(idPart(first)), escape(first),
        escape(String.join(" ", members.stream().map(Node::name).toList()))));
    StringBuilder title = new StringBuilder(members.size() + " actions collapsed:");
    for (Node m : members) {
      title.append("\n").append(m.name()).append(" (").append(kindLabel(m)).append(")")
          .append(state == null ? "" : ": " + stateOf(m, state));
    }
    svg.append("    <title>").append(escape(title.toString())).append("</title>\n");
    svg.append(String.format(Locale.ROOT, "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\""
        + " fill=\"%s\" stroke=\"#333333\" stroke-width=\"1.4\"/>%n", x - BOX_WIDTH / 2, y - BOX_HEIGHT / 2,
        BOX_WIDTH, BOX_HEIGHT, fill));
    // a second outline just inside: reads as "several boxes" at a glance
    svg.append(String.format(Locale.ROOT, "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\""
        + " fill=\"none\" stroke=\"#333333\" stroke-width=\"0.8\"/>%n", x - BOX_WIDTH / 2 + 3,
        y - BOX_HEIGHT / 2 + 3, BOX_WIDTH - 6, BOX_HEIGHT - 6));
    text(svg, x, y - 3, members.size() + " actions", true);
    svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555555\""
        + " font-size=\"10\">%s</text>%n", x, y + 12, escape(shown(first, 12) + " … " + shown(last, 12))));
    svg.append("  </g>\n");
  }

  private static String points(NodeShape.Polygon shape, int x, int y) {
    StringBuilder points = new StringBuilder();
    for (double[] v : shape.vertices()) {
      points.append(String.format(Locale.ROOT, "%s,%s ", number(x + v[0]), number(y + v[1])));
    }
    return points.toString().trim();
  }

  private static void text(StringBuilder svg, int x, int y, String text, boolean centered) {
    svg.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\"%s>%s</text>%n", x, y,
        centered ? " text-anchor=\"middle\"" : "", escape(shown(text, 26))));
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
}
