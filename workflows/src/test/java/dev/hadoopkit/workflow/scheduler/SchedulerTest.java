package dev.hadoopkit.workflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.BadRequestException;
import dev.hadoopkit.workflow.server.api.ConflictException;
import dev.hadoopkit.workflow.server.api.Views;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler on a clock the test moves, with the real engine running real (fs) workflows: catch-up, data
 * triggers, throttle, timeouts, execution policies, every control, bundles and a restart from the journal.
 */
class SchedulerTest {
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @TempDir
  Path root;

  /** An hourly dataset of directories under {@code dir}, done when their _SUCCESS exists. */
  private static String hourlyLogs(Path dir) {
    return """
        <datasets>
          <dataset name="logs" frequency="${coord:hours(1)}" initial-instance="2026-01-01T00:00Z" timezone="UTC">
            <uri-template>file://%s/${YEAR}${MONTH}${DAY}${HOUR}</uri-template>
          </dataset>
        </datasets>""".formatted(dir);
  }

  /** Each action needs the log directory of its own hour. */
  private static final String CURRENT_LOG = """
      <input-events>
        <data-in name="input" dataset="logs"><instance>${coord:current(0)}</instance></data-in>
      </input-events>""";

  private static String hourly(String controls, String datasets, String inputs) {
    return """
        <coordinator-app name="hourly" frequency="${coord:hours(1)}" start="${start}" end="${end}" timezone="UTC"
            xmlns="uri:oozie:coordinator:0.4">
          <controls>%s</controls>
          %s
          %s
          <action>
            <workflow>
              <app-path>${appPath}</app-path>
              <configuration>
                <property><name>output</name>
                  <value>${outRoot}/${coord:formatTime(coord:nominalTime(), 'yyyyMMddHH')}</value></property>
              </configuration>
            </workflow>
          </action>
        </coordinator-app>
        """.formatted(controls, datasets, inputs);
  }

  private Map<String, String> props(SchedulerHarness h, Path wfApp, Instant start, Instant end) {
    return Map.of("start", start.toString().replace(":00Z", "Z"), "end", end.toString().replace(":00Z", "Z"),
        "appPath", wfApp.toString(), "outRoot", root.resolve("out").toString());
  }

  private Set<String> outputs() throws Exception {
    Path out = root.resolve("out");
    if (!Files.isDirectory(out)) {
      return Set.of();
    }
    try (Stream<Path> dirs = Files.list(out)) {
      return new HashSet<>(dirs.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static long count(List<String> statuses, String status) {
    return Collections.frequency(statuses, status);
  }

  @Test
  void catchUpRunsEveryMissedNominalTimeExactlyOnceThenFollowsTheClock() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      Path app = h.coordinatorApp("catchup", hourly(
          "<concurrency>3</concurrency><throttle>4</throttle>", "", ""));
      String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW.minus(Duration.ofHours(10)),
          NOW.plus(Duration.ofHours(5))));
      h.await("11 caught-up actions to succeed", () -> count(h.statuses(id), "SUCCEEDED") == 11);
      assertEquals(11, h.info(id).totalActions());
      assertEquals(11, outputs().size());
      assertTrue(outputs().contains("2026031002") && outputs().contains("2026031012"), outputs().toString());
      assertEquals("RUNNING", h.info(id).status());

      h.advance(Duration.ofHours(1));
      h.await("the 12th action", () -> count(h.statuses(id), "SUCCEEDED") == 12);
      assertTrue(outputs().contains("2026031013"));
      assertEquals(12, h.engine.store().ids().size(), "one workflow run per nominal time");

      h.advance(Duration.ofHours(5));
      h.await("the coordinator to end", () -> h.info(id).status().equals("SUCCEEDED"));
      assertEquals(15, h.info(id).totalActions());
      assertEquals(15, h.engine.store().ids().size());
    }
  }

  @Test
  void anActionWaitsForItsDoneFlagSaysWhyAndStartsWhenItAppears() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      Path data = root.resolve("data");
      String datasets = hourlyLogs(data);
      String inputs = CURRENT_LOG;
      Path app = h.coordinatorApp("data", hourly("<timeout>-1</timeout>", datasets, inputs));
      String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW, NOW.plus(Duration.ofHours(1))));
      h.await("the action to wait", () -> h.statuses(id).equals(List.of("WAITING"))
          && h.info(id).actions().get(0).waitReason() != null
          && h.info(id).actions().get(0).waitReason().startsWith("waiting for"));
      Views.CoordAction waiting = h.info(id).actions().get(0);
      assertTrue(waiting.waitReason().contains("data/2026031012"), waiting.waitReason());
      assertTrue(waiting.missingDependencies().toString().contains("2026031012"), waiting.missingDependencies()
          .toString());

      Files.createDirectories(data.resolve("2026031012"));
      h.advance(Duration.ofSeconds(1));
      Thread.sleep(100);
      assertEquals(List.of("WAITING"), h.statuses(id), "a directory without _SUCCESS is not ready");
      Files.writeString(data.resolve("2026031012").resolve("_SUCCESS"), "");
      h.advance(Duration.ofSeconds(5)); // at most the back-off cap (4 s) later it is looked at again
      h.await("the action to run", () -> h.statuses(id).equals(List.of("SUCCEEDED")));
      assertEquals("SUCCEEDED", h.info(id).status());
    }
  }

  @Test
  void theThrottleBoundsWaitingActionsAndTimeoutsEndThem() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      String datasets = hourlyLogs(root.resolve("never"));
      String inputs = CURRENT_LOG;
      Path app = h.coordinatorApp("throttled", hourly("<timeout>10</timeout><throttle>3</throttle>", datasets,
          inputs));
      String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW.minus(Duration.ofHours(19)),
          NOW.plus(Duration.ofMinutes(30))));
      h.await("3 waiting actions", () -> h.statuses(id).size() == 3);
      Thread.sleep(200);
      assertEquals(List.of("WAITING", "WAITING", "WAITING"), h.statuses(id), "the throttle holds the other 17");

      // a timeout counts from materialization for actions materialized late: three time out per 10 minutes
      for (int round = 1; round <= 7; round++) {
        h.advance(Duration.ofMinutes(11));
        int timedOut = Math.min(20, 3 * round);
        h.await(timedOut + " timed out", () -> count(h.statuses(id), "TIMEDOUT") == timedOut);
      }
      h.await("DONEWITHERROR", () -> h.info(id).status().equals("DONEWITHERROR"));
      assertEquals(0, h.engine.store().ids().size(), "nothing ran");

      List<Views.CoordAction> ignored = h.backend.ignore(id, new ActionSelection("action", "1-20"));
      assertEquals(20, ignored.size());
      h.await("SUCCEEDED once every error is ignored", () -> h.info(id).status().equals("SUCCEEDED"));
    }
  }

  @Test
  void lastOnlyRunsTheNewestAndSkipsTheRest() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      assertEquals(List.of("SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SUCCEEDED"),
          endedUnder(h, "last", "LAST_ONLY", 4, 5));
      assertEquals(Set.of("2026031012"), outputs());
    }
  }

  @Test
  void noneSkipsWhatIsLateByMoreThanTheTolerance() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      assertEquals(List.of("SKIPPED", "SKIPPED", "SUCCEEDED"), endedUnder(h, "none", "NONE", 2, 3));
    }
  }

  /**
   * The statuses of an hourly coordinator's {@code count} actions under execution {@code policy}, from {@code
   * hoursBack} hours ago to half an hour ahead, once every one is SKIPPED or SUCCEEDED.
   */
  private List<String> endedUnder(SchedulerHarness h, String name, String policy, int hoursBack, int count)
      throws Exception {
    Path app = h.coordinatorApp(name, hourly("<execution>" + policy + "</execution>", "", ""));
    String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW.minus(Duration.ofHours(hoursBack)),
        NOW.plus(Duration.ofMinutes(30))));
    h.await(count + " ended actions", () -> h.statuses(id).size() == count
        && h.statuses(id).stream().allMatch(s -> s.equals("SKIPPED") || s.equals("SUCCEEDED")));
    return h.statuses(id);
  }

  @Test
  void suspendStopsMaterializingAndResumeCatchesUp() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      Path app = h.coordinatorApp("suspend", hourly("", "", ""));
      String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW, NOW.plus(Duration.ofHours(10))));
      h.await("the first action", () -> h.statuses(id).equals(List.of("SUCCEEDED")));
      h.backend.suspend(id, ActionSelection.ALL);
      assertEquals("SUSPENDED", h.info(id).status());
      assertThrows(ConflictException.class, () -> h.backend.suspend(id, ActionSelection.ALL));
      h.advance(Duration.ofHours(3));
      Thread.sleep(200);
      assertEquals(1, h.info(id).totalActions(), "nothing materializes while suspended");
      h.backend.resume(id, ActionSelection.ALL);
      h.await("the three missed actions", () -> count(h.statuses(id), "SUCCEEDED") == 4);
      assertEquals("RUNNING", h.info(id).status());
      assertThrows(ConflictException.class, () -> h.backend.resume(id, ActionSelection.ALL));
    }
  }

  @Test
  void killEndsWaitingActionsAndTheJob() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      String datasets = hourlyLogs(root.resolve("never"));
      String inputs = CURRENT_LOG;
      Path app = h.coordinatorApp("kill", hourly("", datasets, inputs));
      String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW.minus(Duration.ofHours(2)),
          NOW.plus(Duration.ofHours(2))));
      h.await("3 waiting", () -> h.statuses(id).size() == 3);
      h.backend.kill(id, new ActionSelection("action", "2"));
      h.await("action 2 killed", () -> h.statuses(id).get(1).equals("KILLED"));
      assertEquals("RUNNING", h.info(id).status().replace("WITHERROR", ""));
      h.backend.kill(id, ActionSelection.ALL);
      assertEquals("KILLED", h.info(id).status());
      assertEquals(List.of("KILLED", "KILLED", "KILLED"), h.statuses(id));
      h.advance(Duration.ofHours(1));
      Thread.sleep(100);
      assertEquals(3, h.statuses(id).size(), "a killed job materializes nothing");
      assertThrows(BadRequestException.class, () -> h.backend.kill(id, new ActionSelection("action", "9")));
    }
  }

  @Test
  void changeMovesTheEndAndConcurrencyAndChecksValues() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      Path app = h.coordinatorApp("change", hourly("", "", ""));
      String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW, NOW.plus(Duration.ofHours(10))));
      h.await("the first action", () -> h.statuses(id).equals(List.of("SUCCEEDED")));
      h.backend.change(id, Map.of("endtime", "2026-03-10T14:30Z", "concurrency", "4"));
      assertEquals(Instant.parse("2026-03-10T14:30:00Z"), h.info(id).endTime());
      assertEquals(4, h.info(id).concurrency());
      assertThrows(BadRequestException.class, () -> h.backend.change(id, Map.of("concurrency", "x")));
      assertThrows(BadRequestException.class, () -> h.backend.change(id, Map.of("endtime", "2026-03-10T11:00Z")));
      assertThrows(BadRequestException.class, () -> h.backend.change(id, Map.of("colour", "blue")));
      h.advance(Duration.ofHours(5));
      h.await("the end after 3 actions", () -> h.info(id).status().equals("SUCCEEDED"));
      assertEquals(3, h.info(id).totalActions());
    }
  }

  @Test
  void rerunRunsTheSameWorkflowAgain() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      Path app = h.coordinatorApp("rerun", hourly("", "", ""));
      String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW.minus(Duration.ofHours(1)),
          NOW.plus(Duration.ofMinutes(30))));
      h.await("two actions", () -> h.statuses(id).equals(List.of("SUCCEEDED", "SUCCEEDED")));
      String workflow = h.info(id).actions().get(0).externalId();
      Files.delete(root.resolve("out").resolve("2026031011"));
      assertThrows(BadRequestException.class, () -> h.backend.coordRerun(id, SchedulerHarness.actions("3"), false,
          false, false), "no action 3 yet");
      List<Views.CoordAction> rerun = h.backend.coordRerun(id, SchedulerHarness.actions("1"), false, false, false);
      assertEquals(1, rerun.size());
      h.await("the rerun", () -> h.statuses(id).equals(List.of("SUCCEEDED", "SUCCEEDED"))
          && Files.isDirectory(root.resolve("out").resolve("2026031011")));
      assertEquals(workflow, h.info(id).actions().get(0).externalId(), "Oozie reruns the action's workflow");
      h.await("run 1 of that workflow", () -> {
        try {
          return h.engine.store().load(workflow).info().run() == 1;
        } catch (Exception e) {
          return false;
        }
      });
      assertEquals(2, h.engine.store().ids().size());
    }
  }

  @Test
  void aRestartReplaysTheJournalAndStartsNothingTwice() throws Exception {
    SchedulerHarness h = new SchedulerHarness(root, NOW);
    Path app = h.coordinatorApp("restart", hourly("<concurrency>2</concurrency>", "", ""));
    String id = h.submit(app, props(h, h.mkdirApp("wf"), NOW.minus(Duration.ofHours(5)),
        NOW.plus(Duration.ofHours(3))));
    h.await("6 actions", () -> count(h.statuses(id), "SUCCEEDED") == 6);
    List<String> before = h.info(id).actions().stream().map(Views.CoordAction::externalId).toList();
    h.stop();

    h.start();
    assertEquals(before, h.info(id).actions().stream().map(Views.CoordAction::externalId).toList());
    assertEquals(Collections.nCopies(6, "SUCCEEDED"), h.statuses(id));
    h.advance(Duration.ofHours(1));
    h.await("the 7th after the restart", () -> count(h.statuses(id), "SUCCEEDED") == 7);
    assertEquals(7, h.engine.store().ids().size());
    assertNotNull(Files.readString(h.scheduler.settings().journalFile(), StandardCharsets.UTF_8));
    h.close();
  }

  @Test
  void submissionErrorsAreBadRequestsNamingTheProblem() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      Path app = h.coordinatorApp("bad", hourly("", "", ""));
      BadRequestException e = assertThrows(BadRequestException.class, () -> h.submit(app,
          props(h, h.mkdirApp("wf"), NOW, NOW.minus(Duration.ofHours(1)))));
      assertEquals("E1003", e.code(), e.getMessage());
      BadRequestException none = assertThrows(BadRequestException.class, () -> h.backend.submit(Map.of(), true));
      assertTrue(none.getMessage().contains("oozie.coord.application.path"), none.getMessage());
    }
  }

  @Test
  void anSlaMissIsShownAndSentAsAnEventWhenItHappens() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      String xml = """
          <coordinator-app name="sla" frequency="${coord:hours(1)}" start="${start}" end="${end}" timezone="UTC"
              xmlns="uri:oozie:coordinator:0.5" xmlns:sla="uri:oozie:sla:0.2">
            <datasets>
              <dataset name="logs" frequency="${coord:hours(1)}" initial-instance="2026-01-01T00:00Z" timezone="UTC">
                <uri-template>file://%s/${YEAR}${MONTH}${DAY}${HOUR}</uri-template>
              </dataset>
            </datasets>
            <input-events>
              <data-in name="input" dataset="logs"><instance>${coord:current(0)}</instance></data-in>
            </input-events>
            <action>
              <workflow><app-path>${appPath}</app-path>
                <configuration><property><name>output</name><value>${outRoot}/x</value></property></configuration>
              </workflow>
              <sla:info>
                <sla:nominal-time>${coord:nominalTime()}</sla:nominal-time>
                <sla:should-start>${10 * MINUTES}</sla:should-start>
                <sla:should-end>${30 * MINUTES}</sla:should-end>
              </sla:info>
            </action>
          </coordinator-app>""".formatted(root.resolve("never"));
      List<Views.Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (AutoCloseable subscription = h.backend.subscribe(events::add)) {
        String id = h.submit(h.coordinatorApp("sla", xml), props(h, h.mkdirApp("wf"), NOW,
            NOW.plus(Duration.ofMinutes(30))));
        h.await("the action to wait", () -> h.statuses(id).equals(List.of("WAITING")));
        assertEquals(false, h.info(id).actions().get(0).sla().startMiss());
        h.advance(Duration.ofMinutes(11));
        h.await("the start miss event", () -> events.stream().anyMatch(e -> "START_MISS".equals(e.status())));
        Views.Sla sla = h.info(id).actions().get(0).sla();
        assertTrue(sla.startMiss() && !sla.endMiss(), sla.toString());
        assertEquals(Instant.parse("2026-03-10T12:10:00Z"), sla.expectedStart());
        h.advance(Duration.ofMinutes(20));
        h.await("the end miss event", () -> events.stream().anyMatch(e -> "END_MISS".equals(e.status())));
        assertEquals(1, events.stream().filter(e -> "START_MISS".equals(e.status())).count(), "reported once");
      }
    }
  }

  @Test
  void aBundleKicksOffItsCoordinatorsFollowsThemAndRerunsOneByName() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      Path wf = h.mkdirApp("wf");
      h.coordinatorApp("c1", hourly("", "", "").replace("${outRoot}", "${outRoot}/c1"));
      h.coordinatorApp("c2", hourly("", "", "").replace("${outRoot}", "${outRoot}/c2"));
      Path bundle = Files.createDirectories(root.resolve("apps/bundle"));
      Files.writeString(bundle.resolve("bundle.xml"), """
          <bundle-app name="both" xmlns="uri:oozie:bundle:0.2">
            <controls><kick-off-time>${kickOff}</kick-off-time></controls>
            <coordinator name="first"><app-path>${apps}/c1</app-path></coordinator>
            <coordinator name="second"><app-path>${apps}/c2</app-path>
              <configuration><property><name>end</name><value>${end2}</value></property></configuration>
            </coordinator>
          </bundle-app>""");
      Map<String, String> conf = new java.util.HashMap<>(props(h, wf, NOW.minus(Duration.ofHours(1)),
          NOW.plus(Duration.ofMinutes(30))));
      conf.put("oozie.bundle.application.path", bundle.toString());
      conf.put("apps", root.resolve("apps").toString());
      conf.put("kickOff", "2026-03-10T12:05Z");
      conf.put("end2", "2026-03-10T11:30Z");
      conf.put("user.name", "tester");
      String id = h.backend.submit(conf, true);
      Thread.sleep(100);
      Views.BundleJob prep = (Views.BundleJob) h.backend.info(id, 1, 10, Map.of());
      assertEquals("PREP", prep.status());
      assertEquals(0, prep.coordinators().size(), "nothing before the kick-off time");

      h.advance(Duration.ofMinutes(5));
      h.await("the bundle to succeed", () -> "SUCCEEDED".equals(h.backend.info(id, 1, 10, Map.of()).status()));
      Views.BundleJob done = (Views.BundleJob) h.backend.info(id, 1, 10, Map.of());
      assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), done.coordinators().stream().map(Views.CoordJob::status)
          .toList());
      String first = done.coordinators().get(0).id();
      assertEquals(List.of("SUCCEEDED", "SUCCEEDED"), h.statuses(first));
      assertEquals(List.of("SUCCEEDED"), h.statuses(done.coordinators().get(1).id()), "its own end time");

      List<Views.CoordAction> rerun = h.backend.coordRerun(id, new ActionSelection("coord", "first"), false, false,
          false);
      assertEquals(2, rerun.size());
      assertTrue(rerun.stream().allMatch(a -> a.jobId().equals(first)), rerun.toString());
      h.await("the bundle to succeed again", () -> "SUCCEEDED".equals(h.backend.info(id, 1, 10, Map.of()).status())
          && h.statuses(first).equals(List.of("SUCCEEDED", "SUCCEEDED")));
      assertThrows(BadRequestException.class, () -> h.backend.coordRerun(id, new ActionSelection("coord", "third"),
          false, false, false));
    }
  }

  @Test
  void aWorkflowsNodeChangesAreOnTheEventStream() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      List<Views.Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (AutoCloseable subscription = h.backend.subscribe(events::add)) {
        String id = h.submit(h.coordinatorApp("events", hourly("", "", "")), props(h, h.mkdirApp("wf"), NOW,
            NOW.plus(Duration.ofMinutes(30))));
        h.await("the action", () -> h.statuses(id).equals(List.of("SUCCEEDED")));
        String workflow = h.info(id).actions().get(0).externalId();
        h.await("the workflow's events", () -> events.stream().anyMatch(e -> e.id().equals(workflow)
            && "SUCCEEDED".equals(e.status())));
        assertTrue(events.stream().anyMatch(e -> e.id().equals(workflow + "@make") && "RUNNING".equals(e.status())
            && e.jobId().equals(workflow)), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.id().equals(workflow + "@make") && "OK".equals(e.status())),
            events.toString());
        assertTrue(events.stream().anyMatch(e -> e.id().equals(id + "@1") && "SUCCEEDED".equals(e.status())));
      }
    }
  }

  @Test
  void resumeAdoptsAWorkflowRunWhoseEngineDied() throws Exception {
    try (SchedulerHarness h = new SchedulerHarness(root, NOW)) {
      Path app = h.mkdirApp("orphan");
      var submission = h.engine.prepare(Map.of("output", root.resolve("out/orphan").toString(), "user.name", "t"),
          Map.of(), app.toString());
      String id = h.engine.submit(submission, null, dev.hadoopkit.workflow.engine.RunListener.NONE);
      // submitted by an engine that never drove it (its process died): PREP, no lock held
      h.backend.resume(id, ActionSelection.ALL);
      h.await("the adopted run", () -> {
        try {
          return h.engine.store().load(id).info().status().name().equals("SUCCEEDED");
        } catch (Exception e) {
          return false;
        }
      });
      assertTrue(Files.isDirectory(root.resolve("out/orphan")));
      ConflictException ended = assertThrows(ConflictException.class, () -> h.backend.resume(id,
          ActionSelection.ALL));
      assertTrue(ended.getMessage().contains("-rerun"), ended.getMessage());
    }
  }
}
