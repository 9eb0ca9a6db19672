package dev.hadoopkit.formats.tool;

/**
 * A command line that cannot run as given: a bad option or value, a missing input, an existing output. Every bin/
 * tool prints the message (which says what was wrong and how to fix it) and exits 2. Unchecked, because options are
 * parsed and checked deep in a command's set-up; the tool's entry point catches it.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
