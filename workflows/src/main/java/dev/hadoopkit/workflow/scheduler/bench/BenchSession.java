package dev.hadoopkit.workflow.scheduler.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What every scheduler bench has: a fresh temp work directory, where it reports, and how it waits. */
final class BenchSession {
  private final Path work;
  private final PrintStream out;

  BenchSession(String prefix, PrintStream out) throws IOException {
    this.work = Files.createTempDirectory(prefix);
    this.out = out;
  }

  Path work() {
    return work;
  }

  PrintStream out() {
    return out;
  }

  /** Prints the row as its scenario ends and returns it. */
  BenchRow report(BenchRow row) {
    out.println(row.line());
    return row;
  }

  /** The system load average, two decimals: what the bench prints before it measures. */
  static String loadAverage() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * Polls {@code condition} every 5 ms until it holds; fails after {@code limit}, or at once when {@code failure}
   * has one (a scheduler that stopped).
   */
  static void await(String what, Duration limit, BooleanSupplier condition, Supplier<Throwable> failure)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("bench: timed out after " + limit.toSeconds() + " s waiting for " + what);
      }
      Throwable failed = failure.get();
      if (failed != null) {
        throw new IllegalStateException("bench: the scheduler failed", failed);
      }
      Thread.sleep(5);
    }
  }

  static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    await(what, limit, condition, () -> null);
  }
}
