package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.state.RunState;

/** The engine's own SVG drawing of a workflow, for other packages (the daemon's {@code show=graph}, the console). */
public final class GraphRenderer {
  private GraphRenderer() {
  }

  /** The DAG with nodes coloured by the run's states (run may be null: an undrawn plan). */
  public static String svg(WorkflowDefinition definition, RunState run) {
    return SvgGraph.render(definition, run, GraphOptions.DEFAULT);
  }

  /** The same with options: long chains collapsed in a large drawing. */
  static String svg(WorkflowDefinition definition, RunState run, GraphOptions options) {
    return SvgGraph.render(definition, run, options);
  }

  /** As the console draws it: {@link GraphOptions#forConsole} by the workflow's node count. */
  public static String consoleSvg(WorkflowDefinition definition, RunState run) {
    return svg(definition, run, GraphOptions.forConsole(definition.nodes().size()));
  }
}
