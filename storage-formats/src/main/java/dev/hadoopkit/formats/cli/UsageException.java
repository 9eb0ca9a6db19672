package dev.hadoopkit.formats.cli;

/** A command line that cannot run as given: exit code 2, message and usage line. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
