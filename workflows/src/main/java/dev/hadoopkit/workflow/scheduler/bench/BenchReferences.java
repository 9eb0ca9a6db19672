package dev.hadoopkit.workflow.scheduler.bench;

import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.Submission;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import dev.hadoopkit.workflow.state.JournalRecord;
import dev.hadoopkit.workflow.state.WorkflowStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;

/** The references the coordinator bench measures in the same run: the engine alone, an fsync, the heap. */
final class BenchReferences {
  private BenchReferences() {
  }

  /**
   * The engine without the scheduler: {@code count} runs of the same app handed to a pool of the daemon's size at
   * once; returns p50 and p99 of the time to RUNNING and the mean cost of one run alone.
   */
  static double[] bareEngine(Path app, int count, int poolSize, EngineSettings settings, Configuration hadoop)
      throws Exception {
    WorkflowEngine engine = new WorkflowEngine(settings, ActionRegistry.standard(), hadoop, null);
    for (int i = 0; i < 5; i++) {
      runBare(engine, app, null); // warm-up
    }
    long s0 = System.nanoTime();
    int alone = Math.min(20, count);
    for (int i = 0; i < alone; i++) {
      runBare(engine, app, null);
    }
    double one = (System.nanoTime() - s0) / 1e6 / alone;
    ExecutorService pool = Executors.newFixedThreadPool(poolSize);
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
    return new double[] {BenchApps.percentile(sorted, 50), BenchApps.percentile(sorted, 99), one};
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

  static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      best = Math.min(best, runtime.totalMemory() - runtime.freeMemory());
    }
    return best;
  }

  /** Mean time of an append + fdatasync of one journal-sized line, on the bench's disk. */
  static double fsyncMillis(Path file, int count) throws IOException {
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
