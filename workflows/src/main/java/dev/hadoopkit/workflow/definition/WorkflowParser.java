package dev.hadoopkit.workflow.definition;

import static dev.hadoopkit.workflow.definition.LocatedXml.attribute;
import static dev.hadoopkit.workflow.definition.LocatedXml.child;
import static dev.hadoopkit.workflow.definition.LocatedXml.childText;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;
import static dev.hadoopkit.workflow.definition.LocatedXml.location;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * workflow.xml text → {@link WorkflowDefinition} as Apache Oozie 5.2.1 judges it: well-formedness and Oozie's own
 * XSDs (E0701, as Oozie reports both), parameters (E0739), structure (E0705), then the graph rules of
 * {@link GraphValidator}. Nothing here evaluates EL; that happens when a run is submitted.
 */
public final class WorkflowParser {
  /** How many distinct documents {@link #parse} remembers (a daemon runs a few apps many times). */
  private static final int CACHED = 64;

  private final SchemaCatalog schemas;
  /**
   * Definitions by exact document bytes and file name. Parsing is a pure function of the two and a definition is
   * immutable, so the same workflow.xml submitted again (every nominal time of a coordinator, and its run reading its
   * copy back) is parsed, validated against the XSD and graph-checked once. A changed file has other bytes and is
   * parsed anew; documents that fail are never cached, so every error is reported as before.
   */
  private final Map<CacheKey, WorkflowDefinition> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<CacheKey, WorkflowDefinition> eldest) {
      return size() > CACHED;
    }
  };

  private record CacheKey(String file, byte[] bytes, int hash) {
    CacheKey(String file, byte[] bytes) {
      this(file, bytes, 31 * java.util.Objects.hashCode(file) + Arrays.hashCode(bytes));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CacheKey d && hash == d.hash && java.util.Objects.equals(file, d.file)
          && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  public WorkflowParser(SchemaCatalog schemas) {
    this.schemas = schemas;
  }

  public WorkflowParser() {
    this(SchemaCatalog.shared());
  }

  public WorkflowDefinition parse(byte[] bytes, String file) throws WorkflowException {
    CacheKey key = new CacheKey(file, bytes.clone());
    synchronized (cache) {
      WorkflowDefinition known = cache.get(key);
      if (known != null) {
        return known;
      }
    }
    WorkflowDefinition definition = parseUncached(bytes, file);
    synchronized (cache) {
      cache.put(key, definition);
    }
    return definition;
  }

  private WorkflowDefinition parseUncached(byte[] bytes, String file) throws WorkflowException {
    Document document;
    try {
      document = LocatedXml.parse(bytes, file);
    } catch (WorkflowException e) {
      // Oozie validates a workflow against its XSDs before anything else reads it, so a document that is not
      // well-formed is an XML schema error (E0701) there; the same code here, with the same place and fix.
      throw new WorkflowException(ErrorCode.E0701, e.location(), e.getMessage(), e);
    }
    Element root = document.getDocumentElement();
    String namespace = root.getNamespaceURI();
    if (!"workflow-app".equals(root.getLocalName()) || !schemas.isWorkflowNamespace(namespace)) {
      throw new WorkflowException(ErrorCode.E0701, location(root),
          "root element <" + root.getNodeName() + "> in namespace '" + namespace
              + "' is not a workflow application. Use <workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"...\">"
              + " (accepted namespaces: " + String.join(", ", schemas.workflowNamespaces()) + ").");
    }
    schemas.validate(bytes, file);

    List<Parameter> parameters = new ArrayList<>();
    GlobalSpec global = GlobalSpec.EMPTY;
    List<Node> nodes = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    for (Element element : children(root)) {
      if (!namespace.equals(element.getNamespaceURI())) {
        continue; // SLA and other extension elements are accepted and ignored
      }
      Location where = location(element);
      switch (element.getLocalName()) {
        case "parameters" -> parameters.addAll(parameters(element));
        case "global" -> global = global(element);
        case "credentials" -> {
        }
        case "start" -> nodes.add(new Node.Start(element.getAttribute("to"), where));
        case "end" -> nodes.add(new Node.End(element.getAttribute("name"), where));
        case "kill" -> nodes.add(new Node.Kill(element.getAttribute("name"), childText(element, "message"), where));
        case "decision" -> nodes.add(decision(element));
        case "fork" -> nodes.add(new Node.Fork(element.getAttribute("name"),
            children(element, "path").stream().map(p -> p.getAttribute("start")).toList(), where));
        case "join" -> nodes.add(new Node.Join(element.getAttribute("name"), element.getAttribute("to"), where));
        case "action" -> nodes.add(action(element));
        default -> throw new WorkflowException(ErrorCode.E0703, where,
            "invalid workflow element <" + element.getLocalName() + ">");
      }
      Node last = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
      if (last != null && last.location() == where) {
        Location previous = seen.putIfAbsent(last.name(), where);
        if (previous != null) {
          throw new WorkflowException(ErrorCode.E0705, where, "node [" + last.name()
              + "] is already defined at line " + previous.line() + ". Give every node a unique name.");
        }
      }
    }
    String name = root.getAttribute("name");
    WorkflowDefinition definition = new WorkflowDefinition(name, namespace, file,
        new String(bytes, StandardCharsets.UTF_8), parameters, global, nodes);
    new GraphValidator().validate(definition);
    return definition;
  }

  private static List<Parameter> parameters(Element element) throws WorkflowException {
    List<Parameter> out = new ArrayList<>();
    for (Element property : children(element, "property")) {
      String name = childText(property, "name");
      if (name == null || name.isEmpty()) {
        throw new WorkflowException(ErrorCode.E0739, location(property),
            "parameter name cannot be empty. Give each <parameters><property> a <name>.");
      }
      Element value = child(property, "value");
      out.add(new Parameter(name, value == null ? null : value.getTextContent(), childText(property, "description")));
    }
    return out;
  }

  private static GlobalSpec global(Element element) {
    List<String> jobXmls = children(element, "job-xml").stream().map(e -> e.getTextContent().trim()).toList();
    return new GlobalSpec(childText(element, "job-tracker"), childText(element, "resource-manager"),
        childText(element, "name-node"), jobXmls, configuration(child(element, "configuration")));
  }

  /** {@code <configuration><property><name/><value/></property>…} as an ordered map (values untrimmed, as Hadoop). */
  public static Map<String, String> configuration(Element configuration) {
    Map<String, String> out = new LinkedHashMap<>();
    if (configuration != null) {
      for (Element property : children(configuration, "property")) {
        Element value = child(property, "value");
        out.put(childText(property, "name"), value == null ? "" : value.getTextContent());
      }
    }
    return out;
  }

  private static Node decision(Element element) {
    Element sw = child(element, "switch");
    List<Node.Case> cases = new ArrayList<>();
    for (Element c : children(sw, "case")) {
      cases.add(new Node.Case(c.getTextContent().trim(), c.getAttribute("to"), location(c)));
    }
    return new Node.Decision(element.getAttribute("name"), cases, child(sw, "default").getAttribute("to"),
        location(element));
  }

  private static Node action(Element element) {
    Element body = children(element).get(0);
    ActionSpec spec = new ActionSpec(body.getLocalName(), body.getNamespaceURI(), LocatedXml.toXml(body),
        location(body), ActionBodies.of(body));
    RetrySpec retry = new RetrySpec(attribute(element, "retry-max"), attribute(element, "retry-interval"),
        attribute(element, "retry-policy"));
    return new Node.Action(element.getAttribute("name"), spec, child(element, "ok").getAttribute("to"),
        child(element, "error").getAttribute("to"), retry, location(element));
  }
}
