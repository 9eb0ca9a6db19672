package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.el.ElException;
import dev.hadoopkit.workflow.el.ElScope;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * An action's XML body as a DOM with every ${…} in its attributes and text resolved, just before an attempt runs
 * (EL sees the run as it is then: earlier actions' data, the attempt's retry). One per run.
 */
final class ActionBodyResolver {
  private final ElEvaluator el;
  /** Looking a factory up scans the classpath; one per run, used under its lock. */
  private final DocumentBuilderFactory documents = newDocumentBuilderFactory();

  ActionBodyResolver(ElEvaluator el) {
    this.el = el;
  }

  private static DocumentBuilderFactory newDocumentBuilderFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance(); // the JDK's: no classpath scan
    factory.setNamespaceAware(true);
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("XML parser without DOCTYPE protection: " + e.getMessage(), e);
    }
    return factory;
  }

  /** The action body with every ${…} in attributes and text resolved. */
  Element resolve(String xml, ElScope scope) throws Exception {
    javax.xml.parsers.DocumentBuilder builder;
    synchronized (documents) {
      builder = documents.newDocumentBuilder();
    }
    Element root = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
    resolveTree(root, scope);
    return root;
  }

  private void resolveTree(org.w3c.dom.Node node, ElScope scope) throws ElException {
    if (node instanceof Element element) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attr = (Attr) attributes.item(i);
        if (ElEvaluator.hasEl(attr.getValue())) {
          attr.setValue(el.evaluateString(attr.getValue(), scope));
        }
      }
    } else if (node.getNodeType() == org.w3c.dom.Node.TEXT_NODE
        || node.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
      if (ElEvaluator.hasEl(node.getNodeValue())) {
        node.setNodeValue(el.evaluateString(node.getNodeValue(), scope));
      }
    }
    for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      resolveTree(child, scope);
    }
  }
}
