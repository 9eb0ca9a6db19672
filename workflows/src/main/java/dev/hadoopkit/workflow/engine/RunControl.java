package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.state.Journal;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.NodeRun;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.RunStore;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Kill, suspend and resume of runs, and the kill of a run's sub-workflow children. A run that a live engine drives
 * is asked through a request file in its run directory and waited for; a run no engine drives (its lock is free) is
 * journaled directly.
 */
final class RunControl {
  private final RunStore store;
  private final Clock clock;
  private final RunLog log;

  RunControl(RunStore store, Clock clock, RunLog log) {
    this.store = store;
    this.clock = clock;
    this.log = log;
  }

  /** Kills a run (see {@link WorkflowEngine#kill}); {@code reason} is journaled when no engine drives it. */
  RunState kill(String id, long waitMillis, String reason) throws IOException, InterruptedException {
    RunState state = store.load(id);
    if (state.info().status().isTerminal()) {
      return state;
    }
    if (journalIfUndriven(id, () -> JournalRecord.status(clock.millis(), WorkflowStatus.KILLED, reason))) {
      killChildren(state, waitMillis);
      return store.load(id);
    }
    return requestAndWait(id, RunStore.KILL_REQUEST, "kill", s -> s.info().status().isTerminal(), waitMillis, 100);
  }

  /** Suspends or resumes a run (see {@link WorkflowEngine#suspend}, {@link WorkflowEngine#resume}). */
  RunState changeStatus(String id, WorkflowStatus from, WorkflowStatus to, String request, String message,
      long waitMillis) throws IOException, InterruptedException {
    RunState state = store.load(id);
    if (state.info().status() != from) {
      throw new IllegalStateException("E1317: workflow " + id + " is " + state.info().status() + ": only a " + from
          + " workflow can be " + (to == WorkflowStatus.SUSPENDED ? "suspended" : "resumed"));
    }
    if (journalIfUndriven(id, () -> JournalRecord.status(clock.millis(), to, message))) {
      return store.load(id);
    }
    return requestAndWait(id, request, to.name(), s -> s.info().status() != from, waitMillis, 50);
  }

  /** Journals the record when no live engine drives the run (its lock is free); false when one does. */
  private boolean journalIfUndriven(String id, Supplier<JournalRecord> record) throws IOException {
    Optional<RunStore.RunLock> lock = store.tryLock(id);
    if (lock.isEmpty()) {
      return false;
    }
    try (RunStore.RunLock held = lock.get(); Journal journal = store.journal(id)) {
      JournalRecord made = record.get();
      journal.append(made);
      log.append(id, made);
    }
    return true;
  }

  /** Asks the engine that drives the run through a request file; waits at most {@code waitMillis} until done. */
  private RunState requestAndWait(String id, String request, String content, Predicate<RunState> done,
      long waitMillis, long pollMillis) throws IOException, InterruptedException {
    Files.writeString(store.runDir(id).resolve(request), content + "\n", StandardCharsets.UTF_8);
    long deadline = System.currentTimeMillis() + waitMillis;
    while (System.currentTimeMillis() < deadline) {
      RunState state = store.load(id);
      if (done.test(state)) {
        return state;
      }
      Thread.sleep(pollMillis);
    }
    return store.load(id);
  }

  /** How long a parent that ends waits for a child run to record its KILLED status. */
  private static final long CHILD_KILL_WAIT_MILLIS = 30_000;

  /**
   * Ends a sub-workflow's child run because its parent ends: the engine driving it is asked to stop (it kills its own
   * actions and children) and waited for; a child no engine drives (PREP, or its engine died) is marked KILLED.
   */
  void killChild(String parentId, String childId) {
    try {
      RunState child = kill(childId, CHILD_KILL_WAIT_MILLIS, "killed with its parent run " + parentId);
      if (!child.info().status().isTerminal()) {
        log.note(parentId, "sub-workflow " + childId + " did not stop within " + CHILD_KILL_WAIT_MILLIS / 1000
            + " s; stop it with 'bin/workflow kill " + childId + "'");
      }
    } catch (IOException e) {
      log.note(parentId, "could not kill sub-workflow " + childId + ": " + e.getMessage() + "; stop it with"
          + " 'bin/workflow kill " + childId + "'");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The child runs of sub-workflow actions a run left RUNNING when no engine was there to end them. */
  private void killChildren(RunState parent, long waitMillis) throws IOException, InterruptedException {
    for (NodeRun node : parent.nodeRuns()) {
      String childId = node.externalId();
      if (childId == null || !childId.endsWith("-hk-W") || !store.exists(childId)) {
        continue;
      }
      RunState child = store.load(childId);
      if (parent.info().id().equals(child.info().parent()) && !child.info().status().isTerminal()) {
        kill(childId, waitMillis, "killed with its parent run " + parent.info().id());
      }
    }
  }
}
