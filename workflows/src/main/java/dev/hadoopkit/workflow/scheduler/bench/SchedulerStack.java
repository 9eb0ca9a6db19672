package dev.hadoopkit.workflow.scheduler.bench;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.scheduler.Scheduler;
import dev.hadoopkit.workflow.scheduler.SchedulerBackend;
import dev.hadoopkit.workflow.scheduler.SchedulerSettings;
import dev.hadoopkit.workflow.scheduler.SchedulerState;
import dev.hadoopkit.workflow.scheduler.WorkflowLauncher;
import dev.hadoopkit.workflow.server.api.Views;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * The daemon's parts as {@code SchedulerDaemon} wires them, without HTTP, on a clock that puts the next whole
 * minute {@code leadMillis} ahead; and what they report on the event stream, by coordinator action id.
 */
final class SchedulerStack implements AutoCloseable {
  final Path dir;
  final Clock clock;
  final Instant nextMinute;
  final Instant lastMinute;
  final WorkflowLauncher launcher;
  final Scheduler scheduler;
  final SchedulerBackend backend;
  final long startedNanos;
  /** coordinator action id → bench-clock millis when it was seen RUNNING (and ended, dispatched). */
  final Map<String, Long> running = new ConcurrentHashMap<>();
  final Map<String, Long> runningNanos = new ConcurrentHashMap<>();
  final Map<String, Long> ended = new ConcurrentHashMap<>();
  final Map<String, Long> dispatched = new ConcurrentHashMap<>();
  final Map<String, Long> dispatchedAt = new ConcurrentHashMap<>();
  final Map<String, Integer> materialized = new ConcurrentHashMap<>();
  final Set<String> coordEnded = ConcurrentHashMap.newKeySet();

  SchedulerStack(Path dir, long leadMillis, CoordBench.Sizes sizes, Configuration hadoop) throws IOException {
    this.dir = dir;
    long real = System.currentTimeMillis();
    long minute = 60_000;
    long target = (real + minute - 1) / minute * minute; // a whole minute; the bench clock puts it lead ahead
    this.clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(target - leadMillis - real));
    this.nextMinute = Instant.ofEpochMilli(target);
    this.lastMinute = Instant.ofEpochMilli(target - minute);
    long t0 = System.nanoTime();
    WorkflowEngine engine = new WorkflowEngine(new EngineSettings(dir, 8, 64 * 1024, sizes.sync(), clock),
        ActionRegistry.standard(), hadoop, null);
    launcher = new WorkflowLauncher(engine, sizes.pool());
    SchedulerSettings settings = SchedulerSettings.defaults(dir, clock).withWorkflowPool(sizes.pool())
        .withSync(sizes.sync());
    SchedulerState state = new SchedulerState(engine.store(), launcher, hadoop);
    scheduler = new Scheduler(settings, state);
    backend = new SchedulerBackend(scheduler, state, engine, hadoop);
    scheduler.subscribe(this::event);
    scheduler.start();
    startedNanos = System.nanoTime() - t0;
  }

  private void event(Views.Event event) {
    if ("coordinator".equals(event.kind())) {
      if (event.status().equals("SUCCEEDED") || event.status().equals("DONEWITHERROR")
          || event.status().equals("KILLED") || event.status().equals("FAILED")) {
        coordEnded.add(event.jobId());
      }
      return;
    }
    if (!"coord-action".equals(event.kind())) {
      return;
    }
    switch (event.status()) {
      case "RUNNING" -> {
        running.putIfAbsent(event.id(), clock.millis());
        runningNanos.putIfAbsent(event.id(), System.nanoTime());
      }
      case "SUBMITTED" -> {
        dispatched.putIfAbsent(event.id(), System.nanoTime());
        dispatchedAt.putIfAbsent(event.id(), clock.millis());
      }
      case "SUCCEEDED", "FAILED", "KILLED" -> ended.putIfAbsent(event.id(), clock.millis());
      case "WAITING" -> {
        if (event.message() != null && event.message().startsWith("materialized actions ")) {
          int upTo = Integer.parseInt(event.id().substring(event.id().lastIndexOf('@') + 1));
          materialized.merge(event.jobId(), upTo, Math::max);
        }
      }
      default -> { }
    }
  }

  String submit(Path coordinatorApp, Instant start, Instant end, Path workflowApp) {
    return backend.submit(BenchApps.coordinatorConf(coordinatorApp, start, end, workflowApp), true);
  }

  List<Long> latencies(Map<String, Long> seen, Function<String, Long> from) {
    List<Long> out = new ArrayList<>();
    seen.forEach((id, at) -> {
      Long start = from.apply(id);
      if (start != null) {
        out.add(at - start);
      }
    });
    return out;
  }

  void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    BenchSession.await(what, limit, condition, scheduler::failure);
  }

  @Override
  public void close() throws Exception {
    launcher.close(); // first: a run ending now would post to a stopped scheduler
    scheduler.close();
  }
}
