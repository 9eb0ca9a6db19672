package dev.hadoopkit.workflow.definition;

import java.util.List;

/** One node of a parsed workflow. Immutable. */
public sealed interface Node
    permits Node.Start, Node.End, Node.Kill, Node.Decision, Node.Fork, Node.Join, Node.Action {

  /** The name of the start node in the graph (Oozie's). */
  String START_NAME = ":start:";

  String name();

  NodeKind kind();

  Location location();

  /** Every node this one can transition to, in document order. */
  List<String> transitions();

  record Start(String to, Location location) implements Node {
    public String name() {
      return START_NAME;
    }

    public NodeKind kind() {
      return NodeKind.START;
    }

    public List<String> transitions() {
      return List.of(to);
    }
  }

  record End(String name, Location location) implements Node {
    public NodeKind kind() {
      return NodeKind.END;
    }

    public List<String> transitions() {
      return List.of();
    }
  }

  /** A kill node; its message may hold EL and is resolved when the node is reached. */
  record Kill(String name, String message, Location location) implements Node {
    public NodeKind kind() {
      return NodeKind.KILL;
    }

    public List<String> transitions() {
      return List.of();
    }
  }

  record Case(String predicate, String to, Location location) {
  }

  record Decision(String name, List<Case> cases, String defaultTo, Location location) implements Node {
    public Decision {
      cases = List.copyOf(cases);
    }

    public NodeKind kind() {
      return NodeKind.DECISION;
    }

    public List<String> transitions() {
      var all = new java.util.ArrayList<String>();
      cases.forEach(c -> all.add(c.to()));
      all.add(defaultTo);
      return List.copyOf(all);
    }
  }

  record Fork(String name, List<String> paths, Location location) implements Node {
    public Fork {
      paths = List.copyOf(paths);
    }

    public NodeKind kind() {
      return NodeKind.FORK;
    }

    public List<String> transitions() {
      return paths;
    }
  }

  record Join(String name, String to, Location location) implements Node {
    public NodeKind kind() {
      return NodeKind.JOIN;
    }

    public List<String> transitions() {
      return List.of(to);
    }
  }

  record Action(String name, ActionSpec spec, String okTo, String errorTo, RetrySpec retry, Location location)
      implements Node {
    public NodeKind kind() {
      return NodeKind.ACTION;
    }

    public List<String> transitions() {
      return List.of(okTo, errorTo);
    }
  }
}
