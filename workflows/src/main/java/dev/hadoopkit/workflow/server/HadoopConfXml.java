package dev.hadoopkit.workflow.server;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Hadoop's configuration XML ({@code <configuration><property><name/><value/></property>...}), the body the Oozie
 * client POSTs on submit and PUTs on rerun, and the form of every {@code conf} field Oozie answers with.
 */
final class HadoopConfXml {
  private HadoopConfXml() {
  }

  /** Renders properties (sorted by name) as Hadoop configuration XML; values are XML-escaped. */
  public static String write(Map<String, String> conf) {
    StringBuilder sb = new StringBuilder("<configuration>\n");
    if (conf != null) {
      for (Map.Entry<String, String> e : new TreeMap<>(conf).entrySet()) {
        sb.append("  <property>\n    <name>").append(escape(e.getKey())).append("</name>\n    <value>")
            .append(escape(e.getValue() == null ? "" : e.getValue())).append("</value>\n  </property>\n");
      }
    }
    return sb.append("</configuration>").toString();
  }

  /**
   * Parses a configuration body; an empty body is an empty configuration. DOCTYPEs and external entities are
   * refused. Malformed XML is a 400 naming the problem.
   */
  public static Map<String, String> parse(byte[] body) {
    Map<String, String> conf = new LinkedHashMap<>();
    if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return conf;
    }
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      doc = b.parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new HttpError(400, "E0400",
          "the request body is not a Hadoop configuration XML (" + oneLine(e.getMessage())
              + "): send <configuration><property><name>…</name><value>…</value></property></configuration>");
    }
    Element root = doc.getDocumentElement();
    if (!"configuration".equals(root.getTagName())) {
      throw new HttpError(400, "E0400",
          "the request body's root element is <" + root.getTagName() + ">, expected <configuration>");
    }
    NodeList props = root.getChildNodes();
    for (int i = 0; i < props.getLength(); i++) {
      Node n = props.item(i);
      if (!(n instanceof Element p) || !"property".equals(p.getTagName())) {
        continue;
      }
      String name = null;
      String value = null;
      NodeList fields = p.getChildNodes();
      for (int j = 0; j < fields.getLength(); j++) {
        if (fields.item(j) instanceof Element field) {
          if ("name".equals(field.getTagName())) {
            name = field.getTextContent().trim();
          } else if ("value".equals(field.getTagName())) {
            value = field.getTextContent().trim();
          }
        }
      }
      if (name == null || name.isEmpty()) {
        throw new HttpError(400, "E0400", "a <property> of the configuration has no <name>");
      }
      conf.put(name, value == null ? "" : value);
    }
    return conf;
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
            sb.append("&#xFFFD;"); // not representable in XML 1.0
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
  }
}
