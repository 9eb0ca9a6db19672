package dev.hadoopkit.workflow.scheduler.bench;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.scheduler.Scheduler;
import dev.hadoopkit.workflow.scheduler.SchedulerBackend;
import dev.hadoopkit.workflow.scheduler.SchedulerJournal;
import dev.hadoopkit.workflow.scheduler.SchedulerSettings;
import dev.hadoopkit.workflow.scheduler.SchedulerState;
import dev.hadoopkit.workflow.scheduler.WorkflowLauncher;
import dev.hadoopkit.workflow.server.api.Views;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code bin/workflow bench --coord}: the scheduler's speed goals, each scenario in this JVM on a fresh temp state
 * directory with the real scheduler, the real engine and real (one fs action) workflows, on a real clock. Nominal
 * times have minute precision, so each scheduler gets the system clock shifted to put the next whole minute a few
 * seconds ahead: time still passes at its real rate, and latency is what a daemon would show.
 */
public final class CoordBench {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'")
      .withZone(ZoneOffset.UTC);

  /** Sizes of the scenarios (the defaults are the issue's; tests use tiny ones). */
  public record Sizes(int coords, int flags, int actions, int mass, int massActions, int records, int backlog,
      int others, int pool, long leadMillis, long flagWaitMillis, int repeat, boolean sync) {
    public static Sizes defaults() {
      return new Sizes(1000, 50, 10_000, 1000, 1000, 100_000, 2000, 100, 16, 4000, 8000, 1, true);
    }
  }

  /** One table row: the scenario, what was measured, the goal, and a reference measured in the same run. */
  public record Row(String scenario, String measured, String goal, boolean pass, String reference) {
  }

  private final Sizes sizes;
  private final Configuration hadoop;
  private final PrintStream out;
  private final Path work;
  private int stacks;

  public CoordBench(Sizes sizes, Configuration hadoop, PrintStream out) throws IOException {
    this.sizes = sizes;
    this.hadoop = hadoop;
    this.out = out;
    this.work = Files.createTempDirectory("hk-coord-bench-");
  }

  public Path work() {
    return work;
  }

  /** Runs every scenario {@code repeat} times and returns the rows (one per scenario and round). */
  public List<Row> run() throws Exception {
    return run(List.of("1", "2", "3a", "3b", "4", "5"));
  }

  /** Runs the named scenarios ("1", "2", "3a", "3b", "4", "5") {@code repeat} times. */
  public List<Row> run(List<String> only) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int round = 1; round <= sizes.repeat(); round++) {
      out.println("round " + round + " of " + sizes.repeat() + " (load average "
          + String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ")");
      for (String scenario : only) {
        rows.add(report(switch (scenario) {
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

  private Row report(Row row) {
    out.println("  " + row.scenario() + ": " + row.measured() + " (goal " + row.goal() + ", "
        + (row.pass() ? "pass" : "MISS") + "; reference " + row.reference() + ")");
    return row;
  }

  /** The rows as a Markdown table (what docs/benchmarks.md records). */
  public static String table(List<Row> rows) {
    StringBuilder text = new StringBuilder("| scenario | measured | goal | result | reference (same run) |\n"
        + "|---|---|---|---|---|\n");
    for (Row row : rows) {
      text.append("| ").append(row.scenario()).append(" | ").append(row.measured()).append(" | ")
          .append(row.goal()).append(" | ").append(row.pass() ? "pass" : "**miss**").append(" | ")
          .append(row.reference()).append(" |\n");
    }
    return text.toString();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. many coordinators due in the same minute

  private Row dueTogether() throws Exception {
    Path app = workflowApp("due");
    Row row;
    try (Stack stack = new Stack(newDir("due"), leadFor(sizes.coords()))) {
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
      row = new Row("1. nominal time → RUNNING, " + sizes.coords() + " coordinators due together",
          "p50 " + p50 + " ms, p99 " + p99 + " ms (max " + percentile(latency, 100) + "; journaled as dispatched:"
              + " p50 " + percentile(dispatch, 50) + ", p99 " + percentile(dispatch, 99) + " ms)",
          "p50 ≤ 50 ms, p99 ≤ 500 ms", p50 <= 50 && p99 <= 500, "");
    }
    // the reference after the scheduler's run, in the same warm JVM (measured first, it paid the class loading)
    double[] bare = bareEngine(app, sizes.coords());
    return new Row(row.scenario(), row.measured(), row.goal(), row.pass(), String.format("engine alone, same %d"
        + " runs through a %d-thread pool: RUNNING p50 %.0f ms, p99 %.0f ms; one run alone %.1f ms", sizes.coords(),
        sizes.pool(), bare[0], bare[1], bare[2]));
  }

  /**
   * The engine without the scheduler: {@code count} runs of the same app handed to a pool of the daemon's size at
   * once; returns p50 and p99 of the time to RUNNING and the mean cost of one run alone.
   */
  private double[] bareEngine(Path app, int count) throws Exception {
    Path dir = newDir("bare");
    WorkflowEngine engine = new WorkflowEngine(new EngineSettings(dir, 8, 64 * 1024, sizes.sync(),
        Clock.systemUTC()), ActionRegistry.standard(), hadoop, null);
    for (int i = 0; i < 5; i++) {
      runBare(engine, app, null); // warm-up
    }
    long s0 = System.nanoTime();
    int alone = Math.min(20, count);
    for (int i = 0; i < alone; i++) {
      runBare(engine, app, null);
    }
    double one = (System.nanoTime() - s0) / 1e6 / alone;
    ExecutorService pool = Executors.newFixedThreadPool(sizes.pool());
    List<Long> running = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(count);
    long t0 = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      pool.execute(() -> {
        try {
          runBare(engine, app, () -> running.add(System.currentTimeMillis() - t0));
        } catch (Exception e) {
          running.add(Long.MAX_VALUE);
        } finally {
          done.countDown();
        }
      });
    }
    done.await(10, TimeUnit.MINUTES);
    pool.shutdownNow();
    List<Long> sorted = new ArrayList<>(running);
    return new double[] {percentile(sorted, 50), percentile(sorted, 99), one};
  }

  private static void runBare(WorkflowEngine engine, Path app, Runnable onRunning) throws Exception {
    Submission submission = engine.prepare(Map.of(), Map.of(), app.toString());
    String id = engine.submit(submission, null, (r, x) -> { });
    engine.run(id, (r, x) -> {
      if (onRunning != null && x instanceof JournalRecord.Status status
          && status.status() == WorkflowStatus.RUNNING) {
        onRunning.run();
      }
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. done-flags

  private Row doneFlags() throws Exception {
    Path app = workflowApp("flags");
    try (Stack stack = new Stack(newDir("flags"), sizes.leadMillis())) {
      Instant nominal = stack.lastMinute;
      Map<String, Path> flags = new LinkedHashMap<>();
      for (int i = 0; i < sizes.flags(); i++) {
        Path data = work.resolve("flag-data").resolve("d" + i);
        Path coord = coordinatorApp("flags-" + i, "<timeout>-1</timeout>", """
            <datasets>
              <dataset name="in" frequency="${coord:minutes(1)}" initial-instance="2026-01-01T00:00Z" timezone="UTC">
                <uri-template>file://%s/${YEAR}${MONTH}${DAY}${HOUR}${MINUTE}</uri-template>
              </dataset>
            </datasets>""".formatted(data), """
            <input-events>
              <data-in name="input" dataset="in"><instance>${coord:current(0)}</instance></data-in>
            </input-events>""");
        String id = stack.submit(coord, nominal, nominal.plus(Duration.ofMinutes(1)), app);
        flags.put(id, data.resolve(MINUTE.format(nominal).replaceAll("[^0-9]", "").substring(0, 12)));
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
      return new Row("2. done-flag appears → action RUNNING, " + sizes.flags() + " coordinators",
          "p50 " + percentile(latency, 50) + " ms, p99 " + p99 + " ms", "p99 ≤ 5 s", p99 <= 5000,
          "Oozie polls every 60 s; re-check back-off here 250 ms doubling to 3 s");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. materialization

  private Row materializeOne() throws Exception {
    Path app = workflowApp("one");
    int count = sizes.actions();
    try (Stack stack = new Stack(newDir("one"), sizes.leadMillis())) {
      Instant end = stack.lastMinute;
      Path coord = coordinatorApp("one", "<concurrency>1</concurrency><throttle>" + count + "</throttle>", "", "");
      long t0 = System.nanoTime();
      String id = stack.submit(coord, end.minus(Duration.ofMinutes(count)), end, app);
      stack.await(count + " actions materialized", Duration.ofMinutes(5),
          () -> stack.materialized.getOrDefault(id, 0) >= count);
      stack.scheduler.call(() -> 0); // after the pass's flush: materialized and journaled
      double ms = (System.nanoTime() - t0) / 1e6;
      double fsync = fsyncMillis(work.resolve("fsync-probe"), 50);
      return new Row("3a. " + count + " actions of one coordinator materialized + journaled",
          String.format("%.0f ms", ms), "< 1 s", ms < 1000,
          String.format("one fsync'd journal append %.2f ms", fsync));
    }
  }

  private Row materializeMany() throws Exception {
    Path app = workflowApp("many");
    int coords = sizes.mass();
    int each = sizes.massActions();
    try (Stack stack = new Stack(newDir("many"), sizes.leadMillis())) {
      // execution NONE and every nominal time more than the tolerance ago: every action materializes and is
      // skipped, so nothing stays active, and what the heap keeps afterwards is what ended actions cost
      Instant end = stack.lastMinute.minus(Duration.ofMinutes(2));
      Path coord = coordinatorApp("many", "<execution>NONE</execution><throttle>" + each + "</throttle>", "", "");
      long heap0 = usedHeap();
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
      long retained = Math.max(0, usedHeap() - heap0);
      double perAction = retained / (double) Math.max(1, total);
      long journal = Files.size(SchedulerSettings.defaults(stack.dir, Clock.systemUTC()).journalFile());
      return new Row("3b. " + total + " actions over " + coords + " coordinators materialized + journaled",
          String.format("%.1f s; heap kept after all ended %.1f MB = %.0f B/action", seconds, retained / 1e6,
              perAction), "< 60 s; memory bounded by active actions (0 here): ≤ 16 B/ended action",
          seconds < 60 && perAction <= 16,
          String.format("submitting the %d coordinators %.0f ms; journal %.1f MB; Oozie 10,000 per 5 min",
              coords, submitMs, journal / 1e6));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 4. restart

  private Row restart() throws Exception {
    Path app = workflowApp("restart");
    Path dir = newDir("restart");
    Path data = work.resolve("restart-data");
    Path coordWait = coordinatorApp("restart-wait", "<timeout>-1</timeout>", """
        <datasets>
          <dataset name="in" frequency="${coord:minutes(1)}" initial-instance="2026-01-01T00:00Z" timezone="UTC">
            <uri-template>file://%s/${YEAR}${MONTH}${DAY}${HOUR}${MINUTE}</uri-template>
          </dataset>
        </datasets>""".formatted(data), """
        <input-events>
          <data-in name="input" dataset="in"><instance>${coord:current(0)}</instance></data-in>
        </input-events>""");
    String waiting;
    Path flag;
    try (Stack stack = new Stack(dir, sizes.leadMillis())) {
      Instant end = stack.lastMinute.minus(Duration.ofMinutes(2));
      Path coord = coordinatorApp("restart-none", "<execution>NONE</execution><throttle>" + sizes.records()
          + "</throttle>", "", "");
      String history = stack.submit(coord, end.minus(Duration.ofMinutes(sizes.records())), end, app);
      waiting = stack.submit(coordWait, stack.lastMinute, stack.lastMinute.plus(Duration.ofMinutes(1)), app);
      flag = data.resolve(MINUTE.format(stack.lastMinute).replaceAll("[^0-9]", "").substring(0, 12));
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
    try (Stack stack = new Stack(dir, sizes.leadMillis())) {
      stack.await("the first dispatch after the restart", Duration.ofMinutes(5),
          () -> stack.dispatched.containsKey(waiting + "@1"));
      double dispatchMs = (stack.dispatched.get(waiting + "@1") - t0) / 1e6;
      stack.await("its workflow RUNNING", Duration.ofMinutes(5), () -> stack.running.containsKey(waiting + "@1"));
      double runningMs = (stack.runningNanos.get(waiting + "@1") - t0) / 1e6;
      return new Row("4. restart → first dispatch, " + lines + " journal records",
          String.format("%.0f ms (RUNNING at %.0f ms; start() %.0f ms)", dispatchMs, runningMs,
              stack.startedNanos / 1e6), "< 2 s", dispatchMs < 2000,
          String.format("reading + parsing the same journal alone %.0f ms", replayMs));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 5. a backlog next to on-time coordinators

  private Row backlog() throws Exception {
    Path app = workflowApp("backlog");
    int others = sizes.others();
    long alone;
    try (Stack stack = new Stack(newDir("backlog-alone"), leadFor(others))) {
      alone = othersP99(stack, app, others);
    }
    long with;
    try (Stack stack = new Stack(newDir("backlog-with"), leadFor(others + 1))) {
      int n = sizes.backlog();
      Path coord = coordinatorApp("catch-up", "<concurrency>" + n + "</concurrency><throttle>" + n
          + "</throttle>", "", "");
      stack.submit(coord, stack.nextMinute.minus(Duration.ofMinutes(n)), stack.nextMinute, app);
      with = othersP99(stack, app, others);
    }
    long added = with - alone;
    return new Row("5. " + others + " on-time coordinators next to a " + sizes.backlog() + "-action catch-up",
        "p99 " + with + " ms with the backlog = +" + added + " ms", "≤ +1000 ms", added <= 1000,
        "p99 " + alone + " ms of the same coordinators without it");
  }

  private long othersP99(Stack stack, Path app, int others) throws Exception {
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
  // the daemon's parts (as SchedulerDaemon wires them, without HTTP) and what they report

  private final class Stack implements AutoCloseable {
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
    final java.util.Set<String> coordEnded = ConcurrentHashMap.newKeySet();

    Stack(Path dir, long leadMillis) throws IOException {
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
      Map<String, String> conf = new LinkedHashMap<>();
      conf.put(SchedulerBackend.COORD_APP_PATH, coordinatorApp.toString());
      conf.put("start", MINUTE.format(start));
      conf.put("end", MINUTE.format(end));
      conf.put("appPath", workflowApp.toString());
      conf.put("user.name", System.getProperty("user.name"));
      return backend.submit(conf, true);
    }

    List<Long> latencies(Map<String, Long> seen, java.util.function.Function<String, Long> from) {
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
      long deadline = System.nanoTime() + limit.toNanos();
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("bench: timed out after " + limit.toSeconds() + " s waiting for "
              + what);
        }
        if (scheduler.failure() != null) {
          throw new IllegalStateException("bench: the scheduler failed", scheduler.failure());
        }
        Thread.sleep(5);
      }
    }

    @Override
    public void close() throws Exception {
      launcher.close(); // first: a run ending now would post to a stopped scheduler
      scheduler.close();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  private Path newDir(String name) throws IOException {
    return Files.createDirectories(work.resolve("state-" + name + "-" + (++stacks)));
  }

  private Path workflowApp(String name) throws IOException {
    return BenchApps.workflowApp(work, "wf-" + name, "bench-" + name);
  }

  private Path coordinatorApp(String name, String controls, String datasets, String inputs) throws IOException {
    return BenchApps.coordinatorApp(work, "coord-" + name, name, controls, datasets, inputs);
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      best = Math.min(best, runtime.totalMemory() - runtime.freeMemory());
    }
    return best;
  }

  private static long percentile(List<Long> values, int p) {
    return BenchApps.percentile(values, p);
  }


  /** Mean time of an append + fdatasync of one journal-sized line, on the bench's disk. */
  private static double fsyncMillis(Path file, int count) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      byte[] line = "{\"type\":\"mat\",\"time\":1,\"id\":\"0000001-261201000000000-hk-C\",\"upTo\":500}\n"
          .getBytes(StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        channel.write(ByteBuffer.wrap(line));
        channel.force(false);
      }
      return (System.nanoTime() - t0) / 1e6 / count;
    }
  }
}
