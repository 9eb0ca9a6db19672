package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * An input file a task could not read past: damaged data pages, blocks or stripes. Its message is the one line a
 * user sees: file, where in it, the reader's reason and the fix; the cause keeps the stack trace for --verbose.
 */
public final class DamagedInputException extends IOException {

  /** What to do about a damaged input file. */
  static final String FIX = "Restore the file from a good copy, or leave it out of the job's input.";

  private DamagedInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param position where the reader was ("" when it cannot say)
   * @param splitStart the byte the task's split starts at
   */
  static DamagedInputException of(FileFormat format, Path file, String position, long splitStart, Throwable cause) {
    String reason = CorruptFileException.reason(cause);
    String where = position.isEmpty() ? "in the split starting at byte " + splitStart : "in the " + position;
    String message = cause instanceof CorruptFileException && reason.contains(file.toString())
        // storage-formats already named the file (and for Avro the block's offset).
        ? withFix(reason)
        : "Cannot read " + format.displayName() + " file " + file + ": damaged data " + where + " (" + reason + "). " + FIX;
    return new DamagedInputException(message, cause);
  }

  /** {@code message} as one sentence with the fix, unless it already gives one. */
  public static String withFix(String message) {
    if (message.contains("from a good copy")) {
      return message;
    }
    return message.replaceFirst("\\.+$", "") + ". " + FIX;
  }
}
