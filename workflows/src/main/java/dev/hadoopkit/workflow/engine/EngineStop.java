package dev.hadoopkit.workflow.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What SIGTERM or Ctrl-C of the engine's process does to the runs it drives (issue 15 defect 5): nothing is journaled
 * from then on, so each run stays RUNNING exactly as after {@code kill -9} and {@code run --resume} continues it;
 * child processes and Hadoop jobs are stopped so that they do not run on unsupervised. Only {@code kill <id>} ends a
 * run KILLED. One flag per engine (not per run), because a sub-workflow's child run is driven by the same engine and
 * must see the stop before its parent's action thread is interrupted.
 */
final class EngineStop {
  /** A run driven by this engine, told when the process is stopping. */
  interface Listener {
    void engineStopping();
  }

  private final Set<Listener> active = new LinkedHashSet<>();
  private final Thread hook = new Thread(this::stop, "workflow-engine-stop");
  private volatile boolean stopping;
  private boolean hookInstalled;

  /** True once the process is shutting down: drivers journal nothing more and start nothing new. */
  boolean stopping() {
    return stopping;
  }

  /** A driver starts: the JVM shutdown hook is in place while any run is driven. */
  synchronized void register(Listener listener) {
    active.add(listener);
    if (!hookInstalled && !stopping) {
      try {
        Runtime.getRuntime().addShutdownHook(hook);
        hookInstalled = true;
      } catch (IllegalStateException shuttingDown) {
        stopping = true;
      }
    }
  }

  synchronized void unregister(Listener listener) {
    active.remove(listener);
    if (active.isEmpty() && hookInstalled && !stopping) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
        hookInstalled = false;
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to
      }
    }
  }

  private void stop() {
    List<Listener> toTell;
    synchronized (this) {
      stopping = true;
      toTell = List.copyOf(active);
    }
    toTell.forEach(Listener::engineStopping);
  }
}
