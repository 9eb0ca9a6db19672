package dev.hadoopkit.workflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.workflow.engine.RunListener;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.server.api.Views;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listings see every run of the state directory, also those another engine runs or reruns behind the daemon's
 * back, while an ended run's summary is not read again on every listing.
 */
class WorkflowSummariesTest {
  @TempDir
  Path root;

  @Test
  void newRunsAndRerunsByAnotherEngineShowUp() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, Instant.parse("2026-03-10T12:00:00Z"))) {
      Path app = h.mkdirApp("wf");
      WorkflowSummaries summaries = new WorkflowSummaries(h.engine.store(), 0);
      String first = run(h, app, "a");
      String second = run(h, app, "b");
      List<Views.WorkflowJob> listed = summaries.newestFirst();
      assertEquals(List.of(second, first), listed.stream().map(Views.WorkflowJob::id).toList(), "newest first");
      assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), listed.stream().map(Views.WorkflowJob::status).toList());

      h.engine.rerun(first, false, List.of(), RunListener.NONE); // another engine's rerun: no event reaches us
      assertEquals(1, summaries.newestFirst().get(1).run(), "an ended run's journal is looked at again");

      WorkflowSummaries trusting = new WorkflowSummaries(h.engine.store(), 3_600_000);
      trusting.newestFirst();
      h.engine.rerun(second, false, List.of(), RunListener.NONE);
      assertEquals(0, trusting.newestFirst().get(0).run(), "within the recheck time an ended run is trusted");
      trusting.invalidate(second);
      assertEquals(1, trusting.newestFirst().get(0).run(), "until the daemon says it changed");
      String third = run(h, app, "c");
      assertEquals(third, trusting.newestFirst().get(0).id());
    }
  }

  private static String run(SchedulerHarness h, Path app, String name) throws Exception {
    Submission submission = h.engine.prepare(Map.of("output", h.root.resolve("out").resolve(name).toString(),
        "user.name", "tester"), Map.of(), app.toString());
    String id = h.engine.submit(submission, null, RunListener.NONE);
    h.engine.run(id, RunListener.NONE);
    return id;
  }
}
