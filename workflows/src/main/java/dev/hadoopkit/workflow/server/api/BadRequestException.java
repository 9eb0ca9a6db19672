package dev.hadoopkit.workflow.server.api;

/** A request that cannot be served as asked (HTTP 400): the message says what was wrong and how to fix it. */
public class BadRequestException extends RuntimeException {
  private final String code;

  public BadRequestException(String message) {
    this("E0400", message);
  }

  /** With Oozie's error code (E0701, E1003, ...) when there is one. */
  public BadRequestException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
