package dev.hadoopkit.workflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code graph --format svg} drawn in Java: well-formed SVG, one group per node, shapes, edges, state colours. */
class GraphSvgTest {
  @TempDir
  Path root;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    return new WorkflowCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("HK_WORKFLOW_STATE_DIR", root.resolve("state").toString(), "PATH", "/nonexistent"))
        .withConf(conf).run(args);
  }

  private Path app(String name, String xml) throws Exception {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.writeString(dir.resolve("workflow.xml"), xml);
    return dir;
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The node groups by node name. */
  private static Map<String, Element> nodes(Document svg) {
    Map<String, Element> out = new HashMap<>();
    NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").startsWith("node ")) {
        out.put(g.getAttribute("data-name"), g);
      }
    }
    return out;
  }

  private static String fill(Element group) {
    Element shape = (Element) group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "*").item(1);
    return shape.getAttribute("fill");
  }

  /*
   *  start -> fk(fork) -> left(fs), right(fs) -> jn(join) -> check(decision) --case--> end
   *                                                                  \--default--> fail(kill)
   */
  @Test
  void drawsEveryNodeWithItsShapeWithoutGraphviz() throws Exception {
    Path app = app("forked", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"forked\">\n"
        + "  <start to=\"fk\"/>\n  <fork name=\"fk\"><path start=\"left\"/><path start=\"right\"/></fork>\n"
        + "  <action name=\"left\"><fs><mkdir path=\"/tmp/x\"/></fs><ok to=\"jn\"/><error to=\"fail\"/></action>\n"
        + "  <action name=\"right\"><fs><mkdir path=\"/tmp/y\"/></fs><ok to=\"jn\"/><error to=\"fail\"/></action>\n"
        + "  <join name=\"jn\" to=\"check\"/>\n"
        + "  <decision name=\"check\"><switch><case to=\"end\">${1 lt 2}</case><default to=\"fail\"/></switch>"
        + "</decision>\n"
        + "  <kill name=\"fail\"><message>x</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");

    assertEquals(0, run("graph", app.toString(), "--format", "svg"), err.toString());
    Document svg = parse(out.toString(StandardCharsets.UTF_8));
    Map<String, Element> nodes = nodes(svg);
    assertEquals(java.util.Set.of(":start:", "fk", "left", "right", "jn", "check", "end", "fail"), nodes.keySet());
    for (Map.Entry<String, Element> node : nodes.entrySet()) {
      assertTrue(node.getValue().getTextContent().contains(node.getKey().equals(":start:") ? "start" : node.getKey()),
          node.getKey());
    }
    assertEquals("circle", svg(nodes.get("end")).get(0));
    assertEquals("polygon", svg(nodes.get("fail")).get(0));
    assertEquals("polygon", svg(nodes.get("check")).get(0));
    assertEquals("rect", svg(nodes.get("fk")).get(0));
    assertTrue(nodes.get("left").getTextContent().contains("fs"), "action type shown");
    // layered top to bottom: the fork's paths share a layer, below the fork and above the join
    double forkY = centerY(nodes.get("fk"));
    assertEquals(centerY(nodes.get("left")), centerY(nodes.get("right")));
    assertTrue(forkY < centerY(nodes.get("left")) && centerY(nodes.get("left")) < centerY(nodes.get("jn")));
    NodeList paths = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
    int dashedRed = 0;
    for (int i = 0; i < paths.getLength(); i++) {
      Element path = (Element) paths.item(i);
      Element group = (Element) path.getParentNode();
      if (group.getAttribute("class").equals("edge error")) {
        assertEquals("#cc0000", path.getAttribute("stroke"));
        assertEquals("6,4", path.getAttribute("stroke-dasharray"));
        dashedRed++;
      } else if (group.getAttribute("class").equals("edge ok")) {
        assertEquals("", path.getAttribute("stroke-dasharray"));
      }
    }
    assertEquals(2, dashedRed, "one error edge per action");
  }

  /*
   *  start -> made(fs mkdir) -> broken(fs move of a missing path) --error--> fail(kill)
   *                                    \--ok--> check(decision) -> end        (not reached)
   */
  @Test
  void fillsNodesByTheirStateInARun() throws Exception {
    Path app = app("failing", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"failing\">\n"
        + "  <start to=\"made\"/>\n"
        + "  <action name=\"made\"><fs><mkdir path=\"" + root.resolve("made") + "\"/></fs>"
        + "<ok to=\"broken\"/><error to=\"fail\"/></action>\n"
        + "  <action name=\"broken\"><fs><move source=\"" + root.resolve("missing") + "\" target=\""
        + root.resolve("moved") + "\"/></fs><ok to=\"check\"/><error to=\"fail\"/></action>\n"
        + "  <decision name=\"check\"><switch><case to=\"end\">${true}</case><default to=\"end\"/></switch>"
        + "</decision>\n"
        + "  <kill name=\"fail\"><message>broken</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    assertEquals(1, run("run", app.toString()), out.toString());
    String id = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("job: ")).findFirst()
        .orElseThrow().substring(5);

    assertEquals(0, run("graph", "--run", id, "--format", "svg"), err.toString());
    Map<String, Element> nodes = nodes(parse(out.toString(StandardCharsets.UTF_8)));
    assertEquals(6, nodes.size());
    assertEquals(SvgGraph.OK_FILL, fill(nodes.get(":start:")));
    assertEquals(SvgGraph.OK_FILL, fill(nodes.get("made")));
    assertEquals(SvgGraph.FAILED_FILL, fill(nodes.get("broken")));
    assertEquals(SvgGraph.FAILED_FILL, fill(nodes.get("fail")));
    assertEquals(SvgGraph.NOT_REACHED_FILL, fill(nodes.get("check")));
    assertEquals(SvgGraph.NOT_REACHED_FILL, fill(nodes.get("end")));
    assertTrue(nodes.get("broken").getAttribute("class").contains("error"), nodes.get("broken").getAttribute("class"));
  }

  @Test
  void unknownEngineIsAUsageError() throws Exception {
    Path app = app("tiny", "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"tiny\">\n  <start to=\"end\"/>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    assertEquals(2, run("graph", app.toString(), "--format", "svg", "--engine", "neato"));
    assertTrue(err.toString().contains("--engine must be builtin or dot"), err.toString());
  }

  @Test
  void barycenterOrderingRemovesACrossing() {
    // s -> x, y; x -> q; y -> p. In the given order p comes before q, which crosses x->q and y->p.
    GraphLayout layout = GraphLayout.of(List.of("s", "x", "y", "p", "q"),
        List.of(new String[] {"s", "x"}, new String[] {"s", "y"}, new String[] {"x", "q"}, new String[] {"y", "p"}));
    assertEquals(List.of(List.of("s"), List.of("x", "y"), List.of("q", "p")), layout.layers());
    // longest path: a node reached by a short and a long path sits below the long one
    GraphLayout longest = GraphLayout.of(List.of("s", "a", "b", "t"),
        List.of(new String[] {"s", "a"}, new String[] {"a", "b"}, new String[] {"b", "t"}, new String[] {"s", "t"}));
    assertEquals(3, longest.layer().get("t"));
  }

  private static List<String> svg(Element group) {
    List<String> names = new java.util.ArrayList<>();
    NodeList children = group.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && !e.getLocalName().equals("title")) {
        names.add(e.getLocalName());
      }
    }
    return names;
  }

  private static double centerY(Element group) {
    NodeList texts = group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    return Double.parseDouble(((Element) texts.item(0)).getAttribute("y"));
  }
}
