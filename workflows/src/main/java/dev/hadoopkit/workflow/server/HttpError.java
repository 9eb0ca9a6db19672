package dev.hadoopkit.workflow.server;

/**
 * A failure the REST layer answers itself: HTTP status, Oozie error code (E0303, E0604, ...) and a message for
 * people. Rendered as the JSON error body plus Oozie's {@code oozie-error-code}/{@code oozie-error-message} headers.
 */
final class HttpError extends RuntimeException {
  private final int status;
  private final String code;
  private String allow;

  HttpError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** For a 405: the methods allowed. */
  HttpError allow(String methods) {
    this.allow = methods;
    return this;
  }

  String allow() {
    return allow;
  }

  /** Oozie's E0303 "Invalid parameter value, [name] = [value]" with what would be valid. */
  static HttpError badParam(String name, String value, String expected) {
    return new HttpError(400, "E0303",
        "Invalid parameter value, [" + name + "] = [" + value + "]: " + expected);
  }

  /** Oozie's E0305 "Missing parameter [name]". */
  static HttpError missingParam(String name, String what) {
    return new HttpError(400, "E0305", "Missing parameter [" + name + "]: " + what);
  }
}
