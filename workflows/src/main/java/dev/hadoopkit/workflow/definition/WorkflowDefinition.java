package dev.hadoopkit.workflow.definition;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed and validated workflow application: immutable, shared by every run of it. Run-time state lives in
 * {@code dev.hadoopkit.workflow.state}, the engine that moves it forward in {@code dev.hadoopkit.workflow.engine}.
 */
public final class WorkflowDefinition {
  private final String name;
  private final String namespace;
  private final String sourceFile;
  private final String xml;
  private final List<Parameter> parameters;
  private final GlobalSpec global;
  private final Map<String, Node> nodes;

  public WorkflowDefinition(String name, String namespace, String sourceFile, String xml, List<Parameter> parameters,
      GlobalSpec global, Collection<Node> nodes) {
    this.name = name;
    this.namespace = namespace;
    this.sourceFile = sourceFile;
    this.xml = xml;
    this.parameters = List.copyOf(parameters);
    this.global = global;
    var byName = new LinkedHashMap<String, Node>();
    nodes.forEach(n -> byName.put(n.name(), n));
    this.nodes = Collections.unmodifiableMap(byName);
  }

  /** The {@code name} attribute as written (it may hold EL). */
  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  public String sourceFile() {
    return sourceFile;
  }

  /** The workflow.xml text, for the run's record and for EL checks. */
  public String xml() {
    return xml;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * The {@code <parameters>} without a default that {@code properties} does not define, in document order: what
   * Oozie's submission refuses as E0738 (an empty list when the workflow can be submitted with them).
   */
  public List<String> undefinedParameters(Map<String, String> properties) {
    return parameters.stream().filter(Parameter::isRequired).map(Parameter::name)
        .filter(n -> !properties.containsKey(n)).toList();
  }

  public GlobalSpec global() {
    return global;
  }

  /** All nodes by name in document order; the start node is {@link Node#START_NAME}. */
  public Map<String, Node> nodes() {
    return nodes;
  }

  public Node node(String nodeName) {
    Node node = nodes.get(nodeName);
    if (node == null) {
      throw new IllegalArgumentException("Invalid node name, no such node in workflow " + name + ": " + nodeName);
    }
    return node;
  }

  public Node.Start start() {
    return (Node.Start) nodes.get(Node.START_NAME);
  }

  public List<Node.Action> actions() {
    return nodes.values().stream().filter(n -> n instanceof Node.Action).map(n -> (Node.Action) n).toList();
  }
}
