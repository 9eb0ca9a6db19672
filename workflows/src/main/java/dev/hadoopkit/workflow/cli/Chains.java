package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Long linear chains of actions, which a large drawing may show as one box. A chain is a run of actions where each
 * has exactly one incoming transition and its ok transition is the next one's only incoming one; each member's
 * error transition may go anywhere outside the chain (every Oozie action has one, usually to the same kill node),
 * so "single-out" means the ok path. Members the reader must see (running, failed) are never part of a chain: they
 * split it, and each side still collapses when long enough.
 */
final class Chains {
  private Chains() {
  }

  /** The chains of at least {@code minLength} actions, members in path order, none matching {@code keepVisible}. */
  static List<List<String>> find(WorkflowDefinition definition, List<GraphEdge> edges, Predicate<Node> keepVisible,
      int minLength) {
    Map<String, Integer> inDegree = new HashMap<>();
    for (GraphEdge edge : edges) {
      inDegree.merge(edge.to(), 1, Integer::sum);
    }
    Map<String, Node> nodes = definition.nodes();
    Predicate<String> member = name -> nodes.get(name) instanceof Node.Action
        && inDegree.getOrDefault(name, 0) == 1 && !keepVisible.test(nodes.get(name));
    List<List<String>> chains = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : nodes.keySet()) {
      if (seen.contains(name) || !member.test(name) || continues(previousOf(name, nodes), name, member, nodes)) {
        continue; // not a member, or not the head of its chain: found from the head
      }
      List<String> chain = new ArrayList<>();
      String at = name;
      while (at != null && seen.add(at)) {
        chain.add(at);
        String next = ((Node.Action) nodes.get(at)).okTo();
        at = continues(at, next, member, nodes) ? next : null;
      }
      if (chain.size() >= minLength) {
        chains.add(List.copyOf(chain));
      }
    }
    return List.copyOf(chains);
  }

  /** True when {@code next} extends a chain that {@code at} belongs to. */
  private static boolean continues(String at, String next, Predicate<String> member, Map<String, Node> nodes) {
    return at != null && next != null && member.test(at) && member.test(next)
        && ((Node.Action) nodes.get(at)).okTo().equals(next) && !((Node.Action) nodes.get(at)).errorTo().equals(next);
  }

  /** The action whose ok transition leads to {@code name}, if any. */
  private static String previousOf(String name, Map<String, Node> nodes) {
    for (Node node : nodes.values()) {
      if (node instanceof Node.Action a && a.okTo().equals(name)) {
        return a.name();
      }
    }
    return null;
  }
}
