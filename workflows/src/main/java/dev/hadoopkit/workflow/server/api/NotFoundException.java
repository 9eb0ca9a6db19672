package dev.hadoopkit.workflow.server.api;

/** An unknown job or action id (HTTP 404). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
