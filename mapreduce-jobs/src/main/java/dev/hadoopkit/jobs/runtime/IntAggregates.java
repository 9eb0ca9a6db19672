package dev.hadoopkit.jobs.runtime;

/**
 * Sum and count per int key, for in-mapper combining: an open-addressing table of primitives, so adding a
 * rating allocates nothing. Keys are visited in no particular order.
 */
public final class IntAggregates {

  /** Receives each key's totals. */
  @FunctionalInterface
  public interface Visitor {
    void accept(int key, double sum, long count) throws java.io.IOException, InterruptedException;
  }

  private static final int EMPTY = Integer.MIN_VALUE;

  private int[] keys;
  private double[] sums;
  private long[] counts;
  private int size;
  private int mask;

  public IntAggregates() {
    allocate(1 << 12);
  }

  public void add(int key, double value) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("Invalid key: " + key);
    }
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      if (++size * 2 > keys.length) {
        grow();
        add(key, value);
        return;
      }
    }
    sums[slot] += value;
    counts[slot]++;
  }

  public int size() {
    return size;
  }

  public void forEach(Visitor visitor) throws java.io.IOException, InterruptedException {
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        visitor.accept(keys[slot], sums[slot], counts[slot]);
      }
    }
  }

  public void clear() {
    allocate(1 << 12);
  }

  private void grow() {
    int[] oldKeys = keys;
    double[] oldSums = sums;
    long[] oldCounts = counts;
    allocate(oldKeys.length * 2);
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldKeys[slot] != EMPTY) {
        int target = mix(oldKeys[slot]) & mask;
        while (keys[target] != EMPTY) {
          target = (target + 1) & mask;
        }
        keys[target] = oldKeys[slot];
        sums[target] = oldSums[slot];
        counts[target] = oldCounts[slot];
        size++;
      }
    }
  }

  private void allocate(int capacity) {
    keys = new int[capacity];
    java.util.Arrays.fill(keys, EMPTY);
    sums = new double[capacity];
    counts = new long[capacity];
    mask = capacity - 1;
    size = 0;
  }

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
