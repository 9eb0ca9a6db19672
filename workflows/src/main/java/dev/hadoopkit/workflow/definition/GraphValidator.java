package dev.hadoopkit.workflow.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph rules of Oozie's LiteWorkflowValidator, with its error codes: transitions point at existing nodes
 * (E0708), no self transition (E0706), no cycle (E0707), forks have two or more distinct paths (E0731, E0744), every
 * fork's paths meet at one join (E0730, E0732, E0733, E0742), fork paths stay inside their fork (E0734, E0735, E0743)
 * and never reach an end node (E0737).
 */
public final class GraphValidator {

  public void validate(WorkflowDefinition definition) throws WorkflowException {
    Map<String, Node> nodes = definition.nodes();
    for (Node node : nodes.values()) {
      for (String to : node.transitions()) {
        if (to.equals(node.name())) {
          throw error(ErrorCode.E0706, node, "node [" + node.name() + "] cannot transition to itself."
              + " Point the transition at another node.");
        }
        if (!nodes.containsKey(to)) {
          throw error(ErrorCode.E0708, node, "invalid transition, node [" + label(node) + "] transition [" + to
              + "]: no node is named '" + to + "'. Define it or fix the name (nodes: "
              + String.join(", ", nodes.keySet().stream().filter(n -> !n.equals(Node.START_NAME)).toList()) + ").");
        }
      }
      if (node instanceof Node.Fork fork) {
        if (fork.paths().size() < 2) {
          throw error(ErrorCode.E0731, node, "fork node [" + fork.name() + "] cannot have less than two paths."
              + " Add a second <path> or remove the fork.");
        }
        Set<String> distinct = new HashSet<>();
        for (String path : fork.paths()) {
          if (!distinct.add(path)) {
            throw error(ErrorCode.E0744, node, "a fork, [" + fork.name() + "], is not allowed to have multiple"
                + " transitions to the same node, [" + path + "]. Each <path start> must name a different node.");
          }
        }
      }
    }
    checkCycles(nodes);
    new ForkJoinWalk(nodes).walk();
  }

  private static String label(Node node) {
    return node.name();
  }

  static WorkflowException error(ErrorCode code, Node node, String message) {
    return new WorkflowException(code, node.location(), message);
  }

  private static void checkCycles(Map<String, Node> nodes) throws WorkflowException {
    Map<String, Integer> state = new HashMap<>(); // 1 on the DFS stack, 2 done
    Deque<String> path = new ArrayDeque<>();
    cycleDfs(Node.START_NAME, nodes, state, path);
  }

  private static void cycleDfs(String name, Map<String, Node> nodes, Map<String, Integer> state, Deque<String> path)
      throws WorkflowException {
    state.put(name, 1);
    path.addLast(name);
    Node node = nodes.get(name);
    for (String to : new LinkedHashSet<>(node.transitions())) {
      Integer s = state.get(to);
      if (s != null && s == 1) {
        List<String> loop = new ArrayList<>(path);
        loop = loop.subList(loop.indexOf(to), loop.size());
        throw error(ErrorCode.E0707, node, "loop detected at parsing, node [" + to + "] via path "
            + String.join(" -> ", loop) + " -> " + to + ". Workflows are acyclic: break the loop"
            + " (use a retry-max on the action, or a sub-workflow, to repeat work).");
      }
      if (s == null) {
        cycleDfs(to, nodes, state, path);
      }
    }
    path.removeLast();
    state.put(name, 2);
  }

  /** Walks the graph from start, tracking the stack of enclosing fork paths. */
  private static final class ForkJoinWalk {
    private final Map<String, Node> nodes;
    /** Node → the fork context (fork name and path index, innermost last) it was first reached in. */
    private final Map<String, String> contextOf = new HashMap<>();
    /** Node → the join its fork path ends at ("" for a path that ends at a kill). */
    private final Map<String, String> joinOf = new HashMap<>();
    /** Node → how it was first reached ("ok" or other), for E0743. */
    private final Map<String, String> reachedVia = new HashMap<>();
    private final Map<String, String> forkOfJoin = new HashMap<>();
    private final Map<String, Node> firstFrom = new HashMap<>();

    ForkJoinWalk(Map<String, Node> nodes) {
      this.nodes = nodes;
    }

    void walk() throws WorkflowException {
      String join = visit(null, Node.START_NAME, new ArrayList<>(), "start");
      if (!join.isEmpty()) {
        Node j = nodes.get(join);
        throw error(ErrorCode.E0742, j, "no fork for join [" + join + "] to pair with. Every join must close a fork.");
      }
    }

    /** Returns the join the current fork path reaches from {@code name}, "" if it ends (kill/end). */
    private String visit(Node from, String name, List<String> context, String via) throws WorkflowException {
      Node node = nodes.get(name);
      String key = String.join("/", context);
      if (node instanceof Node.Join) {
        if (context.isEmpty()) {
          return name; // reported by the caller as E0742
        }
        return name;
      }
      if (node instanceof Node.End && !context.isEmpty()) {
        throw error(ErrorCode.E0737, from, "invalid transition from node [" + from.name() + "] to node [" + name
            + "] -- nodes of type 'end' are not allowed within Fork/Join. Send this path to the fork's join"
            + " instead, and go to the end after the join.");
      }
      if (node instanceof Node.Kill || node instanceof Node.End) {
        return "";
      }
      String previous = contextOf.get(name);
      if (previous != null) {
        if (!previous.equals(key)) {
          Node errorFrom = "error".equals(via) ? from
              : "error".equals(reachedVia.get(name)) ? firstFrom.get(name) : null;
          if (errorFrom != null) {
            throw error(ErrorCode.E0735, errorFrom, "there was an invalid \"error to\" transition to node [" + name
                + "] while using fork/join: it belongs to another fork path. Send errors to a kill node or"
                + " within the same path.");
          }
          throw error(ErrorCode.E0734, from, "invalid transition from node [" + from.name() + "] to node [" + name
              + "] while using fork/join: the target belongs to another fork path (or lies outside the fork)."
              + " A fork path may only reach its own nodes and its fork's join.");
        }
        if (!context.isEmpty() && "ok".equals(via) && "ok".equals(reachedVia.get(name))
            && !(from instanceof Node.Decision)) {
          throw error(ErrorCode.E0743, from, "multiple \"ok to\" transitions to the same node, [" + name
              + "], are not allowed inside a fork path. Merge the paths at the fork's join instead.");
        }
        return joinOf.get(name);
      }
      contextOf.put(name, key);
      reachedVia.put(name, via);
      firstFrom.put(name, from);
      joinOf.put(name, "");
      String result;
      if (node instanceof Node.Fork fork) {
        String join = null;
        for (int i = 0; i < fork.paths().size(); i++) {
          List<String> inner = new ArrayList<>(context);
          inner.add(fork.name() + "#" + i);
          String reached = visit(fork, fork.paths().get(i), inner, "fork");
          if (reached.isEmpty()) {
            continue; // this path always ends in a kill
          }
          if (join == null) {
            join = reached;
          } else if (!join.equals(reached)) {
            throw error(ErrorCode.E0732, fork, "fork [" + fork.name() + "]/join [" + reached
                + "] not in pair (join should have been [" + join + "]): all paths of a fork must meet at one"
                + " join.");
          }
        }
        if (join == null) {
          throw error(ErrorCode.E0733, fork, "fork [" + fork.name() + "] without a join: none of its paths"
              + " reaches a join. End every path at the same <join> node.");
        }
        String pairedFork = forkOfJoin.putIfAbsent(join, fork.name());
        if (pairedFork != null && !pairedFork.equals(fork.name())) {
          throw error(ErrorCode.E0730, nodes.get(join), "fork/join not in pair: join [" + join
              + "] is reached from fork [" + pairedFork + "] and fork [" + fork.name()
              + "]. Give each fork its own join.");
        }
        Node.Join j = (Node.Join) nodes.get(join);
        result = visit(j, j.to(), context, "ok");
      } else if (node instanceof Node.Decision decision) {
        result = mergeBranches(node, context, decision.transitions(), "case");
      } else if (node instanceof Node.Action action) {
        String ok = visit(action, action.okTo(), context, "ok");
        String error = visit(action, action.errorTo(), context, "error");
        if (!context.isEmpty() && !error.isEmpty() && !ok.isEmpty() && !error.equals(ok)) {
          throw error(ErrorCode.E0735, action, "there was an invalid \"error to\" transition to node ["
              + action.errorTo() + "] while using fork/join: it leads to join [" + error + "] but the path's"
              + " join is [" + ok + "].");
        }
        result = ok.isEmpty() ? error : ok;
      } else if (node instanceof Node.Start start) {
        result = visit(start, start.to(), context, "ok");
      } else {
        throw new IllegalStateException("Invalid node type encountered (node [" + name + "])");
      }
      joinOf.put(name, result);
      return result;
    }

    private String mergeBranches(Node node, List<String> context, List<String> targets, String via)
        throws WorkflowException {
      String join = "";
      for (String to : new LinkedHashSet<>(targets)) {
        String reached = visit(node, to, context, via);
        if (reached.isEmpty()) {
          continue;
        }
        if (join.isEmpty()) {
          join = reached;
        } else if (!join.equals(reached)) {
          throw error(ErrorCode.E0730, node, "fork/join not in pair: the branches of decision [" + node.name()
              + "] reach different joins [" + join + "] and [" + reached + "].");
        }
      }
      return join;
    }
  }
}
