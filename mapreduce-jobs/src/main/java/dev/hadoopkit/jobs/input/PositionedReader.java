package dev.hadoopkit.jobs.input;

/** A columnar reader that can say where in its file it is, for the message about a damaged file. */
interface PositionedReader {

  /** Where the reader is, e.g. "row group at byte 4" or "stripe 2 at byte 81,920, near row 40,961"; never null. */
  String position();
}
