package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.RunListener;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.RunState;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs workflows inside the daemon through the existing engine, at most {@code pool} at once. A launch is one of:
 * a new run under an id the scheduler journaled first, the resume of a run whose daemon died (the engine's own
 * resume path), or a rerun of an ended run (Oozie's coordinator rerun reuses the action's workflow).
 */
public final class WorkflowLauncher implements AutoCloseable {
  /** What a launch reports back: when the run is RUNNING, and how it ended. */
  public interface Callbacks {
    void started(long time);

    void ended(WorkflowStatus status, String errorCode, String message);

    /** Every journal record of the run (and of its sub-workflows), as the engine writes it. */
    default void record(String runId, JournalRecord record) {
    }
  }

  public enum Mode { NEW, RESUME, RERUN }

  public record Launch(String workflowId, String parentId, Mode mode, Map<String, String> conf,
      boolean failedNodes) {
  }

  private final WorkflowEngine engine;
  private final FairQueue queue = new FairQueue();
  private final List<Thread> workers = new ArrayList<>();
  private final ExecutorService control;
  private final AtomicInteger running = new AtomicInteger();

  public WorkflowLauncher(WorkflowEngine engine, int poolSize) {
    this.engine = engine;
    for (int i = 1; i <= poolSize; i++) {
      Thread worker = new Thread(this::work, "workflow-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    this.control = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "workflow-control");
      t.setDaemon(true);
      return t;
    });
  }

  public WorkflowEngine engine() {
    return engine;
  }

  private volatile boolean closing;

  public int running() {
    return running.get();
  }

  private void work() {
    try {
      Runnable task;
      while ((task = queue.take()) != null) {
        task.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
    }
  }

  /** Queues a run; runs of one coordinator keep their order, and coordinators take turns (see FairQueue). */
  public void launch(Launch launch, Callbacks callbacks) {
    if (closing) {
      return; // the daemon stops: the action stays SUBMITTED in the journal and the next daemon starts it
    }
    String parent = launch.parentId();
    String key = parent == null ? launch.workflowId() : parent.substring(0, Math.max(0, parent.lastIndexOf('@')));
    queue.add(key.isEmpty() ? parent : key, () -> {
      running.incrementAndGet();
      try {
        RunState end = drive(launch, callbacks);
        if (end.info().status().isTerminal()) {
          callbacks.ended(end.info().status(), end.info().status().isSuccessful() ? null : errorCode(end),
              end.info().statusMessage());
        }
      } catch (WorkflowException e) {
        callbacks.ended(WorkflowStatus.FAILED, e.code().name(), e.describe());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the daemon stops: the run stays RUNNING, resumed by the next daemon
      } catch (Exception e) {
        if (!closing) { // an I/O error caused by the daemon's own stop is no failure of the workflow
          callbacks.ended(WorkflowStatus.FAILED, ErrorCode.E0710.name(),
              e.getMessage() == null ? e.toString() : e.getMessage());
        }
      } finally {
        running.decrementAndGet();
      }
    });
  }

  private RunState drive(Launch launch, Callbacks callbacks) throws Exception {
    String id = launch.workflowId();
    RunListener listener = (runId, record) -> {
      if (runId.equals(id) && record instanceof JournalRecord.Status status
          && status.status() == WorkflowStatus.RUNNING) {
        callbacks.started(record.time());
      }
      callbacks.record(runId, record);
    };
    boolean exists = engine.store().exists(id);
    if (launch.mode() == Mode.RERUN && exists && engine.store().load(id).info().status().isTerminal()) {
      return engine.rerun(id, launch.failedNodes(), List.of(), listener);
    }
    if (exists) {
      RunState previous = engine.store().load(id);
      if (!previous.info().status().isTerminal() && previous.info().status() != WorkflowStatus.PREP) {
        callbacks.started(engine.settings().clock().millis());
      }
      return engine.run(id, listener); // resumes it, or returns the state of a run that already ended
    }
    Submission submission = engine.prepare(launch.conf(), Map.of(), null);
    engine.submitAs(id, submission, launch.parentId(), (runId, record) -> { });
    return engine.run(id, listener);
  }

  private static String errorCode(RunState state) {
    return state.info().status() == WorkflowStatus.KILLED ? "E0507" : "E0508";
  }

  /** Kills a run in the background (the engine asks its live driver to stop, which takes a moment). */
  public void kill(String workflowId, Consumer<String> onProblem) {
    control.execute(() -> {
      try {
        engine.kill(workflowId, 30_000);
      } catch (Exception e) {
        onProblem.accept("cannot kill workflow " + workflowId + ": " + e.getMessage());
      } catch (Throwable e) {
        onProblem.accept("cannot kill workflow " + workflowId + ": " + e);
      }
    });
  }

  /** Runs a control task off the scheduler thread. */
  public void background(Runnable task) {
    control.execute(task);
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    queue.close();
    workers.forEach(Thread::interrupt);
    control.shutdownNow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (Thread worker : workers) {
      worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
  }
}
