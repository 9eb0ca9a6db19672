package dev.hadoopkit.formats.movielens;

/**
 * A line that is not a valid record. The message says what is wrong with the line itself;
 * callers add where it is (file and line), because only they know.
 */
public final class MalformedRecordException extends Exception {

  public MalformedRecordException(String reason) {
    super(reason);
  }
}
