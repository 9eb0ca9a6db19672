package dev.hadoopkit.workflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coordinators take turns in the workflow pool; one coordinator's runs keep their order. */
class FairQueueTest {
  @Test
  void keysTakeTurnsAndEachKeyKeepsItsOrder() throws Exception {
    FairQueue queue = new FairQueue();
    List<String> ran = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      String name = "backlog-" + i;
      queue.add("backlog", () -> ran.add(name));
    }
    queue.add("a", () -> ran.add("a-1"));
    queue.add("b", () -> ran.add("b-1"));
    queue.add("a", () -> ran.add("a-2"));
    assertEquals(7, queue.size());
    for (int i = 0; i < 7; i++) {
      queue.take().run();
    }
    assertEquals(List.of("backlog-1", "a-1", "b-1", "backlog-2", "a-2", "backlog-3", "backlog-4"), ran);
    assertEquals(0, queue.size());
  }

  @Test
  void closingReleasesTakersAndRefusesWork() throws Exception {
    FairQueue queue = new FairQueue();
    queue.add("a", () -> { });
    queue.close();
    assertNull(queue.take());
    assertThrows(IllegalStateException.class, () -> queue.add("a", () -> { }));
  }
}
