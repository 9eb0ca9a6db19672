package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitPlannerTest {
  @Test
  void boundaryQueryRangesAreClosedAndLeaveNullKeysOut() {
    assertEquals(List.of("(id < 5) AND id >= 1 AND id <= 9", "(id >= 5) AND id >= 1 AND id <= 9"),
        SplitPlanner.ranges("id", List.of("5"), "SELECT 1, 9", "1", "9"));
    assertEquals(List.of("id >= 3 AND id <= 3"), SplitPlanner.ranges("id", List.of(), "SELECT 3, 3", "3", "3"));
    assertEquals(List.of("id < 5 OR id IS NULL", "id >= 5"), SplitPlanner.ranges("id", List.of("5"), null, "1", "9"));
  }

  @Test
  void rangesAreOpenAtBothEndsAndTakeNullsFirst() {
    assertEquals(List.of("id < 5 OR id IS NULL", "id >= 5 AND id < 9", "id >= 9"), SplitPlanner.ranges("id", List.of("5", "9")));
    assertEquals(List.of(SplitPlanner.ALL), SplitPlanner.ranges("id", List.of()));
  }

  @Test
  void integerBoundariesAreDistinctAndInsideTheRange() {
    assertEquals(List.of("25", "50", "75"), SplitPlanner.integerBounds(BigInteger.ZERO, BigInteger.valueOf(100), 4, null));
    assertEquals(List.of("2"), SplitPlanner.integerBounds(BigInteger.ONE, BigInteger.TWO, 8, null));
    assertEquals(List.of(), SplitPlanner.integerBounds(BigInteger.TEN, BigInteger.TEN, 4, null));
  }

  @Test
  void splitLimitSplitsAreCapped() {
    assertEquals(IngestKeys.DEFAULT_IMPORT_MAX_SPLITS - 1,
        SplitPlanner.integerPoints(BigInteger.ZERO, BigInteger.valueOf(10_000_000), 2, 1000L).size());
    assertEquals(7, SplitPlanner.integerPoints(BigInteger.ZERO, BigInteger.valueOf(10_000_000), 2, 1000L, 8).size());
  }

  @Test
  void splitLimitAddsSplits() {
    assertEquals(10, SplitPlanner.integerPoints(BigInteger.ZERO, BigInteger.valueOf(100), 2, 10L).size());
  }

  @Test
  void decimalBoundaries() {
    assertEquals(List.of("0.5"), SplitPlanner.decimalBounds(BigDecimal.ZERO, BigDecimal.ONE, 2));
    assertEquals(List.of(), SplitPlanner.decimalBounds(BigDecimal.ONE, BigDecimal.ONE, 2));
  }
}
