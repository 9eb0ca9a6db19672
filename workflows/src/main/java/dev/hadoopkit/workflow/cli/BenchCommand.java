package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.scheduler.bench.BenchRow;
import dev.hadoopkit.workflow.scheduler.bench.ConsoleBench;
import dev.hadoopkit.workflow.scheduler.bench.CoordBench;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.state.RunState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;

/**
 * {@code bench}: engine overhead per node on a chain of fs actions, and wall time of a fork of {@code sleep}s, each
 * against a physical reference measured in the same run (the raw FileSystem call; one {@code sleep} process).
 */
final class BenchCommand implements Command {
  public String name() {
    return "bench";
  }

  public String description() {
    return "benchmark: per-node engine overhead (chain of fs actions) and fork parallelism (shell sleep)";
  }

  public String usage() {
    return "bench [--chain 200] [--fork 32] [--sleep 1] [--pool 32]\n"
        + "       bench --coord [--coords 1000] [--flags 50] [--actions 10000] [--mass 1000] [--mass-actions 1000]"
        + " [--records 100000] [--backlog 2000] [--others 100] [--pool 16] [--lead 4000] [--flag-wait 8000]"
        + " [--repeat 1] [--nosync] [--only 1,2,3a,3b,4,5]\n"
        + "       bench --console [--runs 10000] [--actions 10000] [--changes 20] [--warmup 20] [--samples 100]";
  }

  public List<String> examples() {
    return List.of("bin/workflow bench", "bin/workflow bench --chain 500 --fork 16 --pool 16",
        "bin/workflow bench --coord", "bin/workflow bench --coord --repeat 3", "bin/workflow bench --console",
        "bin/workflow bench --coord --coords 20 --flags 5 --actions 500 --mass 10 --mass-actions 100 --records 2000"
            + " --backlog 100 --others 10");
  }

  public int run(Invocation in) throws Exception {
    if (in.flag("coord")) {
      return coord(in);
    }
    if (in.flag("console")) {
      return console(in);
    }
    in.rejectUnknown(List.of("chain", "fork", "sleep", "pool"));
    int chain = in.number("--", "chain", 200, 1);
    int fork = in.number("--", "fork", 32, 1);
    String sleep = in.options().getOrDefault("sleep", "1");
    if (!in.options().containsKey("pool")) {
      in.options().put("pool", String.valueOf(fork));
    }
    Path work = Files.createTempDirectory("hk-wf-bench-");
    if (!in.properties().containsKey("hk.workflow.state.dir")) {
      in.properties().put("hk.workflow.state.dir", work.resolve("state").toString());
    }
    WorkflowEngine engine = in.engine();
    var out = in.out();

    // 1. chain of fs actions (each a mkdir of an existing directory: one real FileSystem call)
    Path target = Files.createDirectories(work.resolve("target"));
    Path chainApp = Files.createDirectories(work.resolve("chain"));
    StringBuilder xml = new StringBuilder("<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"bench-chain\">\n"
        + "  <start to=\"a1\"/>\n");
    for (int i = 1; i <= chain; i++) {
      xml.append("  <action name=\"a").append(i).append("\"><fs><mkdir path=\"")
          .append(target.toUri()).append("\"/></fs><ok to=\"").append(i == chain ? "end" : "a" + (i + 1))
          .append("\"/><error to=\"fail\"/></action>\n");
    }
    xml.append("  <kill name=\"fail\"><message>failed</message></kill>\n  <end name=\"end\"/>\n</workflow-app>\n");
    Files.writeString(chainApp.resolve("workflow.xml"), xml, StandardCharsets.UTF_8);
    runOnce(engine, chainApp); // warm-up (class loading, JIT)
    long t0 = System.nanoTime();
    RunState chained = runOnce(engine, chainApp);
    double chainMs = (System.nanoTime() - t0) / 1e6;
    int nodes = chain + 2;
    FileSystem fs = FileSystem.getLocal(in.conf());
    org.apache.hadoop.fs.Path hadoopTarget = new org.apache.hadoop.fs.Path(target.toUri());
    long r0 = System.nanoTime();
    for (int i = 0; i < chain; i++) {
      fs.mkdirs(hadoopTarget);
    }
    double rawMs = (System.nanoTime() - r0) / 1e6 / chain;
    double fsyncMs = fsyncMillis(work.resolve("fsync-probe"), 100);
    boolean synced = engine.settings().journalSync();
    double perNode = chainMs / nodes;
    double physical = (rawMs * chain + (synced ? fsyncMs * (chain + 2) : 0)) / nodes;
    out.println(String.format("chain  %d fs actions: %s in %.0f ms = %.2f ms/node", chain, chained.info().status(), chainMs,
        perNode));
    out.println(String.format("       physical reference: FileSystem.mkdirs %.3f ms/op, fsync'd journal append %.2f ms"
            + " (%d forced records%s) = %.2f ms/node", rawMs, fsyncMs, synced ? chain + 2 : 0,
        synced ? "" : ", journal sync off", physical));
    out.println(String.format("       engine overhead %.2f ms/node (goal <= 20); ratio to physical %.2f",
        perNode - physical, perNode / physical));

    // 2. fork of shell sleeps
    Path forkApp = Files.createDirectories(work.resolve("fork"));
    StringBuilder f = new StringBuilder("<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"bench-fork\">\n"
        + "  <start to=\"fork\"/>\n  <fork name=\"fork\">\n");
    for (int i = 1; i <= fork; i++) {
      f.append("    <path start=\"s").append(i).append("\"/>\n");
    }
    f.append("  </fork>\n");
    for (int i = 1; i <= fork; i++) {
      f.append("  <action name=\"s").append(i).append("\"><shell xmlns=\"uri:oozie:shell-action:1.0\">"
          + "<exec>sleep</exec><argument>").append(sleep).append("</argument></shell>"
          + "<ok to=\"join\"/><error to=\"fail\"/></action>\n");
    }
    f.append("  <join name=\"join\" to=\"end\"/>\n  <kill name=\"fail\"><message>failed</message></kill>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    Files.writeString(forkApp.resolve("workflow.xml"), f, StandardCharsets.UTF_8);
    long s0 = System.nanoTime();
    new ProcessBuilder("sleep", sleep).start().waitFor();
    double oneSleep = (System.nanoTime() - s0) / 1e6;
    long f0 = System.nanoTime();
    RunState forked = runOnce(engine, forkApp);
    double forkMs = (System.nanoTime() - f0) / 1e6;
    out.println(String.format("fork   %d x shell 'sleep %s', pool %s: %s in %.0f ms; one sleep process %.0f ms;"
            + " ratio %.2f (1.0 = perfect parallelism; goal < 3 s)", fork, sleep, in.option("pool"),
        forked.info().status(), forkMs, oneSleep, forkMs / oneSleep));
    out.println("state dir: " + engine.store().root());
    return chained.info().status().isSuccessful() && forked.info().status().isSuccessful() ? 0 : 1;
  }

  /** The scheduler's speed goals ({@link CoordBench}): prints each scenario as it ends, then the table. */
  private static int coord(Invocation in) throws Exception {
    in.rejectUnknown(List.of("coord", "coords", "flags", "actions", "mass", "mass-actions", "records", "backlog",
        "others", "pool", "lead", "flag-wait", "repeat", "nosync", "only"));
    CoordBench.Sizes d = CoordBench.Sizes.defaults();
    CoordBench.Sizes sizes = new CoordBench.Sizes(size(in, "coords", d.coords()), size(in, "flags", d.flags()),
        size(in, "actions", d.actions()), size(in, "mass", d.mass()), size(in, "mass-actions", d.massActions()),
        size(in, "records", d.records()), size(in, "backlog", d.backlog()), size(in, "others", d.others()),
        in.number("--", "pool", d.pool(), 1), size(in, "lead", (int) d.leadMillis()),
        size(in, "flag-wait", (int) d.flagWaitMillis()), in.number("--", "repeat", d.repeat(), 1),
        !in.flag("nosync"));
    CoordBench bench = new CoordBench(sizes, in.conf(), in.out());
    in.out().println("bench --coord: " + sizes + ", " + Runtime.getRuntime().availableProcessors() + " cores, heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, work dir " + bench.work());
    List<BenchRow> rows = in.option("only") == null ? bench.run()
        : bench.run(List.of(in.option("only").split(",")));
    in.out().println();
    in.out().print(BenchRow.table(rows));
    return 0;
  }

  /** The console's speed goals ({@link ConsoleBench}): prints each scenario as it ends, then the table. */
  private static int console(Invocation in) throws Exception {
    in.rejectUnknown(List.of("console", "runs", "actions", "changes", "warmup", "samples"));
    ConsoleBench.Sizes d = ConsoleBench.Sizes.defaults();
    ConsoleBench.Sizes sizes = new ConsoleBench.Sizes(size(in, "runs", d.runs()), size(in, "actions", d.actions()),
        size(in, "changes", d.changes()), size(in, "warmup", d.warmup()), size(in, "samples", d.samples()));
    ConsoleBench bench = new ConsoleBench(sizes, in.conf(), in.out());
    in.out().println("bench --console: " + sizes + ", " + Runtime.getRuntime().availableProcessors() + " cores, heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, work dir " + bench.work());
    List<BenchRow> rows = bench.run();
    in.out().println();
    in.out().print(BenchRow.table(rows));
    return 0;
  }

  /** A bench size: a whole number from 0 (a usage error naming the option otherwise). */
  private static int size(Invocation in, String name, int defaultValue) throws UsageException {
    return in.number("--", name, defaultValue, 0);
  }

  /** Mean time of an append + fdatasync of one journal-sized line, on the state directory's disk. */
  private static double fsyncMillis(Path file, int count) throws java.io.IOException {
    try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)) {
      byte[] line = ("{\"type\":\"end\",\"time\":1,\"node\":\"a1\",\"status\":\"OK\",\"to\":[\"a2\"]}\n")
          .getBytes(StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        channel.write(java.nio.ByteBuffer.wrap(line));
        channel.force(false);
      }
      return (System.nanoTime() - t0) / 1e6 / count;
    }
  }

  private static RunState runOnce(WorkflowEngine engine, Path app) throws Exception {
    Submission submission = engine.prepare(Map.of(), Map.of(), app.toString());
    String id = engine.submit(submission, null, (r, x) -> { });
    return engine.run(id, (r, x) -> { });
  }
}
