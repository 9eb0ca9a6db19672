package dev.hadoopkit.workflow.coord;

import static dev.hadoopkit.workflow.definition.LocatedXml.attribute;
import static dev.hadoopkit.workflow.definition.LocatedXml.child;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;
import static dev.hadoopkit.workflow.definition.LocatedXml.location;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.SchemaCatalog;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * bundle.xml + the bundle's properties → {@link BundleDefinition}, as Oozie's BundleSubmitXCommand: E0700, E0701,
 * E0738 required parameter, E1004 bad EL (variables and {@code bundle:conf}), E1305 empty coordinator name, E1304
 * duplicate name, E1310 bad kick-off-time.
 */
public final class BundleParser {
  private final SchemaCatalog schemas;

  public BundleParser(SchemaCatalog schemas) {
    this.schemas = schemas;
  }

  public BundleParser() {
    this(SchemaCatalog.shared());
  }

  public BundleDefinition parse(byte[] xml, String file, Map<String, String> conf) throws WorkflowException {
    return parse(xml, file, conf, false);
  }

  /**
   * Checks a bundle without its job properties (bin/workflow validate): a variable defined nowhere reads as its own
   * {@code ${name}} text instead of failing.
   */
  public BundleDefinition validate(byte[] xml, String file, Map<String, String> conf) throws WorkflowException {
    return parse(xml, file, conf, true);
  }

  private BundleDefinition parse(byte[] xml, String file, Map<String, String> conf, boolean lenient)
      throws WorkflowException {
    Element root = LocatedXml.parse(xml, file).getDocumentElement();
    String namespace = root.getNamespaceURI();
    if (!"bundle-app".equals(root.getLocalName()) || !SchemaCatalog.isBundleNamespace(namespace)) {
      throw new WorkflowException(ErrorCode.E0701, location(root), "root element <" + root.getNodeName()
          + "> in namespace '" + namespace + "' is not a bundle application. Use <bundle-app"
          + " xmlns=\"uri:oozie:bundle:0.2\" name=\"...\"> (accepted versions " + SchemaCatalog.BUNDLE_VERSIONS + ").");
    }
    schemas.validateSchedule(xml, file);
    Map<String, String> properties = CoordinatorParser.withParameters(root, conf, lenient);
    if (lenient) {
      lenientVariables(root, properties);
    }
    String name = eval(root.getAttribute("name"), properties, location(root), "the bundle name");
    Instant kickOff = null;
    Element controls = child(root, "controls");
    Element kickOffElement = controls == null ? null : child(controls, "kick-off-time");
    if (kickOffElement != null && !kickOffElement.getTextContent().isBlank()) {
      String text = eval(kickOffElement.getTextContent().trim(), properties, location(kickOffElement),
          "<kick-off-time>").trim();
      // validate without job properties: a kick-off time still to be given at submission is fine
      if (!(lenient && text.contains("${"))) {
        try {
          kickOff = CoordTimes.parse(text);
        } catch (RuntimeException e) {
          throw new WorkflowException(ErrorCode.E1310, location(kickOffElement), "invalid kick-off-time '" + text
              + "': " + e.getMessage() + ". Write it as yyyy-MM-ddTHH:mmZ (e.g. 2009-02-01T00:00Z).");
        }
      }
    }
    List<BundleCoordinator> coordinators = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    for (Element element : children(root, "coordinator")) {
      Location where = location(element);
      String coordName = eval(element.getAttribute("name"), properties, where, "the coordinator name").trim();
      if (coordName.isEmpty()) {
        throw new WorkflowException(ErrorCode.E1305, where, "a <coordinator> of the bundle has an empty name."
            + " Give every coordinator a unique name.");
      }
      Location previous = seen.putIfAbsent(coordName, where);
      if (previous != null) {
        throw new WorkflowException(ErrorCode.E1304, where, "coordinator name [" + coordName + "] is already used at"
            + " line " + previous.line() + ". Give every coordinator of the bundle a unique name.");
      }
      Element appPathElement = child(element, "app-path");
      String appPath = eval(appPathElement.getTextContent().trim(), properties, location(appPathElement),
          "<app-path>").trim();
      Map<String, String> configuration = new LinkedHashMap<>();
      Element configurationElement = child(element, "configuration");
      if (configurationElement != null) {
        for (Element property : children(configurationElement, "property")) {
          String key = eval(LocatedXml.childText(property, "name"), properties, location(property), "a property name");
          Element value = child(property, "value");
          configuration.put(key.trim(), eval(value.getTextContent(), properties, location(value),
              "the <value> of property " + key));
        }
      }
      String critical = attribute(element, "critical");
      String enabled = attribute(element, "enabled");
      coordinators.add(new BundleCoordinator(coordName, appPath, configuration,
          critical != null && Boolean.parseBoolean(eval(critical, properties, where, "critical").trim()),
          enabled == null || Boolean.parseBoolean(eval(enabled, properties, where, "enabled").trim())));
    }
    return new BundleDefinition(name, namespace, kickOff, coordinators, new String(xml, StandardCharsets.UTF_8),
        file);
  }

  /** Defines every undefined variable of the document as its own ${name} text. */
  private static void lenientVariables(Element element, Map<String, String> properties) {
    java.util.List<String> texts = new ArrayList<>();
    org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      texts.add(attributes.item(i).getNodeValue());
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        lenientVariables(e, properties);
      } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
        texts.add(child.getNodeValue());
      }
    }
    for (String text : texts) {
      for (String name : CoordEl.missingVariables(text, new CoordElContext(Phase.BUNDLE, properties))) {
        properties.put(name, "${" + name + "}");
      }
    }
  }

  private static String eval(String text, Map<String, String> properties, Location where, String what)
      throws WorkflowException {
    return CoordEl.evaluate(text == null ? "" : text, new CoordElContext(Phase.BUNDLE, properties), where, what);
  }
}
