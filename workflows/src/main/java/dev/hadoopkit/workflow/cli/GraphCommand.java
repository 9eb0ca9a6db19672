package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.definition.Node;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.engine.WorkflowApp;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code graph <app-dir> [--format dot|svg] [--engine builtin|dot] [--run id] [--collapse]}: the DAG as Graphviz dot
 * or as SVG (drawn by {@link SvgGraph}, or by Graphviz's {@code dot} with {@code --engine dot}), coloured by a run's
 * states; {@code --collapse} draws long chains of actions as one box when the drawing would be very tall.
 */
final class GraphCommand implements Command {
  public String name() {
    return "graph";
  }

  public String description() {
    return "print the workflow DAG as Graphviz dot or as SVG (drawn in Java; --engine dot uses Graphviz),"
        + " coloured by node state for a run";
  }

  public String usage() {
    return "graph <app-dir | workflow.xml> [--format dot|svg] [--engine builtin|dot] [--run <id>] [--collapse]";
  }

  public List<String> examples() {
    return List.of("bin/workflow graph workflows/examples/movielens > wf.dot",
        "bin/workflow graph workflows/examples/movielens --format svg > wf.svg",
        "bin/workflow graph --run 0000001-261121203000123-hk-W --format svg > run.svg   # OK green, ERROR red,"
            + " RUNNING yellow, not reached grey",
        "bin/workflow graph workflows/examples/movielens --format svg --engine dot > wf.svg   # needs Graphviz",
        "bin/workflow graph big-app --format svg --collapse > big.svg   # runs of > 6 actions as one box");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of("format", "run", "engine", "collapse"));
    String format = in.options().getOrDefault("format", "dot");
    if (!format.equals("dot") && !format.equals("svg")) {
      throw new UsageException("--format must be dot or svg, not " + format);
    }
    String engine = in.options().getOrDefault("engine", "builtin");
    if (!engine.equals("builtin") && !engine.equals("dot")) {
      throw new UsageException("--engine must be builtin or dot, not " + engine);
    }
    if (in.flag("collapse") && !(format.equals("svg") && engine.equals("builtin"))) {
      throw new UsageException("--collapse is for the built-in SVG drawing (--format svg)");
    }
    WorkflowDefinition definition;
    RunState state = null;
    if (in.option("run") != null) {
      Invocation.checkRunId(in.option("run"));
      state = in.engine().store().load(in.option("run"));
      definition = in.engine().definitionOf(in.option("run"));
    } else {
      String path = in.positional(0, "the app directory or workflow.xml");
      WorkflowApp app = WorkflowApp.load(path, in.conf());
      definition = in.engine().parser().parse(app.workflowXml(), app.workflowFile());
    }
    if (format.equals("svg") && engine.equals("builtin")) {
      in.out().print(SvgGraph.render(definition, state,
          in.flag("collapse") ? GraphOptions.COLLAPSE : GraphOptions.DEFAULT));
      return 0;
    }
    String dot = dot(definition, state);
    if (format.equals("dot")) {
      in.out().print(dot);
      return 0;
    }
    Process process;
    try {
      process = new ProcessBuilder("dot", "-Tsvg").start();
    } catch (java.io.IOException e) {
      in.err().println("workflow graph: --engine dot needs Graphviz's 'dot' on the PATH (apt-get install graphviz);"
          + " leave --engine out to draw the SVG without it");
      return 1;
    }
    process.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    process.getInputStream().transferTo(svg);
    if (process.waitFor() != 0) {
      in.err().println("workflow graph: dot failed: " + new String(process.getErrorStream().readAllBytes()));
      return 1;
    }
    in.out().print(svg.toString(StandardCharsets.UTF_8));
    return 0;
  }

  static String dot(WorkflowDefinition definition, RunState state) {
    StringBuilder out = new StringBuilder();
    out.append("digraph \"").append(definition.name().replace("\"", "'")).append("\" {\n");
    out.append("  rankdir=TB;\n  node [fontname=\"Helvetica\", style=filled, fillcolor=white];\n");
    for (Node node : definition.nodes().values()) {
      String shape = switch (node.kind()) {
        case START, END -> "circle";
        case KILL -> "octagon";
        case DECISION -> "diamond";
        case FORK, JOIN -> "box3d";
        case ACTION -> "box";
      };
      String label = node instanceof Node.Action a ? node.name() + "\\n(" + a.spec().type() + ")" : node.name();
      String color = "white";
      if (state != null) {
        NodeRun run = state.nodeRun(node.name());
        if (run != null) {
          color = run.skipped() ? "lightblue" : switch (run.status()) {
            case OK -> "palegreen";
            case ERROR, FAILED -> "salmon";
            case KILLED -> "lightgrey";
            case RUNNING, USER_RETRY -> "khaki";
            case PREP -> "white";
          };
        }
      }
      out.append("  \"").append(node.name()).append("\" [shape=").append(shape).append(", label=\"")
          .append(label).append("\", fillcolor=").append(color).append("];\n");
    }
    for (Node node : definition.nodes().values()) {
      if (node instanceof Node.Action a) {
        edge(out, a.name(), a.okTo(), "ok", "black");
        edge(out, a.name(), a.errorTo(), "error", "red");
      } else if (node instanceof Node.Decision d) {
        for (Node.Case c : d.cases()) {
          edge(out, d.name(), c.to(), c.predicate().replace("\"", "'"), "black");
        }
        edge(out, d.name(), d.defaultTo(), "default", "black");
      } else {
        for (String to : node.transitions()) {
          edge(out, node.name(), to, null, "black");
        }
      }
    }
    out.append("}\n");
    return out.toString();
  }

  private static void edge(StringBuilder out, String from, String to, String label, String color) {
    out.append("  \"").append(from).append("\" -> \"").append(to).append("\"");
    out.append(" [color=").append(color);
    if (label != null) {
      out.append(", label=\"").append(label).append("\"");
    }
    out.append("];\n");
  }
}
