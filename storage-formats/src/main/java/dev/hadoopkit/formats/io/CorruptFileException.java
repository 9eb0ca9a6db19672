package dev.hadoopkit.formats.io;

import java.io.IOException;

/** A file that cannot be read as the format its magic bytes claim: truncated, corrupt or not what it says. */
public final class CorruptFileException extends IOException {

  private final String file;

  public CorruptFileException(FileFormat format, Object file, String problem, Throwable cause) {
    super("Cannot read " + format.displayName() + " file " + file + ": " + problem, cause);
    this.file = String.valueOf(file);
  }

  /** The file that could not be read. */
  public String file() {
    return file;
  }

  /** The first line of a cause's message, or its class name when it has none. */
  public static String reason(Throwable e) {
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message = e.getMessage() != null ? e.getMessage() : deepest.getMessage();
    if (message == null || message.isBlank()) {
      return deepest.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message);
  }
}
