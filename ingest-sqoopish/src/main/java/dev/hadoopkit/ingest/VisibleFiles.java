package dev.hadoopkit.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;

/**
 * The data files of a directory as MapReduce sees them: names starting with {@code _} (_SUCCESS, _hk_manifest) or
 * {@code .} (work directories, checksums) are not data. The one filter imports, exports and merges use.
 */
public final class VisibleFiles {
  /** Accepts the paths whose name starts with neither {@code _} nor {@code .}. */
  public static final PathFilter FILTER = path -> isVisible(path.getName());

  private VisibleFiles() {
  }

  public static boolean isVisible(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }

  /** The visible files under {@code dir}, recursively through visible subdirectories, sorted. */
  public static List<Path> under(FileSystem fs, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (FileStatus status : fs.listStatus(dir, FILTER)) {
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
