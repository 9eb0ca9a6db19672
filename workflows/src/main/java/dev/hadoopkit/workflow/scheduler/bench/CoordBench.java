package dev.hadoopkit.workflow.scheduler.bench;

import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.scheduler.SchedulerJournal;
import dev.hadoopkit.workflow.scheduler.SchedulerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code bin/workflow bench --coord}: the scheduler's speed goals, each scenario in this JVM on a fresh temp state
 * directory with the real scheduler, the real engine and real (one fs action) workflows, on a real clock. Nominal
 * times have minute precision, so each scheduler gets the system clock shifted to put the next whole minute a few
 * seconds ahead: time still passes at its real rate, and latency is what a daemon would show.
 */
public final class CoordBench {
  /** Sizes of the scenarios (the defaults are the issue's; tests use tiny ones). */
  public record Sizes(int coords, int flags, int actions, int mass, int massActions, int records, int backlog,
      int others, int pool, long leadMillis, long flagWaitMillis, int repeat, boolean sync) {
    public static Sizes defaults() {
      return new Sizes(1000, 50, 10_000, 1000, 1000, 100_000, 2000, 100, 16, 4000, 8000, 1, true);
    }
  }

  private final Sizes sizes;
  private final Configuration hadoop;
  private final BenchSession session;
  private final PrintStream out;
  private final Path work;
  private int stacks;

  public CoordBench(Sizes sizes, Configuration hadoop, PrintStream out) throws IOException {
    this.sizes = sizes;
    this.hadoop = hadoop;
    this.session = new BenchSession("hk-coord-bench-", out);
    this.out = out;
    this.work = session.work();
  }

  public Path work() {
    return work;
  }

  /** Runs every scenario {@code repeat} times and returns the rows (one per scenario and round). */
  public List<BenchRow> run() throws Exception {
    return run(List.of("1", "2", "3a", "3b", "4", "5"));
  }

  /** Runs the named scenarios ("1", "2", "3a", "3b", "4", "5") {@code repeat} times. */
  public List<BenchRow> run(List<String> only) throws Exception {
    List<BenchRow> rows = new ArrayList<>();
    for (int round = 1; round <= sizes.repeat(); round++) {
      out.println("round " + round + " of " + sizes.repeat() + " (load average " + BenchSession.loadAverage() + ")");
      for (String scenario : only) {
        rows.add(session.report(switch (scenario) {
          case "1" -> dueTogether();
          case "2" -> doneFlags();
          case "3a" -> materializeOne();
          case "3b" -> materializeMany();
          case "4" -> restart();
          case "5" -> backlog();
          default -> throw new IllegalArgumentException("no scenario " + scenario + " (1, 2, 3a, 3b, 4, 5)");
        }));
      }
    }
    return rows;
  }

  /** Enough lead for {@code count} submissions to be recorded before the nominal time they are due at. */
  private long leadFor(int count) {
    return sizes.leadMillis() + 20L * count;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. many coordinators due in the same minute

  private BenchRow dueTogether() throws Exception {
    Path app = workflowApp("due");
    BenchRow row;
    try (SchedulerStack stack = stack(newDir("due"), leadFor(sizes.coords()))) {
      Instant nominal = stack.nextMinute;
      Path coord = coordinatorApp("due", "", "", "");
      for (int i = 0; i < sizes.coords(); i++) {
        stack.submit(coord, nominal, nominal.plus(Duration.ofMinutes(1)), app);
      }
      long ahead = nominal.toEpochMilli() - stack.clock.millis();
      if (ahead < 0) {
        out.println("  warning: the submissions ended " + -ahead + " ms after the nominal time; raise --lead");
      }
      stack.await("every action RUNNING", Duration.ofMinutes(10),
          () -> stack.running.size() >= sizes.coords());
      List<Long> latency = stack.latencies(stack.running, id -> nominal.toEpochMilli());
      stack.await("every workflow to end", Duration.ofMinutes(10), () -> stack.ended.size() >= sizes.coords());
      long p50 = percentile(latency, 50);
      long p99 = percentile(latency, 99);
      List<Long> dispatch = stack.latencies(stack.dispatchedAt, id -> nominal.toEpochMilli());
      row = new BenchRow("1. nominal time → RUNNING, " + sizes.coords() + " coordinators due together",
          "p50 " + p50 + " ms, p99 " + p99 + " ms (max " + percentile(latency, 100) + "; journaled as dispatched:"
              + " p50 " + percentile(dispatch, 50) + ", p99 " + percentile(dispatch, 99) + " ms)",
          "p50 ≤ 50 ms, p99 ≤ 500 ms", p50 <= 50 && p99 <= 500, "");
    }
    // the reference after the scheduler's run, in the same warm JVM (measured first, it paid the class loading)
    double[] bare = BenchReferences.bareEngine(app, sizes.coords(), sizes.pool(),
        new EngineSettings(newDir("bare"), 8, 64 * 1024, sizes.sync(), Clock.systemUTC()), hadoop);
    return new BenchRow(row.scenario(), row.measured(), row.goal(), row.pass(), String.format("engine alone, same %d"
        + " runs through a %d-thread pool: RUNNING p50 %.0f ms, p99 %.0f ms; one run alone %.1f ms", sizes.coords(),
        sizes.pool(), bare[0], bare[1], bare[2]));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. done-flags

  private BenchRow doneFlags() throws Exception {
    Path app = workflowApp("flags");
    try (SchedulerStack stack = stack(newDir("flags"), sizes.leadMillis())) {
      Instant nominal = stack.lastMinute;
      Map<String, Path> flags = new LinkedHashMap<>();
      for (int i = 0; i < sizes.flags(); i++) {
        Path data = work.resolve("flag-data").resolve("d" + i);
        Path coord = BenchApps.waitingCoordinatorApp(work, "coord-flags-" + i, "flags-" + i,
            "<timeout>-1</timeout>", data, "2026-01-01T00:00Z");
        String id = stack.submit(coord, nominal, nominal.plus(Duration.ofMinutes(1)), app);
        flags.put(id, BenchApps.flagDirectory(data, nominal));
      }
      // let the re-checks back off to their cap, then make the flags appear spread over one cap's length
      Thread.sleep(sizes.flagWaitMillis());
      Map<String, Long> created = new ConcurrentHashMap<>();
      long spread = 3000 / Math.max(1, sizes.flags());
      for (Map.Entry<String, Path> flag : flags.entrySet()) {
        Files.createDirectories(flag.getValue());
        Files.writeString(flag.getValue().resolve("_SUCCESS"), "");
        created.put(flag.getKey() + "@1", stack.clock.millis());
        Thread.sleep(spread);
      }
      stack.await("every flagged action RUNNING", Duration.ofMinutes(5),
          () -> stack.running.size() >= sizes.flags());
      List<Long> latency = stack.latencies(stack.running, created::get);
      long p99 = percentile(latency, 99);
      return new BenchRow("2. done-flag appears → action RUNNING, " + sizes.flags() + " coordinators",
          "p50 " + percentile(latency, 50) + " ms, p99 " + p99 + " ms", "p99 ≤ 5 s", p99 <= 5000,
          "Oozie polls every 60 s; re-check back-off here 250 ms doubling to 3 s");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. materialization

  private BenchRow materializeOne() throws Exception {
    Path app = workflowApp("one");
    int count = sizes.actions();
    try (SchedulerStack stack = stack(newDir("one"), sizes.leadMillis())) {
      Instant end = stack.lastMinute;
      Path coord = coordinatorApp("one", "<concurrency>1</concurrency><throttle>" + count + "</throttle>", "", "");
      long t0 = System.nanoTime();
      String id = stack.submit(coord, end.minus(Duration.ofMinutes(count)), end, app);
      stack.await(count + " actions materialized", Duration.ofMinutes(5),
          () -> stack.materialized.getOrDefault(id, 0) >= count);
      stack.scheduler.call(() -> 0); // after the pass's flush: materialized and journaled
      double ms = (System.nanoTime() - t0) / 1e6;
      double fsync = BenchReferences.fsyncMillis(work.resolve("fsync-probe"), 50);
      return new BenchRow("3a. " + count + " actions of one coordinator materialized + journaled",
          String.format("%.0f ms", ms), "< 1 s", ms < 1000,
          String.format("one fsync'd journal append %.2f ms", fsync));
    }
  }

  private BenchRow materializeMany() throws Exception {
    Path app = workflowApp("many");
    int coords = sizes.mass();
    int each = sizes.massActions();
    try (SchedulerStack stack = stack(newDir("many"), sizes.leadMillis())) {
      // execution NONE and every nominal time more than the tolerance ago: every action materializes and is
      // skipped, so nothing stays active, and what the heap keeps afterwards is what ended actions cost
      Instant end = stack.lastMinute.minus(Duration.ofMinutes(2));
      Path coord = coordinatorApp("many", "<execution>NONE</execution><throttle>" + each + "</throttle>", "", "");
      long heap0 = BenchReferences.usedHeap();
      long t0 = System.nanoTime();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < coords; i++) {
        ids.add(stack.submit(coord, end.minus(Duration.ofMinutes(each)), end, app));
      }
      double submitMs = (System.nanoTime() - t0) / 1e6;
      stack.await(coords * (long) each + " actions materialized and ended", Duration.ofMinutes(10),
          () -> stack.coordEnded.size() >= coords);
      stack.scheduler.call(() -> 0);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long total = 0;
      for (String id : ids) {
        total += stack.materialized.getOrDefault(id, 0);
      }
      long retained = Math.max(0, BenchReferences.usedHeap() - heap0);
      double perAction = retained / (double) Math.max(1, total);
      long journal = Files.size(SchedulerSettings.defaults(stack.dir, Clock.systemUTC()).journalFile());
      return new BenchRow("3b. " + total + " actions over " + coords + " coordinators materialized + journaled",
          String.format("%.1f s; heap kept after all ended %.1f MB = %.0f B/action", seconds, retained / 1e6,
              perAction), "< 60 s; memory bounded by active actions (0 here): ≤ 16 B/ended action",
          seconds < 60 && perAction <= 16,
          String.format("submitting the %d coordinators %.0f ms; journal %.1f MB; Oozie 10,000 per 5 min",
              coords, submitMs, journal / 1e6));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 4. restart

  private BenchRow restart() throws Exception {
    Path app = workflowApp("restart");
    Path dir = newDir("restart");
    Path data = work.resolve("restart-data");
    Path coordWait = BenchApps.waitingCoordinatorApp(work, "coord-restart-wait", "restart-wait",
        "<timeout>-1</timeout>", data, "2026-01-01T00:00Z");
    String waiting;
    Path flag;
    try (SchedulerStack stack = stack(dir, sizes.leadMillis())) {
      Instant end = stack.lastMinute.minus(Duration.ofMinutes(2));
      Path coord = coordinatorApp("restart-none", "<execution>NONE</execution><throttle>" + sizes.records()
          + "</throttle>", "", "");
      String history = stack.submit(coord, end.minus(Duration.ofMinutes(sizes.records())), end, app);
      waiting = stack.submit(coordWait, stack.lastMinute, stack.lastMinute.plus(Duration.ofMinutes(1)), app);
      flag = BenchApps.flagDirectory(data, stack.lastMinute);
      stack.await("the history to be journaled", Duration.ofMinutes(10),
          () -> stack.coordEnded.contains(history));
      stack.scheduler.call(() -> 0);
    }
    Path journal = SchedulerSettings.defaults(dir, Clock.systemUTC()).journalFile();
    long lines;
    try (Stream<String> all = Files.lines(journal)) {
      lines = all.count();
    }
    Files.createDirectories(flag);
    Files.writeString(flag.resolve("_SUCCESS"), "");
    long r0 = System.nanoTime();
    SchedulerJournal.read(journal);
    double replayMs = (System.nanoTime() - r0) / 1e6;
    long t0 = System.nanoTime();
    try (SchedulerStack stack = stack(dir, sizes.leadMillis())) {
      stack.await("the first dispatch after the restart", Duration.ofMinutes(5),
          () -> stack.dispatched.containsKey(waiting + "@1"));
      double dispatchMs = (stack.dispatched.get(waiting + "@1") - t0) / 1e6;
      stack.await("its workflow RUNNING", Duration.ofMinutes(5), () -> stack.running.containsKey(waiting + "@1"));
      double runningMs = (stack.runningNanos.get(waiting + "@1") - t0) / 1e6;
      return new BenchRow("4. restart → first dispatch, " + lines + " journal records",
          String.format("%.0f ms (RUNNING at %.0f ms; start() %.0f ms)", dispatchMs, runningMs,
              stack.startedNanos / 1e6), "< 2 s", dispatchMs < 2000,
          String.format("reading + parsing the same journal alone %.0f ms", replayMs));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 5. a backlog next to on-time coordinators

  private BenchRow backlog() throws Exception {
    Path app = workflowApp("backlog");
    int others = sizes.others();
    long alone;
    try (SchedulerStack stack = stack(newDir("backlog-alone"), leadFor(others))) {
      alone = othersP99(stack, app, others);
    }
    long with;
    try (SchedulerStack stack = stack(newDir("backlog-with"), leadFor(others + 1))) {
      int n = sizes.backlog();
      Path coord = coordinatorApp("catch-up", "<concurrency>" + n + "</concurrency><throttle>" + n
          + "</throttle>", "", "");
      stack.submit(coord, stack.nextMinute.minus(Duration.ofMinutes(n)), stack.nextMinute, app);
      with = othersP99(stack, app, others);
    }
    long added = with - alone;
    return new BenchRow("5. " + others + " on-time coordinators next to a " + sizes.backlog() + "-action catch-up",
        "p99 " + with + " ms with the backlog = +" + added + " ms", "≤ +1000 ms", added <= 1000,
        "p99 " + alone + " ms of the same coordinators without it");
  }

  private long othersP99(SchedulerStack stack, Path app, int others) throws Exception {
    Instant nominal = stack.nextMinute;
    Path coord = coordinatorApp("other", "", "", "");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < others; i++) {
      ids.add(stack.submit(coord, nominal, nominal.plus(Duration.ofMinutes(1)), app));
    }
    stack.await("the on-time actions RUNNING", Duration.ofMinutes(10),
        () -> ids.stream().allMatch(id -> stack.running.containsKey(id + "@1")));
    Map<String, Long> mine = new LinkedHashMap<>();
    ids.forEach(id -> mine.put(id + "@1", stack.running.get(id + "@1")));
    return percentile(stack.latencies(mine, id -> nominal.toEpochMilli()), 99);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private SchedulerStack stack(Path dir, long leadMillis) throws IOException {
    return new SchedulerStack(dir, leadMillis, sizes, hadoop);
  }

  private Path newDir(String name) throws IOException {
    return Files.createDirectories(work.resolve("state-" + name + "-" + (++stacks)));
  }

  private Path workflowApp(String name) throws IOException {
    return BenchApps.workflowApp(work, "wf-" + name, "bench-" + name);
  }

  private Path coordinatorApp(String name, String controls, String datasets, String inputs) throws IOException {
    return BenchApps.coordinatorApp(work, "coord-" + name, name, controls, datasets, inputs);
  }

  private static long percentile(List<Long> values, int p) {
    return BenchApps.percentile(values, p);
  }
}
