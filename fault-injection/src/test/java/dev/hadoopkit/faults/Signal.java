package dev.hadoopkit.faults;

/** The two ways a process is stopped from outside: what a user's {@code kill} or the OOM killer sends. */
enum Signal {
  /** No shutdown hooks, no cleanup. */
  SIGKILL(137),
  /** Shutdown hooks run: what {@code kill PID}, systemd and Ctrl-C-like stops send. */
  SIGTERM(143);

  private final int exitCode;

  Signal(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The exit status a JVM ends with when this signal ended it (128 + signal number). */
  int exitCode() {
    return exitCode;
  }
}
