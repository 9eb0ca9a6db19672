package dev.hadoopkit.ingest.bench;

/** A measured command failed or a check of its output did not hold: the run stops and reports nothing. */
final class BenchFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BenchFailure(String message) {
    super(message);
  }
}
