package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.state.NodeRun;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The child process of an action attempt whose engine died (kill -9, a crash): shell and java children outlive their
 * engine. Before a resumed engine starts the action again it finds that process by the pid and start time the journal
 * recorded (a pid alone may have been reused) and kills it with its descendants, so two attempts never run at once
 * (issue 15 defect 3). Killed rather than waited for: it is not this engine's child, so its exit code cannot be
 * known, and an attempt whose result cannot be known has to run again anyway.
 */
final class OrphanedAttempt {
  /** Start times read by two JVMs may differ by the kernel's boot-time rounding; a reused pid starts much later. */
  private static final long START_TOLERANCE_MILLIS = 2_000;
  private static final long TERM_WAIT_MILLIS = 5_000;
  private static final long KILL_WAIT_MILLIS = 5_000;

  private OrphanedAttempt() {
  }

  /**
   * Stops the recorded process if it still runs; returns the line for run.log. Fails when it cannot be stopped (then
   * no new attempt may start).
   */
  static String stop(String node, int oldAttempt, int newAttempt, NodeRun.ChildProcess recorded)
      throws IOException, InterruptedException {
    String what = node + ": the previous engine's attempt " + oldAttempt + " (pid " + recorded.pid() + ", started "
        + Instant.ofEpochMilli(recorded.startMillis()) + ")";
    Optional<ProcessHandle> handle = ProcessHandle.of(recorded.pid()).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) {
      return what + " has ended; its result is unknown, starting attempt " + newAttempt;
    }
    Optional<Instant> started = handle.get().info().startInstant();
    if (started.isEmpty()
        || Math.abs(started.get().toEpochMilli() - recorded.startMillis()) > START_TOLERANCE_MILLIS) {
      return what + " has ended (pid " + recorded.pid() + " is another process now); starting attempt " + newAttempt;
    }
    ProcessHandle process = handle.get();
    List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
    tree.add(process);
    tree.forEach(ProcessHandle::destroy); // SIGTERM first: the command may clean up
    if (!awaitExit(tree, TERM_WAIT_MILLIS)) {
      tree.forEach(ProcessHandle::destroyForcibly);
      if (!awaitExit(tree, KILL_WAIT_MILLIS)) {
        throw new IOException(what + " still runs and cannot be killed; stop it (kill -9 " + recorded.pid()
            + ") and resume again: a new attempt must not run beside it");
      }
    }
    return what + " still runs; killed it before starting attempt " + newAttempt;
  }

  private static boolean awaitExit(List<ProcessHandle> processes, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (ProcessHandle p : processes) {
      long left = deadline - System.nanoTime();
      if (left <= 0 && p.isAlive()) {
        return false;
      }
      try {
        p.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return false;
      } catch (java.util.concurrent.ExecutionException e) {
        return !p.isAlive();
      }
    }
    return true;
  }
}
