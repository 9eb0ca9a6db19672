package dev.hadoopkit.formats.bench;

/**
 * One row of the table. {@code ownJvm}: a separate JVM timed from start to exit, else a warm run in this JVM;
 * {@code reference}: the denominator of the last column for the rows of the same kind (the tool's process, or
 * the library loop in this JVM).
 */
record Measurement(String side, long rows, long nanos, long outputBytes, boolean ownJvm, boolean reference) {
  double rowsPerSecond() {
    return rows / (nanos / 1e9);
  }
}
