package dev.hadoopkit.ingest;

/** A failure a user can act on (bad table, unreachable database, failed job): one clear line; the launcher exits 1. */
public final class IngestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
