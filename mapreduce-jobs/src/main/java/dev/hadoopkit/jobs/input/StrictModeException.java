package dev.hadoopkit.jobs.input;

import java.io.IOException;

/**
 * A malformed rating under {@code --strict}: the task fails on purpose, the row is already in the
 * {@link MalformedRecordLog} and its message says what to do, so it is passed on as it is.
 */
final class StrictModeException extends IOException {

  StrictModeException(String message) {
    super(message);
  }
}
