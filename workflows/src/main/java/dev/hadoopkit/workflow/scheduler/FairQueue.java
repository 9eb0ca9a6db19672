package dev.hadoopkit.workflow.scheduler;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tasks queued per key (a coordinator), taken round-robin across keys and in order within a key. The workflow pool
 * takes from it so that a coordinator catching up on thousands of nominal times gets one turn in each round, like
 * every other coordinator, instead of putting its whole backlog ahead of their on-time runs.
 */
final class FairQueue {
  /** Keys with queued tasks, in turn order: the head's key is served next, then goes to the back. */
  private final Map<String, ArrayDeque<Runnable>> queues = new LinkedHashMap<>();
  private boolean closed;

  synchronized void add(String key, Runnable task) {
    if (closed) {
      throw new IllegalStateException("the workflow pool has stopped");
    }
    queues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(task);
    notify();
  }

  /** The next task, waiting for one; null once closed. */
  synchronized Runnable take() throws InterruptedException {
    while (!closed && queues.isEmpty()) {
      wait();
    }
    if (closed) {
      return null;
    }
    Iterator<Map.Entry<String, ArrayDeque<Runnable>>> head = queues.entrySet().iterator();
    Map.Entry<String, ArrayDeque<Runnable>> first = head.next();
    Runnable task = first.getValue().poll();
    head.remove();
    if (!first.getValue().isEmpty()) {
      queues.put(first.getKey(), first.getValue()); // to the back of the round
    }
    return task;
  }

  synchronized int size() {
    int n = 0;
    for (ArrayDeque<Runnable> queue : queues.values()) {
      n += queue.size();
    }
    return n;
  }

  synchronized void close() {
    closed = true;
    queues.clear();
    notifyAll();
  }
}
