package dev.hadoopkit.workflow.action;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets the engine stop a running action: executors register what must be stopped (a child process, a Hadoop job) and
 * check {@link #isCancelled()} between steps.
 */
public final class Cancellation {
  private final List<Runnable> hooks = new ArrayList<>();
  private final List<Runnable> killHooks = new ArrayList<>();
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

  /**
   * Registers a hook that runs only when the action is killed ({@link #cancel}), not when the engine's process stops
   * ({@link #stopForEngineExit}): ending a sub-workflow's child run is a kill, which a terminated engine must not do.
   */
  public void onKill(Runnable hook) {
    boolean runNow;
    synchronized (this) {
      runNow = cancelled;
      if (!runNow) {
        killHooks.add(hook);
      }
    }
    if (runNow) {
      hook.run();
    }
  }

  /** The action is killed (the run ends): every hook runs. */
  public void cancel() {
    stop(true);
  }

  /**
   * The engine's process is stopping (SIGTERM, Ctrl-C) and the run stays RUNNING for a resume: child processes and
   * jobs are stopped ({@link #onCancel} hooks), child runs are left to be resumed ({@link #onKill} hooks do not run).
   */
  public void stopForEngineExit() {
    stop(false);
  }

  private void stop(boolean kill) {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = new ArrayList<>(hooks);
      if (kill) {
        toRun.addAll(killHooks);
      }
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
