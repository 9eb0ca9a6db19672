package dev.hadoopkit.ingest;

/** Counters of import and export jobs (group "dev.hadoopkit.ingest.IngestCounters"). */
public enum IngestCounters {
  /** Rows read from the database (import). */
  ROWS_IMPORTED,
  /** Bytes written before compression (import). */
  BYTES_WRITTEN,
  /** Records read from the export directory. */
  RECORDS_READ,
  /** Rows committed to the database (export). */
  ROWS_EXPORTED,
  /** Bytes read from the export directory. */
  BYTES_READ
}
