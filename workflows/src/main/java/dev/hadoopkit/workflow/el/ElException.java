package dev.hadoopkit.workflow.el;

/** An expression that does not parse or cannot be evaluated; the message names the expression. */
public final class ElException extends Exception {
  public ElException(String message, Throwable cause) {
    super(message, cause);
  }
}
