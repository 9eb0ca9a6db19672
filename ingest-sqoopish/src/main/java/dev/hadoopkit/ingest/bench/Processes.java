package dev.hadoopkit.ingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real process with a deadline and reports its wall time; a failure names the command and its last output. */
final class Processes {
  private Processes() {
  }

  /**
   * Runs {@code command} (stdin from {@code input} when not null, stdout to {@code output}, stderr to {@code errors})
   * and returns its wall seconds, from start to exit.
   */
  static double timed(List<String> command, Path input, Path output, Path errors, Duration deadline)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile());
    if (input != null) {
      builder.redirectInput(input.toFile());
    }
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      throw new BenchFailure(describe(command) + " did not finish within " + deadline.toSeconds() + " s (see " + errors + ")");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (process.exitValue() != 0) {
      throw new BenchFailure(describe(command) + " exited with " + process.exitValue() + ": " + tail(errors));
    }
    return seconds;
  }

  private static String describe(List<String> command) {
    String line = String.join(" ", command);
    return "'" + (line.length() > 160 ? line.substring(0, 160) + "..." : line) + "'";
  }

  /** The last lines of a log, for an error message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).trim();
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
