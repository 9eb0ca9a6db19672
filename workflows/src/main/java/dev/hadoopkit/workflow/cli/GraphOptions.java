package dev.hadoopkit.workflow.cli;

/**
 * How {@link GraphRenderer} draws a workflow. {@code collapseChains}: when the drawing would be taller than
 * {@code maxHeight} pixels, each run of more than {@value #CHAIN_MIN} single-in/single-out actions is drawn as one
 * box listing them (never one running or failed in the run, which stay visible). Off by default, because a reader
 * of a small drawing wants every node.
 */
record GraphOptions(boolean collapseChains, int maxHeight) {
  /** Chains of this many actions or more may be collapsed: a run of "more than 6". */
  public static final int CHAIN_MIN = 7;
  /** Above this many nodes the console collapses chains. */
  public static final int CONSOLE_COLLAPSE_NODES = 60;
  public static final GraphOptions DEFAULT = new GraphOptions(false, 2400);
  public static final GraphOptions COLLAPSE = new GraphOptions(true, 2400);

  public GraphOptions {
    if (maxHeight <= 0) {
      throw new IllegalArgumentException("maxHeight must be positive: " + maxHeight);
    }
  }

  /** The console's choice: every node of a small workflow, chains collapsed in a large one. */
  public static GraphOptions forConsole(int nodes) {
    return nodes > CONSOLE_COLLAPSE_NODES ? COLLAPSE : DEFAULT;
  }
}
