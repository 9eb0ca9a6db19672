package dev.hadoopkit.workflow.scheduler;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.server.api.ActionSelection;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.conf.Configuration;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A scheduler over a temp state dir with the real engine and a clock the test moves: nothing sleeps to let time
 * pass. Workflows are real (fs actions on the local filesystem); their end arrives asynchronously, so a test waits
 * for a condition with a deadline ({@link #await}).
 */
final class SchedulerHarness implements AutoCloseable {
  /** A clock that stands still until the test advances it. */
  static final class ManualClock extends Clock {
    private final AtomicLong millis;

    ManualClock(Instant start) {
      this.millis = new AtomicLong(start.toEpochMilli());
    }

    void advance(Duration duration) {
      millis.addAndGet(duration.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
      return millis.get();
    }
  }

  final Path root;
  final ManualClock clock;
  final Configuration hadoop;
  WorkflowEngine engine;
  WorkflowLauncher launcher;
  SchedulerState state;
  Scheduler scheduler;
  SchedulerBackend backend;

  SchedulerHarness(Path root, Instant now) throws IOException {
    this(root, now, localConf());
  }

  /** A scheduler whose Hadoop work and datasets go where {@code hadoop} says (e.g. a MiniDFSCluster). */
  SchedulerHarness(Path root, Instant now, Configuration hadoop) throws IOException {
    this.root = root;
    this.clock = new ManualClock(now);
    this.hadoop = hadoop;
    start();
  }

  private static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }

  /** Starts (or, after {@link #stop}, restarts) the scheduler on the same state: a replay of its journal. */
  void start() throws IOException {
    EngineSettings settings = new EngineSettings(root.resolve("state"), 4, 64 * 1024, false, clock);
    engine = new WorkflowEngine(settings, ActionRegistry.standard(), hadoop, null);
    launcher = new WorkflowLauncher(engine, 4);
    state = new SchedulerState(engine.store(), launcher, hadoop);
    scheduler = new Scheduler(SchedulerSettings.defaults(root.resolve("state"), clock).withSync(false), state);
    backend = new SchedulerBackend(scheduler, state, engine, hadoop);
    scheduler.start();
  }

  void stop() throws Exception {
    scheduler.close();
    launcher.close();
  }

  void advance(Duration duration) {
    clock.advance(duration);
    scheduler.tick();
  }

  /** A workflow app with one fs action making the directory given as property {@code output}. */
  Path mkdirApp(String name) throws IOException {
    return MkdirWorkflow.write(root.resolve("apps").resolve(name), name);
  }

  /** A coordinator app directory with the given coordinator.xml. */
  Path coordinatorApp(String name, String xml) throws IOException {
    Path dir = Files.createDirectories(root.resolve("apps").resolve(name));
    Files.writeString(dir.resolve("coordinator.xml"), xml, StandardCharsets.UTF_8);
    return dir;
  }

  String submit(Path coordinatorApp, Map<String, String> properties) {
    Map<String, String> conf = new LinkedHashMap<>(properties);
    conf.put(SchedulerBackend.COORD_APP_PATH, coordinatorApp.toString());
    conf.putIfAbsent("user.name", "tester");
    return backend.submit(conf, true);
  }

  Views.CoordJob info(String id) {
    return (Views.CoordJob) backend.info(id, 1, 10_000, Map.of());
  }

  /** Statuses of the coordinator's actions, in action order. */
  List<String> statuses(String id) {
    return info(id).actions().stream().map(Views.CoordAction::status).toList();
  }

  void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after 60 s waiting for " + what);
      }
      Thread.sleep(20);
      scheduler.tick();
    }
  }

  static ActionSelection actions(String scope) {
    return new ActionSelection("action", scope);
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
