package dev.hadoopkit.workflow.console;

/** A request the console refuses itself (bad parameter, unknown page, cross-origin post), with its HTTP status. */
final class ConsoleException extends RuntimeException {
  private final int status;

  ConsoleException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
