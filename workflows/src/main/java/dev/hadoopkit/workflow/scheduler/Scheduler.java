package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The scheduler's one thread: it owns every coordinator and bundle, wakes exactly when something is due (the next
 * nominal time, an input re-check, a timeout, a command, a workflow that ended) instead of polling in fixed passes,
 * serves due coordinators in order of due time with a bounded batch each (a backlog is put back behind the others),
 * and group-commits the records of a pass with one flush before any workflow of that pass starts.
 *
 * <p>Other threads talk to it through {@link #call} (commands and snapshots run on this thread) and
 * {@link #post} (workflow completions).
 */
public final class Scheduler implements AutoCloseable {
  private static final long SLICE_NANOS = 50_000_000L;

  private final SchedulerSettings settings;
  private final SchedulerJournal journal;
  private final SchedulerState state;
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Due> queue = new PriorityQueue<>();
  private final Map<String, Due> scheduled = new HashMap<>();
  private final List<SchedulerRecord> pending = new ArrayList<>();
  private final List<Runnable> afterFlush = new ArrayList<>();
  private final List<Consumer<Views.Event>> listeners = new CopyOnWriteArrayList<>();
  private final Object signal = new Object();
  private final Thread thread;
  private long sequence;
  private volatile boolean stopped;
  private volatile Throwable failure;

  private record Due(long time, long sequence, String jobId) implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  public Scheduler(SchedulerSettings settings, SchedulerState state) {
    this.settings = settings;
    this.state = state;
    this.journal = new SchedulerJournal(settings.journalFile(), settings.sync());
    this.thread = new Thread(this::loop, "scheduler");
    this.thread.setDaemon(true);
  }

  public SchedulerSettings settings() {
    return settings;
  }

  long now() {
    return settings.clock().millis();
  }

  /** Replays the journal, then starts the loop. */
  public void start() throws IOException {
    List<SchedulerRecord> records = SchedulerJournal.read(settings.journalFile());
    for (SchedulerRecord record : records) {
      state.apply(record, true);
    }
    state.launches().afterReplay(this);
    for (String id : state.jobIds()) {
      wake(id, now());
    }
    thread.start();
  }

  /** Runs {@code work} on the scheduler thread and waits for its result (at most 60 s). */
  public <T> T call(Callable<T> work) {
    if (stopped) {
      throw new IllegalStateException("the scheduler has stopped (the daemon is shutting down)");
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    post(() -> {
      try {
        result.complete(work.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the scheduler did not answer within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Queues work for the scheduler thread and wakes it. After the scheduler stopped the work is dropped: what it
   * would record is rebuilt from the journals when the daemon starts again.
   */
  public void post(Runnable work) {
    if (stopped) {
      return;
    }
    inbox.add(work);
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Wakes the loop to look at the clock again (tests advance their clock, then call this). */
  public void tick() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Records a fact: applied to the state now, written with the pass's flush. Scheduler thread only. */
  void record(SchedulerRecord record) {
    state.apply(record, false);
    pending.add(record);
  }

  /** Runs after the records of this pass are on disk (starting a workflow). Scheduler thread only. */
  void afterFlush(Runnable action) {
    afterFlush.add(action);
  }

  /** Asks for a pass over the job at {@code time} (earlier requests win). Scheduler thread only. */
  void wake(String jobId, long time) {
    Due current = scheduled.get(jobId);
    if (current != null && current.time <= time) {
      return;
    }
    Due due = new Due(time, sequence++, jobId);
    scheduled.put(jobId, due);
    queue.add(due);
  }

  void emit(String id, String jobId, String kind, String status, String message) {
    if (listeners.isEmpty()) {
      return;
    }
    Views.Event event = new Views.Event(id, jobId, kind, status, Instant.ofEpochMilli(now()), message);
    for (Consumer<Views.Event> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException ignored) {
        // a listener's problem (a closed event stream) is not the scheduler's
      }
    }
  }

  public AutoCloseable subscribe(Consumer<Views.Event> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Why the loop died, if it did (the daemon reports it and exits). */
  public Throwable failure() {
    return failure;
  }

  private void loop() {
    try {
      while (!stopped) {
        Runnable work;
        while ((work = inbox.poll()) != null) {
          work.run();
        }
        long now = now();
        int served = 0;
        // bounded by count and by time, so commands (a submission, a snapshot) and workflow ends wait for at most
        // a slice of a big catch-up, not for a pass over every due job
        long sliceEnd = System.nanoTime() + SLICE_NANOS;
        while (!queue.isEmpty() && queue.peek().time <= now && served < 10_000
            && (served == 0 || System.nanoTime() < sliceEnd)) {
          Due due = queue.poll();
          if (scheduled.get(due.jobId) != due) {
            continue; // superseded by an earlier request
          }
          scheduled.remove(due.jobId);
          long next = state.pass(this, due.jobId, now);
          if (next != Long.MAX_VALUE) {
            wake(due.jobId, Math.max(next, now));
          }
          served++;
        }
        flush();
        if (!inbox.isEmpty()) {
          continue;
        }
        long wait = queue.isEmpty() ? 60_000 : queue.peek().time - now();
        if (wait > 0) {
          synchronized (signal) {
            if (inbox.isEmpty() && !stopped) {
              signal.wait(Math.min(wait, 60_000));
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      failure = e;
      stopped = true;
      System.err.println("scheduler: stopped after an error: " + e);
      e.printStackTrace();
    }
  }

  /** Writes the pass's records with one flush, then starts what they announced. */
  void flush() throws IOException {
    if (!pending.isEmpty()) {
      List<SchedulerRecord> batch = new ArrayList<>(pending);
      pending.clear();
      journal.append(batch);
    }
    if (!afterFlush.isEmpty()) {
      List<Runnable> actions = new ArrayList<>(afterFlush);
      afterFlush.clear();
      actions.forEach(Runnable::run);
    }
  }

  public boolean isRunning() {
    return thread.isAlive() && !stopped;
  }

  @Override
  public void close() throws IOException {
    stopped = true;
    tick();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    journal.close();
  }

  /** Counts for metrics: jobs per status etc., computed on the scheduler thread. */
  Map<String, Long> counts() {
    return call(() -> new LinkedHashMap<>(state.counts(now())));
  }
}
