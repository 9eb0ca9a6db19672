package dev.hadoopkit.jobs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntAggregatesTest {

  @Test
  void matchesAHashMapThroughManyResizes() throws Exception {
    IntAggregates aggregates = new IntAggregates();
    Map<Integer, double[]> expected = new HashMap<>();
    Random random = new Random(1);
    for (int i = 0; i < 200_000; i++) {
      int key = random.nextInt(50_000) - 100;
      double value = random.nextInt(10) / 2.0;
      aggregates.add(key, value);
      double[] sumCount = expected.computeIfAbsent(key, k -> new double[2]);
      sumCount[0] += value;
      sumCount[1]++;
    }
    assertEquals(expected.size(), aggregates.size());
    Map<Integer, double[]> actual = new HashMap<>();
    aggregates.forEach((key, sum, count) -> actual.put(key, new double[] {sum, count}));
    assertEquals(expected.size(), actual.size());
    expected.forEach((key, sumCount) -> {
      assertEquals(sumCount[0], actual.get(key)[0], key.toString());
      assertEquals(sumCount[1], actual.get(key)[1], key.toString());
    });
  }

  @Test
  void clearForgetsEverything() throws Exception {
    IntAggregates aggregates = new IntAggregates();
    aggregates.add(1, 2);
    aggregates.clear();
    assertEquals(0, aggregates.size());
    aggregates.forEach((key, sum, count) -> {
      throw new AssertionError("nothing should be left, found " + key);
    });
  }
}
