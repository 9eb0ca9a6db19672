package dev.hadoopkit.workflow.scheduler;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of the daemon and the histogram of dispatch latency: from the moment an action could start (its nominal
 * time, or when it was materialized if later) to its workflow being RUNNING.
 */
final class SchedulerMetrics {
  static final long[] BUCKETS_MILLIS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000};

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS_MILLIS.length + 1);
  private final AtomicLong sumMillis = new AtomicLong();
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong materialized = new AtomicLong();
  private final AtomicLong started = new AtomicLong();

  void latency(long millis) {
    long value = Math.max(0, millis);
    int bucket = 0;
    while (bucket < BUCKETS_MILLIS.length && value > BUCKETS_MILLIS[bucket]) {
      bucket++;
    }
    counts.incrementAndGet(bucket);
    sumMillis.addAndGet(value);
    count.incrementAndGet();
    started.incrementAndGet();
  }

  void materialized(long n) {
    materialized.addAndGet(n);
  }

  /** Counts per bucket (not cumulative), the last one being above the largest bound. */
  long[] perBucket() {
    long[] out = new long[BUCKETS_MILLIS.length + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = counts.get(i);
    }
    return out;
  }

  long sumMillis() {
    return sumMillis.get();
  }

  long count() {
    return count.get();
  }

  long materializedTotal() {
    return materialized.get();
  }

  long startedTotal() {
    return started.get();
  }
}
