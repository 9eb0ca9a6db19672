package dev.hadoopkit.ingest;

import dev.hadoopkit.formats.io.Formats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The data files of a directory as MapReduce sees them, by the one filter of data and marker names
 * ({@link Formats#DATA_FILES}: names starting with {@code _} or {@code .} are not data).
 */
public final class VisibleFiles {
  private VisibleFiles() {
  }

  /** The visible files under {@code dir}, recursively through visible subdirectories, sorted. */
  public static List<Path> under(FileSystem fs, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (FileStatus status : fs.listStatus(dir, Formats.DATA_FILES)) {
      if (status.isDirectory()) {
        out.addAll(under(fs, status.getPath()));
      } else {
        out.add(status.getPath());
      }
    }
    out.sort(null);
    return out;
  }
}
