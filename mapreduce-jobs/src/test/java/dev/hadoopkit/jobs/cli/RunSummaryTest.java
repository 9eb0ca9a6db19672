package dev.hadoopkit.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

  @Test
  void describeTakesTheFirstLineOfTheMessage() {
    assertEquals("first", RunSummary.describe(new IOException("first\nsecond")));
  }

  @Test
  void describeFallsBackToTheRootCauseWithoutAMessage() {
    assertEquals("java.lang.IllegalStateException: root",
        RunSummary.describe(new RuntimeException((String) null, new IOException(new IllegalStateException("root")))));
  }
}
