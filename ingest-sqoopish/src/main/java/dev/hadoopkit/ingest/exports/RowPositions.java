package dev.hadoopkit.ingest.exports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each row of a chunk came from, compactly: one line (or record) number per row, and the file as runs (a new
 * run where the file changes). Lets a server message about "row N" of a load name the file and line.
 */
final class RowPositions {
  private long[] lines = new long[1024];
  private int size;
  private final List<Integer> runStarts = new ArrayList<>();
  private final List<LinePosition> runFiles = new ArrayList<>();

  void add(LinePosition where) {
    int last = runFiles.size() - 1;
    if (last < 0 || !runFiles.get(last).file().equals(where.file())) {
      LinePosition file = new LinePosition();
      file.set(where.file(), 0, where.isRecord());
      runStarts.add(size);
      runFiles.add(file);
    }
    if (size == lines.length) {
      lines = Arrays.copyOf(lines, size * 2);
    }
    lines[size++] = where.line();
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
    runStarts.clear();
    runFiles.clear();
  }

  /** The position of the row at {@code index} (0-based, less than {@link #size}). */
  LinePosition position(long index) {
    int run = runStarts.size() - 1;
    while (runStarts.get(run) > index) {
      run--;
    }
    LinePosition file = runFiles.get(run);
    LinePosition at = new LinePosition();
    at.set(file.file(), lines[(int) index], file.isRecord());
    return at;
  }

  /** "file line N" of the row at {@code index} (0-based), or "row N+1 of the chunk" when there is no such row. */
  String describe(long index) {
    if (index < 0 || index >= size) {
      return "row " + (index + 1) + " of the chunk";
    }
    int run = runStarts.size() - 1;
    while (runStarts.get(run) > index) {
      run--;
    }
    LinePosition file = runFiles.get(run);
    LinePosition at = new LinePosition();
    at.set(file.file(), lines[(int) index], file.isRecord());
    return at.toString();
  }
}
