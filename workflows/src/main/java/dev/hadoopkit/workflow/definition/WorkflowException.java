package dev.hadoopkit.workflow.definition;

/**
 * A workflow that cannot be accepted: malformed, invalid against the schema or the graph rules, or with unresolvable
 * parameters. The message is one line for people: code, place, what is wrong and how to fix it.
 */
public final class WorkflowException extends Exception {
  private final ErrorCode code;
  private final Location location;

  public WorkflowException(ErrorCode code, Location location, String message) {
    super(message);
    this.code = code;
    this.location = location;
  }

  public WorkflowException(ErrorCode code, Location location, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.location = location;
  }

  public ErrorCode code() {
    return code;
  }

  public Location location() {
    return location;
  }

  /** {@code E0708: workflow.xml:12:5: ...} */
  public String describe() {
    return code + ": " + (location == null ? "" : location + ": ") + getMessage();
  }
}
