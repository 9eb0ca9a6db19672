package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.state.RunState;

/** The engine's own SVG drawing of a workflow, for other packages (the daemon's {@code show=graph}). */
public final class GraphRenderer {
  private GraphRenderer() {
  }

  /** The DAG with nodes coloured by the run's states (run may be null: an undrawn plan). */
  public static String svg(WorkflowDefinition definition, RunState run) {
    return SvgGraph.render(definition, run);
  }
}
