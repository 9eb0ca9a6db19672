package dev.hadoopkit.ingest;

/** A command-line mistake: the message says what was wrong and how to fix it; the launcher exits 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
