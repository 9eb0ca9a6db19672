package dev.hadoopkit.workflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SchedulerSettingsTest {
  private final SchedulerSettings settings = SchedulerSettings.defaults(Path.of("/tmp/x"), Clock.systemUTC());

  @Test
  void inputChecksBackOffToThreeSecondsUnlessACoordinatorWaitsForMany() {
    assertEquals(3000, settings.inputCheckCap(1));
    assertEquals(3000, settings.inputCheckCap(600));
    assertEquals(5000, settings.inputCheckCap(1000));
    assertEquals(50_000, settings.inputCheckCap(10_000), "200 checks a second at most");
  }

  @Test
  void aPoolBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> settings.withWorkflowPool(0));
    assertEquals(4, settings.withWorkflowPool(4).workflowPool());
  }
}
