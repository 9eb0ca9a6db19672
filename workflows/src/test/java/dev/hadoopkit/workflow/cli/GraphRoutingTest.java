package dev.hadoopkit.workflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeStatus;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The geometry of the Java SVG drawing, read back from the SVG: edges pass no node they do not connect, arrowheads
 * touch their target's outline, case labels cover no node, large workflows scale and collapse, retries show. Each
 * drawing is also written to target/graphs/ for a reviewer to look at.
 */
class GraphRoutingTest {
  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  /*
   *  start -> fk(fork) -> p -> p2 -> jn(join)        every action --error--> fail(kill), mostly long edges
   *                    \-> side ------/               (side -> jn skips a layer)
   *  jn -> a1 -> a2 -> chk(decision) --${1 < 2} and a long predicate--> end      (skips layers)
   *                                  --${fast}--> a5                              (skips a3, a4)
   *                                  --default--> a3 -> a4 -> a5 -> end
   */
  private static final String ROUTES = "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"routes\">\n"
      + "  <start to=\"fk\"/>\n"
      + "  <fork name=\"fk\"><path start=\"p\"/><path start=\"side\"/></fork>\n"
      + action("p", "p2") + action("p2", "jn") + action("side", "jn")
      + "  <join name=\"jn\" to=\"a1\"/>\n"
      + action("a1", "a2") + action("a2", "chk")
      + "  <decision name=\"chk\"><switch>"
      + "<case to=\"end\">${1 &lt; 2 and wf:conf('a.rather.long.property.name') eq 'some value'}</case>"
      + "<case to=\"a5\">${fast}</case><default to=\"a3\"/></switch></decision>\n"
      + action("a3", "a4") + action("a4", "a5") + action("a5", "end")
      + "  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n";

  private static String action(String name, String ok) {
    return "  <action name=\"" + name + "\"><fs><mkdir path=\"/tmp/" + name + "\"/></fs><ok to=\"" + ok + "\"/>"
        + "<error to=\"fail\"/></action>\n";
  }

  @Test
  void edgesGoAroundTheNodesTheyDoNotConnect() throws Exception {
    Document svg = draw("routes", definition(ROUTES), null, GraphOptions.DEFAULT);
    assertEquals(23, edges(svg).size(), "2 per action (8), 3 out of the decision, fork 2, start 1, join 1");
    assertTrue(assertNoEdgeCrossesANode(svg) > 1000, "segments checked");
  }

  @Test
  void arrowheadsEndOnTheTargetsOutline() throws Exception {
    Document svg = draw("routes", definition(ROUTES), null, GraphOptions.DEFAULT);
    Map<String, Integer> byKind = assertArrowheadsOnOutlines(svg);
    assertTrue(byKind.getOrDefault("joins", 0) >= 4, "the error edges share a trunk into fail: " + byKind);
    // the fork/join bars, the end circle, the kill octagon and the actions are all targets here
    assertTrue(byKind.keySet().containsAll(List.of("rect", "circle", "polygon")), byKind.toString());
    Document decision = draw("decision-target", definition("<workflow-app xmlns=\"uri:oozie:workflow:0.5\""
        + " name=\"d\">\n  <start to=\"a\"/>\n" + action("a", "b") + action("b", "d")
        + "  <decision name=\"d\"><switch><case to=\"end\">${x}</case><default to=\"end\"/></switch></decision>\n"
        + "  <kill name=\"fail\"><message>x</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n"),
        null, GraphOptions.DEFAULT);
    assertTrue(assertArrowheadsOnOutlines(decision).containsKey("polygon"));
    Map<String, Shape> shapes = shapes(decision);
    for (Element edge : edges(decision)) {
      if (edge.getAttribute("data-to").equals("d")) {
        List<double[]> line = polyline(path(edge));
        double[] end = line.get(line.size() - 1);
        assertTrue(shapes.get("d").distanceToOutline(end) <= 1.0, "onto the diamond: " + end[0] + "," + end[1]);
      }
    }
  }

  @Test
  void caseLabelsStayReadableAndCoverNoNode() throws Exception {
    Document svg = draw("routes", definition(ROUTES), null, GraphOptions.DEFAULT);
    List<Element> labels = assertLabelsCoverNoNode(svg);
    assertEquals(3, labels.size(), "two cases and the default");
    Element longOne = labels.stream().filter(l -> l.getAttribute("data-to").equals("end")).findFirst().orElseThrow();
    String title = longOne.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent();
    assertEquals("${1 < 2 and wf:conf('a.rather.long.property.name') eq 'some value'}", title, "the whole predicate");
    String shown = longOne.getElementsByTagNameNS(SVG_NS, "text").item(0).getTextContent();
    int cut = shown.indexOf('…');
    assertTrue(cut > 0 && title.startsWith(shown.substring(0, cut)) && title.endsWith(shown.substring(cut + 1))
        && shown.length() <= EdgeLabels.MAX_CHARS, "cut in the middle: " + shown);
    String raw = SvgGraph.render(definition(ROUTES), null, GraphOptions.DEFAULT);
    assertTrue(raw.contains("${1 &lt; 2"), "escaped in the SVG text");
  }

  /** A decision with five cases: five labels below it, none covering another or a node. */
  @Test
  void manyCasesKeepTheirLabelsApart() throws Exception {
    StringBuilder xml = new StringBuilder("<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"cases\">\n"
        + "  <start to=\"pick\"/>\n  <decision name=\"pick\"><switch>");
    for (int i = 1; i <= 5; i++) {
      xml.append("<case to=\"c").append(i).append("\">${wf:conf('mode') eq 'mode-").append(i).append("'}</case>");
    }
    xml.append("<default to=\"end\"/></switch></decision>\n");
    for (int i = 1; i <= 5; i++) {
      xml.append(action("c" + i, "end"));
    }
    xml.append("  <kill name=\"fail\"><message>x</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Document svg = draw("cases", definition(xml.toString()), null, GraphOptions.DEFAULT);
    List<Element> labels = assertLabelsCoverNoNode(svg);
    assertEquals(6, labels.size());
    assertEquals(6, labels.stream().map(l -> l.getElementsByTagNameNS(SVG_NS, "text").item(0).getTextContent())
        .distinct().count(), "the cut labels still tell the cases apart");
    assertReadable(svg);
  }

  /** Every segment of every edge against the box of every node it does not start or end at; the segments checked. */
  static int assertNoEdgeCrossesANode(Document svg) {
    Map<String, Shape> nodes = shapes(svg);
    int checked = 0;
    for (Element edge : edges(svg)) {
      String from = edge.getAttribute("data-from");
      String to = edge.getAttribute("data-to");
      List<double[]> line = polyline(path(edge));
      for (Map.Entry<String, Shape> node : nodes.entrySet()) {
        if (node.getKey().equals(from) || node.getKey().equals(to)) {
          continue;
        }
        for (int i = 1; i < line.size(); i++) {
          assertFalse(node.getValue().box().crosses(line.get(i - 1), line.get(i)),
              from + " -> " + to + " crosses " + node.getKey() + " at " + List.of(line.get(i - 1)[0],
                  line.get(i - 1)[1], line.get(i)[0], line.get(i)[1]));
          checked++;
        }
      }
    }
    return checked;
  }

  /**
   * Every edge with an arrowhead ends on its target's outline (within 1 px); one joining a trunk ends on the line
   * of the edge that draws that trunk into the same target. Counts by target shape ("joins" for the others).
   */
  static Map<String, Integer> assertArrowheadsOnOutlines(Document svg) {
    Map<String, Shape> nodes = shapes(svg);
    Map<String, Integer> byKind = new HashMap<>();
    for (Element edge : edges(svg)) {
      List<double[]> line = polyline(path(edge));
      double[] end = line.get(line.size() - 1);
      String name = edge.getAttribute("data-from") + " -> " + edge.getAttribute("data-to");
      if (child(edge, "path").getAttribute("data-joins").equals("trunk")) {
        assertEquals("", child(edge, "path").getAttribute("marker-end"), name);
        double nearest = Double.MAX_VALUE;
        for (Element other : edges(svg)) {
          if (other != edge && other.getAttribute("data-to").equals(edge.getAttribute("data-to"))
              && child(other, "path").getAttribute("data-joins").isEmpty()) {
            for (double[] point : polyline(path(other))) {
              nearest = Math.min(nearest, Math.hypot(point[0] - end[0], point[1] - end[1]));
            }
          }
        }
        assertTrue(nearest <= 1.0, name + " joins no trunk: " + nearest);
        byKind.merge("joins", 1, Integer::sum);
        continue;
      }
      assertTrue(child(edge, "path").getAttribute("marker-end").startsWith("url(#arrow"), name);
      Shape target = nodes.get(edge.getAttribute("data-to"));
      assertTrue(target.distanceToOutline(end) <= 1.0, name + " ends at " + end[0] + "," + end[1] + ", "
          + target.distanceToOutline(end) + " px off the " + target.kind());
      byKind.merge(target.kind(), 1, Integer::sum);
    }
    return byKind;
  }

  /** No case label covers a node or another label; the labels. */
  static List<Element> assertLabelsCoverNoNode(Document svg) {
    Map<String, Shape> nodes = shapes(svg);
    List<Element> labels = new ArrayList<>();
    NodeList groups = svg.getElementsByTagNameNS(SVG_NS, "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").equals("edge-label")) {
        labels.add(g);
      }
    }
    List<Box> placed = new ArrayList<>();
    for (Element label : labels) {
      Element rect = (Element) label.getElementsByTagNameNS(SVG_NS, "rect").item(0);
      Box box = new Box(num(rect, "x"), num(rect, "y"), num(rect, "x") + num(rect, "width"),
          num(rect, "y") + num(rect, "height"));
      for (Map.Entry<String, Shape> node : nodes.entrySet()) {
        assertFalse(box.overlaps(node.getValue().box()), label.getTextContent() + " covers " + node.getKey());
      }
      for (Box other : placed) {
        assertFalse(box.overlaps(other), "labels cover each other: " + label.getTextContent());
      }
      placed.add(box);
    }
    return labels;
  }

  /** The three checks at once, for drawings that are not about one of them. */
  static void assertReadable(Document svg) {
    assertNoEdgeCrossesANode(svg);
    assertArrowheadsOnOutlines(svg);
    assertLabelsCoverNoNode(svg);
  }

  @Test
  void aRetriedActionShowsItsAttemptCount() throws Exception {
    WorkflowDefinition definition = definition(ROUTES);
    RunState run = RunState.replay(List.of(
        JournalRecord.submitted(1, "0000001-000000000000000-hk-W", "/apps/routes", "routes", "me", Map.of(), null),
        JournalRecord.status(1, WorkflowStatus.RUNNING, null),
        JournalRecord.end(2, ":start:", NodeStatus.OK, List.of("fk"), null, null, null, null, false),
        JournalRecord.end(2, "fk", NodeStatus.OK, List.of("p", "side"), null, null, null, null, false),
        JournalRecord.start(3, "p", 1),
        JournalRecord.retry(4, "p", 1, "JA018", "output dir exists", 5),
        JournalRecord.start(5, "p", 2),
        JournalRecord.retry(6, "p", 2, "JA018", "output dir exists", 7),
        JournalRecord.start(7, "p", 3),
        JournalRecord.end(8, "p", NodeStatus.ERROR, List.of("fail"), "JA018", "output dir exists", null, null,
            false),
        JournalRecord.start(3, "side", 1),
        JournalRecord.end(4, "side", NodeStatus.OK, List.of("jn"), null, null, null, null, false)));
    Document svg = draw("retried", definition, run, GraphOptions.DEFAULT);
    assertReadable(svg);
    Element p = nodeGroups(svg).get("p");
    assertEquals("node action error", p.getAttribute("class"));
    assertEquals("3", p.getAttribute("data-attempts"));
    Element badge = child(p, "g");
    assertNotNull(badge, "an attempts badge");
    assertEquals("attempts", badge.getAttribute("class"));
    assertEquals("×3", badge.getTextContent());
    String title = child(p, "title").getTextContent();
    assertTrue(title.contains("ERROR") && title.contains("3 attempts") && title.contains("JA018"), title);
    Element side = nodeGroups(svg).get("side");
    assertEquals(null, child(side, "g"), "one attempt: no badge");
    assertTrue(child(side, "title").getTextContent().contains("OK, 1 attempt"));
  }

  /** start -> c1 … c134 -> fork -> (b1 … b30, d1 … d30) -> join -> decision -> end | fail: 200 nodes. */
  static String large() {
    StringBuilder xml = new StringBuilder("<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"large\">\n");
    xml.append("  <start to=\"c1\"/>\n");
    for (int i = 1; i <= 134; i++) {
      xml.append(action("c" + i, i == 134 ? "fk" : "c" + (i + 1)));
    }
    xml.append("  <fork name=\"fk\"><path start=\"b1\"/><path start=\"d1\"/></fork>\n");
    for (String branch : List.of("b", "d")) {
      for (int i = 1; i <= 30; i++) {
        xml.append(action(branch + i, i == 30 ? "jn" : branch + (i + 1)));
      }
    }
    xml.append("  <join name=\"jn\" to=\"chk\"/>\n");
    xml.append("  <decision name=\"chk\"><switch><case to=\"end\">${done}</case><default to=\"fail\"/></switch>"
        + "</decision>\n");
    xml.append("  <kill name=\"fail\"><message>x</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    return xml.toString();
  }

  @Test
  void twoHundredNodesScaleAndCollapseIntoAShortDrawing() throws Exception {
    WorkflowDefinition definition = definition(large());
    assertEquals(200, definition.nodes().size());
    Element full = draw("large", definition, null, GraphOptions.DEFAULT).getDocumentElement();
    assertReadable(full.getOwnerDocument());
    assertEquals("0 0 " + full.getAttribute("width") + " " + full.getAttribute("height"),
        full.getAttribute("viewBox"), "a viewBox a browser can scale to its width");
    assertTrue(Double.parseDouble(full.getAttribute("height")) > 10_000, "every node drawn: tall");
    String fullText = SvgGraph.render(definition, null, GraphOptions.DEFAULT);
    assertTrue(fullText.length() < 300_000, "trunks drawn once, not once per edge: " + fullText.length());
    assertEquals(200, nodeGroups(full.getOwnerDocument()).size());

    Document collapsed = draw("large-collapsed", definition, null, GraphOptions.COLLAPSE);
    assertReadable(collapsed);
    Element root = collapsed.getDocumentElement();
    assertTrue(Double.parseDouble(root.getAttribute("height")) <= 1200, root.getAttribute("height"));
    Map<String, Element> groups = nodeGroups(collapsed);
    Element c = groups.get("c1");
    assertEquals("node chain none", c.getAttribute("class"));
    assertTrue(c.getTextContent().contains("134 actions"), c.getTextContent());
    assertTrue(child(c, "title").getTextContent().contains("c77 (fs)"), "the tooltip lists the members");
    assertEquals(134, c.getAttribute("data-nodes").split(" ").length);
    assertTrue(groups.containsKey("b1") && groups.containsKey("d1") && groups.containsKey("fk"));

    // a running node and a failed one stay visible; the chain is cut around them
    List<JournalRecord> records = new ArrayList<>(List.of(
        JournalRecord.submitted(1, "0000002-000000000000000-hk-W", "/apps/large", "large", "me", Map.of(), null),
        JournalRecord.status(1, WorkflowStatus.RUNNING, null),
        JournalRecord.end(2, ":start:", NodeStatus.OK, List.of("c1"), null, null, null, null, false)));
    for (int i = 1; i < 60; i++) {
      records.add(JournalRecord.start(3, "c" + i, 1));
      records.add(JournalRecord.end(3, "c" + i, NodeStatus.OK, List.of("c" + (i + 1)), null, null, null, null,
          false));
    }
    records.add(JournalRecord.start(4, "c60", 1));
    Document running = draw("large-running", definition, RunState.replay(records), GraphOptions.COLLAPSE);
    assertReadable(running);
    Map<String, Element> shown = nodeGroups(running);
    assertEquals("node action running", shown.get("c60").getAttribute("class"));
    assertEquals("node chain ok", shown.get("c1").getAttribute("class"));
    assertEquals("node chain not_reached", shown.get("c61").getAttribute("class"));
  }

  @Test
  void theCliCollapsesOnlyWhenAsked() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "graph-cli", "large"));
    Files.writeString(dir.resolve("workflow.xml"), large());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    conf.set("fs.defaultFS", "file:///");
    WorkflowCli cli = new WorkflowCli(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("HK_WORKFLOW_STATE_DIR", Path.of("target", "graph-cli", "state").toString(), "PATH", "/nonexistent"))
        .withConf(conf);
    assertEquals(0, cli.run(new String[] {"graph", dir.toString(), "--format", "svg", "--collapse"}), err.toString());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("class=\"node chain "));
    out.reset();
    assertEquals(0, cli.run(new String[] {"graph", dir.toString(), "--format", "svg"}), err.toString());
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("class=\"node chain "));
    assertEquals(2, cli.run(new String[] {"graph", dir.toString(), "--collapse"}), "dot has no collapsed chains");
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--collapse is for the built-in SVG drawing"));
  }

  @Test
  void theExamplesDraw() throws Exception {
    Path examples = Path.of("examples");
    if (!Files.isDirectory(examples)) {
      return;
    }
    try (var apps = Files.list(examples)) {
      for (Path app : apps.filter(p -> Files.exists(p.resolve("workflow.xml"))).toList()) {
        WorkflowDefinition definition = new WorkflowParser().parse(Files.readAllBytes(app.resolve("workflow.xml")),
            app.resolve("workflow.xml").toString());
        Document svg = draw("example-" + app.getFileName(), definition, null, GraphOptions.DEFAULT);
        assertEquals(definition.nodes().size(), nodeGroups(svg).size(), app.toString());
        assertReadable(svg);
      }
    }
  }

  // ---- reading the SVG back

  private static WorkflowDefinition definition(String xml) throws Exception {
    return new WorkflowParser().parse(xml.getBytes(StandardCharsets.UTF_8), "workflow.xml");
  }

  private static Document draw(String name, WorkflowDefinition definition, RunState run, GraphOptions options)
      throws Exception {
    String svg = SvgGraph.render(definition, run, options);
    Path dir = Files.createDirectories(Path.of("target", "graphs"));
    Files.writeString(dir.resolve(name + ".svg"), svg);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, Element> nodeGroups(Document svg) {
    Map<String, Element> out = new HashMap<>();
    NodeList groups = svg.getElementsByTagNameNS(SVG_NS, "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").startsWith("node ")) {
        out.put(g.getAttribute("data-name"), g);
      }
    }
    return out;
  }

  private static List<Element> edges(Document svg) {
    List<Element> out = new ArrayList<>();
    NodeList groups = svg.getElementsByTagNameNS(SVG_NS, "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").startsWith("edge ")) {
        out.add(g);
      }
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getLocalName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String path(Element edge) {
    return child(edge, "path").getAttribute("d");
  }

  private static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }

  /** The path's points, cubic segments flattened into 24 pieces each. */
  static List<double[]> polyline(String d) {
    List<double[]> points = new ArrayList<>();
    String[] tokens = d.trim().split("[\\s]+");
    int i = 0;
    while (i < tokens.length) {
      String token = tokens[i];
      char command = token.charAt(0);
      if (command == 'M' || command == 'L') {
        points.add(point(token.substring(1)));
        i++;
      } else if (command == 'C') {
        double[] p0 = points.get(points.size() - 1);
        double[] p1 = point(token.substring(1));
        double[] p2 = point(tokens[i + 1]);
        double[] p3 = point(tokens[i + 2]);
        for (int k = 1; k <= 24; k++) {
          double t = k / 24.0;
          double u = 1 - t;
          points.add(new double[] {
              u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
              u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1]});
        }
        i += 3;
      } else {
        throw new AssertionError("unexpected path command in " + d);
      }
    }
    return points;
  }

  private static double[] point(String xy) {
    String[] parts = xy.split(",");
    return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
  }

  record Box(double left, double top, double right, double bottom) {
    boolean overlaps(Box o) {
      return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
    }

    /** Whether the segment a-b enters the box (shrunk by half a pixel: touching its border is not crossing). */
    boolean crosses(double[] a, double[] b) {
      double l = left + 0.5;
      double r = right - 0.5;
      double t = top + 0.5;
      double bt = bottom - 0.5;
      double t0 = 0;
      double t1 = 1;
      double dx = b[0] - a[0];
      double dy = b[1] - a[1];
      double[] p = {-dx, dx, -dy, dy};
      double[] q = {a[0] - l, r - a[0], a[1] - t, bt - a[1]};
      for (int k = 0; k < 4; k++) {
        if (p[k] == 0) {
          if (q[k] < 0) {
            return false;
          }
        } else {
          double s = q[k] / p[k];
          if (p[k] < 0) {
            t0 = Math.max(t0, s);
          } else {
            t1 = Math.min(t1, s);
          }
        }
      }
      return t0 < t1;
    }
  }

  /** A node's outline as drawn: its first shape element. */
  record Shape(String kind, double cx, double cy, double r, List<double[]> polygon, Box box) {
    double distanceToOutline(double[] p) {
      if (kind.equals("circle")) {
        return Math.abs(Math.hypot(p[0] - cx, p[1] - cy) - r);
      }
      double best = Double.MAX_VALUE;
      for (int i = 0; i < polygon.size(); i++) {
        double[] a = polygon.get(i);
        double[] b = polygon.get((i + 1) % polygon.size());
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
      }
      return best;
    }
  }

  private static Map<String, Shape> shapes(Document svg) {
    Map<String, Shape> out = new HashMap<>();
    for (Map.Entry<String, Element> node : nodeGroups(svg).entrySet()) {
      Element shape = null;
      NodeList children = node.getValue().getChildNodes();
      for (int i = 0; i < children.getLength() && shape == null; i++) {
        if (children.item(i) instanceof Element e && !e.getLocalName().equals("title")) {
          shape = e;
        }
      }
      assertNotNull(shape, node.getKey());
      switch (shape.getLocalName()) {
        case "circle" -> {
          double cx = num(shape, "cx");
          double cy = num(shape, "cy");
          double r = num(shape, "r");
          out.put(node.getKey(), new Shape("circle", cx, cy, r, List.of(), new Box(cx - r, cy - r, cx + r, cy + r)));
        }
        case "rect" -> {
          double x = num(shape, "x");
          double y = num(shape, "y");
          double w = num(shape, "width");
          double h = num(shape, "height");
          out.put(node.getKey(), new Shape("rect", x + w / 2, y + h / 2, 0, List.of(new double[] {x, y},
              new double[] {x + w, y}, new double[] {x + w, y + h}, new double[] {x, y + h}),
              new Box(x, y, x + w, y + h)));
        }
        case "polygon" -> {
          List<double[]> points = new ArrayList<>();
          for (String xy : shape.getAttribute("points").trim().split("\\s+")) {
            points.add(point(xy));
          }
          Box box = new Box(points.stream().mapToDouble(p -> p[0]).min().orElseThrow(),
              points.stream().mapToDouble(p -> p[1]).min().orElseThrow(),
              points.stream().mapToDouble(p -> p[0]).max().orElseThrow(),
              points.stream().mapToDouble(p -> p[1]).max().orElseThrow());
          out.put(node.getKey(), new Shape("polygon", (box.left() + box.right()) / 2, (box.top() + box.bottom()) / 2,
              0, points, box));
        }
        default -> throw new AssertionError("unknown shape " + shape.getLocalName());
      }
    }
    return out;
  }
}
