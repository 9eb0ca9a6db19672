package dev.hadoopkit.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One program of the project in its own JVM, started as its bin/ launcher starts it (the main class, the repo's
 * conf/ directory last on the classpath, local mode), with its output in a log file. Every command line carries a
 * marker ({@code -Dhk.faults.marker=...}) so a process the round left behind is found by an independent look at the
 * process table.
 */
final class ChildJvm {
  /** The repo root: the test runs in fault-injection/. */
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final String MARKER_PROPERTY = "hk.faults.marker";

  private final Process process;
  private final Path log;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ChildJvm start(Path workDir, Path log, String marker, Map<String, String> environment, String mainClass,
      List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-D" + MARKER_PROPERTY + "=" + marker,
        "-Dhadoop.root.logger=WARN,console", "-cp", System.getProperty("java.class.path") + ":" + REPO.resolve("conf"),
        mainClass));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return new ChildJvm(builder.start(), log);
  }

  long pid() {
    return process.pid();
  }

  /** Runs to the end within the deadline; returns the exit code. */
  int await(long timeoutSeconds) throws IOException, InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pid " + pid() + " did not end within " + timeoutSeconds + " s; its output:\n" + output());
    }
    return process.exitValue();
  }

  /**
   * Waits for the trigger (bounded), then the kill point's delay, then sends its signal unless the process ended
   * first. Returns the descendants alive at the moment of the kill, so the round can check none of them stays.
   */
  Kill kill(KillPoint point, BooleanSupplier trigger, long triggerTimeoutMillis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(triggerTimeoutMillis);
    if (point.afterTrigger()) {
      while (!trigger.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    process.waitFor(point.delayMillis(), TimeUnit.MILLISECONDS);
    List<ProcessHandle> descendants = process.descendants().toList();
    boolean sent = process.isAlive();
    if (sent) {
      if (point.signal() == Signal.SIGKILL) {
        process.destroyForcibly();
      } else {
        process.destroy(); // SIGTERM on Linux
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pid " + pid() + " did not end within 60 s of " + point.signal() + "; its output:\n"
          + output());
    }
    return new Kill(sent, process.exitValue(), descendants);
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** What a kill did: whether the signal was sent (the process still ran), its exit code, its children then. */
  record Kill(boolean sent, int exitCode, List<ProcessHandle> descendants) {
  }

  /** Processes whose command line holds the marker (a round's own unique directory or marker value). */
  static List<String> processesMarked(String marker) {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses().filter(p -> p.pid() != self && p.isAlive())
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
  }

  /** Waits (bounded) until no process carries the marker and no listed process is alive; returns what stays. */
  static List<String> leftovers(String marker, List<ProcessHandle> watched, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      List<String> left = new ArrayList<>(processesMarked(marker));
      for (ProcessHandle handle : watched) {
        if (handle.isAlive()) {
          left.add(handle.pid() + " " + handle.info().commandLine().orElse("?"));
        }
      }
      if (left.isEmpty() || System.nanoTime() > deadline) {
        return List.copyOf(left);
      }
      Thread.sleep(100);
    }
  }
}
