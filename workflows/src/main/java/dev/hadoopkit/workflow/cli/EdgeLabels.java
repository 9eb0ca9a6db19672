package dev.hadoopkit.workflow.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decision case labels, placed just below their decision where the edge starts (the gap between layers holds no
 * node, so a label there cannot hide one), on as many rows as the gap has (it is made taller for many labels) so
 * that labels of neighbouring edges do not
 * cover each other, on a white ground so a line under them does not cross the text. Long predicates are cut; the
 * label's {@code <title>} has the whole text. Drawn after nodes and edges, on top.
 */
final class EdgeLabels {
  static final int MAX_CHARS = 24;
  private static final double ROW_HEIGHT = 14;
  private static final double FONT = 10;

  private record Label(GraphEdge edge, double x, double y, double width) {
  }

  private final double svgWidth;
  private final List<Label> placed = new ArrayList<>();

  EdgeLabels(double svgWidth) {
    this.svgWidth = svgWidth;
  }

  /** The rows of labels a gap of this height holds. */
  static int rows(double gap) {
    return Math.max(1, (int) ((gap - 6) / ROW_HEIGHT));
  }

  /** How much taller than {@code gap} a gap must be for {@code labels} rows. */
  static double extraHeight(int labels, double gap) {
    return Math.max(0, labels - rows(gap)) * ROW_HEIGHT;
  }

  /**
   * anchor: {x, y, x', y'}, the edge's S-curve across the gap below its source. The label is centred on the edge
   * where it crosses the label's row, so the line runs into its own label: the first row free of other labels.
   */
  void add(GraphEdge edge, double[] anchor) {
    String shown = shorten(edge.label());
    int rows = rows(anchor[3] - anchor[1]);
    double width = shown.length() * FONT * 0.6 + 8;
    double[] from = {anchor[0], anchor[1]};
    double[] to = {anchor[2], anchor[3]};
    Label label = null;
    for (int row = 0; row < rows && label == null; row++) {
      double y = anchor[1] + 3 + row * ROW_HEIGHT;
      double centre = EdgeRoutes.curveX(from, to, y + ROW_HEIGHT / 2);
      double x = Math.max(2, Math.min(svgWidth - width - 2, centre - width / 2));
      if (row == rows - 1 || !overlapsAny(x, y, width)) {
        label = new Label(edge, x, y, width);
      }
    }
    placed.add(label);
  }

  /**
   * A predicate cut in the middle: cases of one decision usually differ at their end (the value compared), which
   * cutting the end would hide — {@code ${wf:conf('mode') eq 'mode-1'}} and {@code …'mode-2'} would read the same.
   */
  static String shorten(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int head = (MAX_CHARS - 1) / 2;
    int tail = MAX_CHARS - 1 - head;
    return text.substring(0, head) + "…" + text.substring(text.length() - tail);
  }

  private boolean overlapsAny(double x, double y, double width) {
    for (Label l : placed) {
      if (x < l.x() + l.width() && l.x() < x + width && y < l.y() + ROW_HEIGHT && l.y() < y + ROW_HEIGHT) {
        return true;
      }
    }
    return false;
  }

  void draw(StringBuilder svg) {
    for (Label l : placed) {
      svg.append(String.format(Locale.ROOT, "  <g class=\"edge-label\" data-from=\"%s\" data-to=\"%s\">"
          + "<title>%s</title><rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"3\" fill=\"#ffffff\""
          + " fill-opacity=\"0.92\" stroke=\"#bbbbbb\" stroke-width=\"0.5\"/><text x=\"%s\" y=\"%s\""
          + " fill=\"#444444\" font-size=\"10\">%s</text></g>%n",
          SvgGraph.escape(SvgGraph.visibleName(l.edge().from())),
          SvgGraph.escape(SvgGraph.visibleName(l.edge().to())), SvgGraph.escape(l.edge().label()),
          SvgGraph.number(l.x()), SvgGraph.number(l.y()), SvgGraph.number(l.width()), SvgGraph.number(ROW_HEIGHT - 1),
          SvgGraph.number(l.x() + 4), SvgGraph.number(l.y() + ROW_HEIGHT - 4),
          SvgGraph.escape(shorten(l.edge().label()))));
    }
  }
}
