package dev.hadoopkit.workflow.cli;

import java.util.List;

/**
 * The outline of a drawn node, centred on (0, 0): what {@link SvgGraph} draws and where an edge meets it. Edges
 * enter a node from above and leave it below along vertical lines at an offset dx from the centre (their port), so
 * the point an arrowhead must touch is where that vertical line crosses the outline: on a circle, on a diamond's
 * slanted side, on an octagon, on a thin bar, not at the bounding box.
 */
sealed interface NodeShape {
  /** The y (negative: above the centre) where the vertical line at dx first meets the outline from above. */
  double top(double dx);

  /** The y where the vertical line at dx leaves the outline below. */
  double bottom(double dx);

  double halfWidth();

  double halfHeight();

  /** How far from the centre ports may be spread, so that every port line still crosses the outline. */
  default double portSpan() {
    return halfWidth() * 0.6;
  }

  record Circle(double r) implements NodeShape {
    public double top(double dx) {
      double x = Math.min(Math.abs(dx), r);
      return -Math.sqrt(r * r - x * x);
    }

    public double bottom(double dx) {
      return -top(dx);
    }

    public double halfWidth() {
      return r;
    }

    public double halfHeight() {
      return r;
    }
  }

  /** A convex polygon, vertices as {x, y} pairs around the centre. */
  record Polygon(List<double[]> vertices) implements NodeShape {
    public Polygon {
      vertices = List.copyOf(vertices);
    }

    static Polygon rectangle(double halfWidth, double halfHeight) {
      return new Polygon(List.of(new double[] {-halfWidth, -halfHeight}, new double[] {halfWidth, -halfHeight},
          new double[] {halfWidth, halfHeight}, new double[] {-halfWidth, halfHeight}));
    }

    static Polygon diamond(double halfWidth, double halfHeight) {
      return new Polygon(List.of(new double[] {0, -halfHeight}, new double[] {halfWidth, 0},
          new double[] {0, halfHeight}, new double[] {-halfWidth, 0}));
    }

    /** A regular octagon with flat top and bottom, vertices at radius r. */
    static Polygon octagon(double r) {
      List<double[]> points = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        double angle = Math.PI / 8 + i * Math.PI / 4;
        points.add(new double[] {r * Math.cos(angle), r * Math.sin(angle)});
      }
      return new Polygon(points);
    }

    public double top(double dx) {
      return crossings(dx)[0];
    }

    public double bottom(double dx) {
      return crossings(dx)[1];
    }

    /** The lowest and highest y where the vertical line x = dx crosses the outline. */
    private double[] crossings(double dx) {
      double x = Math.max(-halfWidth(), Math.min(halfWidth(), dx));
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (int i = 0; i < vertices.size(); i++) {
        double[] a = vertices.get(i);
        double[] b = vertices.get((i + 1) % vertices.size());
        if ((a[0] <= x && x <= b[0]) || (b[0] <= x && x <= a[0])) {
          double y = a[0] == b[0] ? Math.min(a[1], b[1]) : a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]);
          double y2 = a[0] == b[0] ? Math.max(a[1], b[1]) : y;
          min = Math.min(min, y);
          max = Math.max(max, y2);
        }
      }
      return new double[] {min, max};
    }

    public double halfWidth() {
      return vertices.stream().mapToDouble(v -> Math.abs(v[0])).max().orElse(0);
    }

    public double halfHeight() {
      return vertices.stream().mapToDouble(v -> Math.abs(v[1])).max().orElse(0);
    }
  }
}
