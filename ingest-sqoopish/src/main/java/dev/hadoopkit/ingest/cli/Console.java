package dev.hadoopkit.ingest.cli;

import dev.hadoopkit.ingest.JobListener;
import java.io.PrintStream;

/**
 * Where a command talks to people: results on stdout, Sqoop-style log lines (INFO/WARN) on stderr. One instance per
 * run, so tests can capture both streams.
 */
public final class Console {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean verbose;
  private final boolean terminal;
  private final JobListener jobs;
  private volatile String lastError;

  public Console(PrintStream out, PrintStream err, boolean verbose, boolean terminal) {
    this(out, err, verbose, terminal, JobListener.NONE);
  }

  /** A console that also reports every submitted MapReduce job to {@code jobs} (for programs embedding ingest). */
  public Console(PrintStream out, PrintStream err, boolean verbose, boolean terminal, JobListener jobs) {
    this.out = out;
    this.err = err;
    this.verbose = verbose;
    this.terminal = terminal;
    this.jobs = jobs;
  }

  public static Console system(boolean verbose) {
    return new Console(System.out, System.err, verbose, System.console() != null);
  }

  public PrintStream out() {
    return out;
  }

  /** Who is told about submitted and finished jobs. */
  public JobListener jobs() {
    return jobs;
  }

  /** The last line given to {@link #error(String)}, or null: what failed, for an embedder. */
  public String lastError() {
    return lastError;
  }

  public boolean verbose() {
    return verbose;
  }

  /** True when stderr is an interactive terminal, so a live progress line can be redrawn. */
  public boolean terminal() {
    return terminal;
  }

  public void info(String message) {
    err.println("INFO  " + message);
  }

  public void warn(String message) {
    err.println("WARN  " + message);
  }

  /** Each line of {@code warnings} as a WARN line. */
  public void warnLines(CharSequence warnings) {
    for (String line : warnings.toString().split("\n")) {
      if (!line.isBlank()) {
        warn(line);
      }
    }
  }

  public void error(String message) {
    lastError = message;
    err.println("ERROR " + message);
  }

  public void debug(String message) {
    if (verbose) {
      err.println("DEBUG " + message);
    }
  }

  /** Redraws the one-line progress display (terminals only). */
  public void progress(String line) {
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
      err.flush();
    }
  }

  public void endProgress() {
    if (terminal) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
