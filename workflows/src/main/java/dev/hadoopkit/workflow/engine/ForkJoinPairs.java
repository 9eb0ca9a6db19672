package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Which join closes which fork, and so how many tokens each join waits for (the validator guarantees pairing). */
final class ForkJoinPairs {
  private ForkJoinPairs() {
  }

  static Map<String, Integer> joinWidths(WorkflowDefinition definition) {
    Map<String, Integer> widths = new HashMap<>();
    for (Node node : definition.nodes().values()) {
      if (node instanceof Node.Fork fork) {
        String join = joinOf(definition, fork);
        if (join != null) {
          widths.put(join, fork.paths().size());
        }
      }
    }
    return widths;
  }

  static String joinOf(WorkflowDefinition definition, Node.Fork fork) {
    for (String path : fork.paths()) {
      String join = firstJoin(definition, path, new HashSet<>());
      if (join != null) {
        return join;
      }
    }
    return null;
  }

  private static String firstJoin(WorkflowDefinition definition, String name, Set<String> seen) {
    if (!seen.add(name)) {
      return null;
    }
    Node node = definition.node(name);
    if (node instanceof Node.Join) {
      return name;
    }
    if (node instanceof Node.Fork inner) {
      String innerJoin = joinOf(definition, inner);
      return innerJoin == null ? null : firstJoin(definition, ((Node.Join) definition.node(innerJoin)).to(), seen);
    }
    for (String to : node.transitions()) {
      String join = firstJoin(definition, to, seen);
      if (join != null) {
        return join;
      }
    }
    return null;
  }
}
