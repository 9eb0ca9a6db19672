package dev.hadoopkit.workflow.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The graph rules of Apache Oozie 5.2.1 (LiteWorkflowApp.addNode and LiteWorkflowValidator), in its order and with
 * its codes, so that a workflow is accepted or refused here exactly as a submission to Oozie would be:
 * <ol>
 *   <li>in document order, no node transitions to itself (E0706);</li>
 *   <li>walking from start, depth first, over the nodes it reaches (a node nothing reaches is not checked): names of
 *       at most 128 characters (E0724), no loop (E0707), every transition names a node (E0708);</li>
 *   <li>as many forks as joins among them (E0730);</li>
 *   <li>the fork/join walk: a fork's paths go to distinct nodes (E0744; a join or kill may repeat), every fork has
 *       exactly one join (E0733, E0757), a join belongs to one fork (E0758) and is reached from a fork (E0742), no
 *       end inside a fork (E0737), and a node is reached by one "ok" path only unless decisions choose between them
 *       (E0743). Error transitions are free: they may leave a fork path, be shared inside and outside forks.</li>
 * </ol>
 * Oozie's fork/join walk follows every path again, which is exponential on a chain whose actions send ok and error
 * to the same node (OOZIE-3561, after 5.2.1); this one visits each (node, fork, decision, ok-path) state once, which
 * gives the same verdicts: a repeated state only ever repeats checks that already passed.
 */
final class GraphValidator {
  /** Oozie's ParamChecker.MAX_NODE_NAME_LEN. */
  static final int MAX_NODE_NAME_LENGTH = 128;

  public void validate(WorkflowDefinition definition) throws WorkflowException {
    Map<String, Node> nodes = definition.nodes();
    for (Node node : nodes.values()) {
      if (node.transitions().contains(node.name())) {
        throw error(ErrorCode.E0706, node, "node [" + node.name() + "] cannot transition to itself."
            + " Point the transition at another node.");
      }
    }
    int[] forksAndJoins = new int[2];
    reachable(nodes, nodes.get(Node.START_NAME), new ArrayDeque<>(), new HashSet<>(), forksAndJoins);
    if (forksAndJoins[0] != forksAndJoins[1]) {
      throw error(ErrorCode.E0730, nodes.get(Node.START_NAME), "fork/join not in pair: the workflow reaches "
          + forksAndJoins[0] + " fork(s) and " + forksAndJoins[1] + " join(s). Give every fork one join.");
    }
    new ForkJoinWalk(nodes).walk();
  }

  static WorkflowException error(ErrorCode code, Node node, String message) {
    return new WorkflowException(code, node.location(), message);
  }

  private static String nodeList(Map<String, Node> nodes) {
    return String.join(", ", nodes.keySet().stream().filter(n -> !n.equals(Node.START_NAME)).toList());
  }

  /** Oozie's performBasicValidation: names, loops and transitions of every node reachable from start. */
  private static void reachable(Map<String, Node> nodes, Node node, Deque<String> path, Set<String> checked,
      int[] forksAndJoins) throws WorkflowException {
    if (!(node instanceof Node.Start)) {
      checkName(node);
    }
    if (node instanceof Node.Fork) {
      forksAndJoins[0]++;
    } else if (node instanceof Node.Join) {
      forksAndJoins[1]++;
    }
    if (path.contains(node.name())) {
      List<String> loop = new ArrayList<>(path);
      loop = loop.subList(loop.indexOf(node.name()), loop.size());
      throw error(ErrorCode.E0707, node, "loop detected at parsing, node [" + node.name() + "] via path "
          + String.join(" -> ", loop) + " -> " + node.name() + ". Workflows are acyclic: break the loop"
          + " (use a retry-max on the action, or a sub-workflow, to repeat work).");
    }
    path.addLast(node.name());
    for (String to : node.transitions()) {
      Node next = nodes.get(to);
      if (next == null) {
        throw error(ErrorCode.E0708, node, "invalid transition, node [" + node.name() + "] transition [" + to
            + "]: no node is named '" + to + "'. Define it or fix the name (nodes: " + nodeList(nodes) + ").");
      }
      if (!checked.contains(to)) {
        reachable(nodes, next, path, checked, forksAndJoins);
        checked.add(to);
      }
    }
    path.removeLast();
  }

  /** The XSDs allow names of any length; Oozie's ParamChecker.validateActionName does not. */
  private static void checkName(Node node) throws WorkflowException {
    String name = node.name();
    if (name == null || name.isEmpty()) {
      throw error(ErrorCode.E0724, node, "invalid node name: a node needs a non-empty name.");
    }
    if (name.length() > MAX_NODE_NAME_LENGTH) {
      throw error(ErrorCode.E0724, node, "invalid node name, name [" + name.substring(0, 40) + "…] has "
          + name.length() + " characters; it must be " + MAX_NODE_NAME_LENGTH + " chars or less. Shorten it.");
    }
  }

  /** Oozie's validateForkJoin, each state walked once. */
  private static final class ForkJoinWalk {
    private final Map<String, Node> nodes;
    /** Join → the fork it closes. */
    private final Map<String, String> forkOfJoin = new HashMap<>();
    /** Node → the eldest decision above it on its first "ok" path (empty: none); Oozie's nodeAndDecisionParents. */
    private final Map<String, Optional<String>> decisionParent = new HashMap<>();
    /** The states already walked: node, enclosing fork, eldest decision, ok path. */
    private final Set<List<Object>> walked = new HashSet<>();

    ForkJoinWalk(Map<String, Node> nodes) {
      this.nodes = nodes;
    }

    void walk() throws WorkflowException {
      visit(nodes.get(Node.START_NAME), null, null, null, true);
    }

    private void visit(Node node, Node from, Node.Fork fork, String topDecision, boolean okPath)
        throws WorkflowException {
      String name = node.name();
      if (okPath && !(node instanceof Node.Kill) && !(node instanceof Node.Join) && !(node instanceof Node.End)) {
        Optional<String> known = decisionParent.get(name);
        if (known == null) {
          decisionParent.put(name, Optional.ofNullable(topDecision));
        } else if (!Objects.equals(known.orElse(null), topDecision) || topDecision == null) {
          throw error(ErrorCode.E0743, node, "multiple \"ok to\" transitions to the same node, [" + name
              + "], are not allowed: two paths that can run at once (fork paths, or a path and a join's) both"
              + " continue here. Let a decision choose between them, or meet at a join.");
        }
      }
      boolean again = !walked.add(java.util.Arrays.asList(name, fork == null ? null : fork.name(), topDecision,
          okPath));
      if (node instanceof Node.Fork f) {
        if (!again) {
          checkForkPaths(f);
          for (String path : f.paths()) {
            visit(nodes.get(path), f, f, topDecision, okPath);
          }
        }
        String join = joinOf(f);
        if (!again) {
          Node.Join j = (Node.Join) nodes.get(join);
          visit(nodes.get(j.to()), j, fork, topDecision, okPath);
        }
      } else if (again) {
        return; // every check below already passed for this very state
      } else if (node instanceof Node.Join) {
        if (fork == null) {
          throw error(ErrorCode.E0742, node, "no fork for join [" + name + "] to pair with: it is reached outside"
              + " any fork path. Every join must close a fork.");
        }
        String paired = forkOfJoin.putIfAbsent(name, fork.name());
        if (paired != null && !paired.equals(fork.name())) {
          throw error(ErrorCode.E0758, node, "join node [" + name + "] has multiple forks: [" + paired + ","
              + fork.name() + "]. Give each fork its own join.");
        }
      } else if (node instanceof Node.Decision) {
        String parent = topDecision == null ? name : topDecision;
        for (String to : node.transitions()) {
          visit(nodes.get(to), node, fork, parent, okPath);
        }
      } else if (node instanceof Node.End) {
        if (fork != null) {
          throw error(ErrorCode.E0737, from, "invalid transition from node [" + from.name() + "] to node [" + name
              + "] -- nodes of type 'end' are not allowed within Fork/Join. Send this path to the fork's join"
              + " instead, and go to the end after the join.");
        }
      } else if (node instanceof Node.Action action) {
        visit(nodes.get(action.okTo()), node, fork, topDecision, okPath);
        visit(nodes.get(action.errorTo()), node, fork, topDecision, false);
      } else if (node instanceof Node.Start start) {
        visit(nodes.get(start.to()), node, fork, topDecision, okPath);
      } else if (!(node instanceof Node.Kill)) {
        throw new IllegalStateException("Invalid node type encountered (node [" + name + "])");
      }
    }

    /** Oozie's checkForkTransitions: a join or a kill may be named twice, any other node once. */
    private void checkForkPaths(Node.Fork fork) throws WorkflowException {
      Set<String> seen = new HashSet<>();
      for (String path : fork.paths()) {
        Node target = nodes.get(path);
        if (!(target instanceof Node.Join) && !(target instanceof Node.Kill) && !seen.add(path)) {
          throw error(ErrorCode.E0744, fork, "a fork, [" + fork.name() + "], is not allowed to have multiple"
              + " transitions to the same node, [" + path + "]. Each <path start> must name a different node.");
        }
      }
    }

    /** The one join of a fork's paths (E0733 none, E0757 several), as Oozie's collectJoins and checkJoins. */
    private String joinOf(Node.Fork fork) throws WorkflowException {
      Set<String> joins = new LinkedHashSet<>();
      forkOfJoin.forEach((join, f) -> {
        if (f.equals(fork.name())) {
          joins.add(join);
        }
      });
      if (joins.isEmpty()) {
        throw error(ErrorCode.E0733, fork, "fork [" + fork.name() + "] without a join: none of its paths"
            + " reaches a join. End every path at the same <join> node.");
      }
      if (joins.size() > 1) {
        throw error(ErrorCode.E0757, fork, "fork node [" + fork.name() + "] has multiple joins: ["
            + String.join(",", joins) + "]. Make all of its paths meet at one join.");
      }
      return joins.iterator().next();
    }
  }
}
