package dev.hadoopkit.workflow.streaming;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One streaming command as a child process. The task thread writes records to its stdin ({@link #writeLine}); a
 * thread of its own reads stdout line by line into the {@link Sink} and another reads stderr into the
 * {@link Reporter}, so a command that prints a lot before reading on never blocks on a full pipe. {@link #finish}
 * closes stdin, waits for the command and the readers, and turns a non-zero exit or a reader error into an
 * {@link IOException} that names the command.
 */
final class StreamProcess implements AutoCloseable {
  /** Receives each stdout line (without its line end). */
  interface Sink {
    void line(String line) throws IOException, InterruptedException;
  }

  /** Receives stderr: counters and status from {@code reporter:} lines, everything else as log lines. */
  interface Reporter {
    void counter(String group, String name, long amount);

    void status(String message);

    void log(String line);
  }

  private static final int STDERR_TAIL_LINES = 10;

  private final String role;
  private final String command;
  private final Process process;
  private final OutputStream stdin;
  private final Thread stdoutThread;
  private final Thread stderrThread;
  private final AtomicReference<Throwable> readerError = new AtomicReference<>();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private IOException writeError;

  private StreamProcess(String role, String command, Process process, Sink sink, Reporter reporter) {
    this.role = role;
    this.command = command;
    this.process = process;
    this.stdin = new BufferedOutputStream(process.getOutputStream(), 64 * 1024);
    this.stdoutThread = new Thread(() -> readStdout(sink), "streaming-" + role + "-stdout");
    this.stderrThread = new Thread(() -> readStderr(reporter), "streaming-" + role + "-stderr");
    stdoutThread.setDaemon(true);
    stderrThread.setDaemon(true);
    stdoutThread.start();
    stderrThread.start();
  }

  /**
   * Starts the command in the working directory. Its program is taken from the working directory when a file of
   * that name is there (a {@code <file>} of the action), else from the PATH.
   */
  static StreamProcess start(String role, String command, Path workDir, Map<String, String> env, Sink sink,
      Reporter reporter) throws IOException {
    List<String> argv = new ArrayList<>(CommandLine.split(command));
    Path local = workDir.resolve(argv.get(0));
    if (!argv.get(0).contains("/") && Files.isRegularFile(local)) {
      if (!Files.isExecutable(local)) {
        local.toFile().setExecutable(true); // a copied or cached file may have lost its x bit
      }
      argv.set(0, local.toAbsolutePath().toString());
    }
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile());
    builder.environment().putAll(env);
    try {
      return new StreamProcess(role, command, builder.start(), sink, reporter);
    } catch (IOException e) {
      throw new IOException("Cannot start streaming " + role + " command [" + command + "] in " + workDir + ": "
          + e.getMessage() + " (is the program on the PATH or shipped with <file>?)", e);
    }
  }

  /** Writes one record line to the command's stdin; after the command has stopped reading, lines are dropped. */
  void writeLine(byte[] bytes, int length) throws IOException {
    if (writeError != null) {
      return;
    }
    try {
      stdin.write(bytes, 0, length);
      stdin.write('\n');
    } catch (IOException e) {
      writeError = e; // broken pipe: finish() tells why (exit code) or reports it
    }
  }

  void writeLine(String line) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    writeLine(bytes, bytes.length);
  }

  /** Closes stdin, waits for the command and its output, and fails on a non-zero exit (when asked) or a read error. */
  void finish(boolean nonZeroExitIsFailure) throws IOException, InterruptedException {
    try {
      stdin.close();
    } catch (IOException e) {
      if (writeError == null) {
        writeError = e;
      }
    }
    int exit = process.waitFor();
    stdoutThread.join();
    stderrThread.join();
    Throwable error = readerError.get();
    if (error != null) {
      throw error instanceof IOException io ? io
          : new IOException("streaming " + role + " [" + command + "] output failed: " + error, error);
    }
    if (exit != 0 && nonZeroExitIsFailure) {
      throw new IOException("streaming " + role + " command [" + command + "] exited with code " + exit
          + stderrSummary() + " (set " + StreamingKeys.NON_ZERO_EXIT_IS_FAILURE + "=false to accept it)");
    }
    if (writeError != null && exit == 0) {
      throw new IOException("streaming " + role + " command [" + command + "] stopped reading its input before"
          + " the end (" + writeError.getMessage() + ")" + stderrSummary());
    }
  }

  private String stderrSummary() {
    synchronized (stderrTail) {
      return stderrTail.isEmpty() ? "" : "; last stderr: " + String.join(" | ", stderrTail);
    }
  }

  private void readStdout(Sink sink) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
      String line;
      while ((line = reader.readLine()) != null) {
        sink.line(line);
      }
    } catch (Throwable e) {
      readerError.compareAndSet(null, e);
      process.destroyForcibly(); // the task cannot go on; do not leave the writer blocked on a full pipe
    }
  }

  private void readStderr(Reporter reporter) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        StreamLines.ReporterLine parsed = StreamLines.reporter(line);
        if (parsed instanceof StreamLines.Counter counter) {
          reporter.counter(counter.group(), counter.name(), counter.amount());
        } else if (parsed instanceof StreamLines.Status status) {
          reporter.status(status.message());
        } else {
          reporter.log(line);
          synchronized (stderrTail) {
            stderrTail.addLast(line);
            if (stderrTail.size() > STDERR_TAIL_LINES) {
              stderrTail.removeFirst();
            }
          }
        }
      }
    } catch (Throwable e) {
      readerError.compareAndSet(null, e);
      process.destroyForcibly();
    }
  }

  /** Kills the command (and its children) if it still runs: a failed or killed task leaves nothing behind. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
