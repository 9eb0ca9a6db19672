package dev.hadoopkit.workflow.cli;

/** A command line that cannot be run as written; exit 2 with this one line. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
