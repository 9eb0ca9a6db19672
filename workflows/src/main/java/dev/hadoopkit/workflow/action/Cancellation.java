package dev.hadoopkit.workflow.action;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets the engine stop a running action: executors register what must be stopped (a child process, a Hadoop job) and
 * check {@link #isCancelled()} between steps.
 */
public final class Cancellation {
  private final List<Runnable> hooks = new ArrayList<>();
  private boolean cancelled;

  /** Registers a hook; runs it at once when the action is already cancelled. */
  public void onCancel(Runnable hook) {
    boolean runNow;
    synchronized (this) {
      runNow = cancelled;
      if (!runNow) {
        hooks.add(hook);
      }
    }
    if (runNow) {
      hook.run();
    }
  }

  public void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = new ArrayList<>(hooks);
    }
    for (Runnable hook : toRun) {
      try {
        hook.run();
      } catch (RuntimeException ignored) {
        // stopping is best effort; the engine records the action as KILLED either way
      }
    }
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }
}
