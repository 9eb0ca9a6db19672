package dev.hadoopkit.workflow.definition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Namespace-aware DOM parsing that remembers where each element starts, so messages can name line and column.
 * External entities and DTDs are refused (workflow files come from users).
 */
public final class LocatedXml {
  private static final String LOCATION_KEY = "hk.location";

  private LocatedXml() {
  }

  /** Parses the bytes of {@code file}; a malformed document raises E0700 with its line and column. */
  public static Document parse(byte[] bytes, String file) throws WorkflowException {
    try {
      // the JDK's own implementations: newInstance() scans every jar of the classpath for a provider on each call
      // (none of ours has one, so it always ended with the same JDK class), which was the largest single cost of
      // preparing a run in the daemon
      SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
      BuildingHandler handler = new BuildingHandler(document, file);
      InputSource source = new InputSource(new ByteArrayInputStream(bytes));
      source.setSystemId(file);
      factory.newSAXParser().parse(source, handler);
      return document;
    } catch (SAXParseException e) {
      Location where = new Location(file, e.getLineNumber(), e.getColumnNumber());
      throw new WorkflowException(ErrorCode.E0700, where,
          "the file is not well-formed XML: " + e.getMessage() + " Fix the XML at this place.");
    } catch (SAXException | ParserConfigurationException | IOException e) {
      throw new WorkflowException(ErrorCode.E0700, Location.of(file), "cannot parse the XML: " + e.getMessage());
    }
  }

  public static Location location(Node node) {
    Object location = node.getUserData(LOCATION_KEY);
    return location instanceof Location l ? l : null;
  }

  /** Child elements of {@code parent}, in order. */
  public static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** Child elements with this local name, in order. */
  public static List<Element> children(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
  }

  public static Element child(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst().orElse(null);
  }

  /** Trimmed text of the named child, or null when absent. */
  public static String childText(Element parent, String localName) {
    Element child = child(parent, localName);
    return child == null ? null : child.getTextContent().trim();
  }

  /** The attribute value, or null when absent. */
  public static String attribute(Element element, String name) {
    return element.hasAttribute(name) ? element.getAttribute(name) : null;
  }

  /** Serializes an element (with the namespace declarations it needs) to text. */
  public static String toXml(Element element) {
    try {
      var transformer = TransformerFactory.newDefaultInstance().newTransformer(); // no classpath scan (see parse)
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(element), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("Cannot serialize element <" + element.getNodeName() + ">: " + e.getMessage(), e);
    }
  }

  /** Builds a DOM from SAX events, storing each element's start position as user data. */
  private static final class BuildingHandler extends DefaultHandler {
    private final Document document;
    private final String file;
    private final Deque<Node> stack = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private Locator locator;

    BuildingHandler(Document document, String file) {
      this.document = document;
      this.file = file;
      stack.push(document);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      flushText();
      Element element = document.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
      for (int i = 0; i < attributes.getLength(); i++) {
        String attrUri = attributes.getURI(i);
        element.setAttributeNS(attrUri == null || attrUri.isEmpty() ? null : attrUri, attributes.getQName(i),
            attributes.getValue(i));
      }
      element.setUserData(LOCATION_KEY,
          new Location(file, locator == null ? 0 : locator.getLineNumber(),
              locator == null ? 0 : locator.getColumnNumber()), null);
      stack.peek().appendChild(element);
      stack.push(element);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      flushText();
      stack.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      text.append(ch, start, length);
    }

    private void flushText() {
      if (text.length() > 0) {
        if (stack.peek() instanceof Element) {
          stack.peek().appendChild(document.createTextNode(text.toString()));
        }
        text.setLength(0);
      }
    }
  }
}
