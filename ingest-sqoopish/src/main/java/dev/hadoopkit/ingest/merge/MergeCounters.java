package dev.hadoopkit.ingest.merge;

/** Counters of a merge job (group "dev.hadoopkit.ingest.merge.MergeCounters"). */
enum MergeCounters {
  /** Records read from --new-data. */
  NEW_RECORDS,
  /** Records read from --onto. */
  OLD_RECORDS,
  /** Older records dropped because a record with the same key came in --new-data (or a later duplicate won). */
  REPLACED,
  /** Records written: one per distinct key. */
  OUTPUT_RECORDS
}
