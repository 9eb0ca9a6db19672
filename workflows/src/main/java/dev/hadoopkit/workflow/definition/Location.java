package dev.hadoopkit.workflow.definition;

/** A place in a source file, for messages: {@code workflow.xml:12:5}. Line and column are 1-based, 0 when unknown. */
public record Location(String file, int line, int column) {

  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }
}
