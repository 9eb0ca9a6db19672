package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestException;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where an import writes and how it lands: the job writes into a hidden sibling of the target directory; only after
 * the job succeeded are the files moved into place by renames (replace, create or append). A failed or killed import
 * leaves the target directory exactly as it was.
 */
public final class OutputPlacement {
  private static final Pattern PART = Pattern.compile("part-([mr])-(\\d{5,})(.*)");

  /** What to do with an existing target directory. */
  public enum Mode { CREATE, REPLACE, APPEND }

  private final FileSystem fs;
  private final Path target;
  private final Path work;
  private final Mode mode;

  private OutputPlacement(FileSystem fs, Path target, Path work, Mode mode) {
    this.fs = fs;
    this.target = target;
    this.work = work;
    this.mode = mode;
  }

  /** Checks the target against the mode before anything runs. */
  public static OutputPlacement prepare(Configuration conf, Path target, Mode mode) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    Path qualified = fs.makeQualified(target);
    if (mode == Mode.CREATE && fs.exists(qualified)) {
      throw new IngestException("Output directory " + qualified + " already exists: add --delete-target-dir to replace it, "
          + "--append to add files to it, or choose another --target-dir");
    }
    Path parent = qualified.getParent();
    Path work = new Path(parent, "." + qualified.getName() + ".hk-import-" + UUID.randomUUID().toString().substring(0, 8));
    return new OutputPlacement(fs, qualified, work, mode);
  }

  public Path target() {
    return target;
  }

  /** The job's output directory. */
  public Path work() {
    return work;
  }

  /** Moves the finished output into place. */
  public void commit() throws IOException {
    fs.mkdirs(target.getParent());
    if (mode == Mode.APPEND && fs.exists(target)) {
      appendInto();
      fs.delete(work, true);
      return;
    }
    if (fs.exists(target)) {
      Path old = new Path(target.getParent(), "." + target.getName() + ".hk-replaced-" + UUID.randomUUID().toString().substring(0, 8));
      rename(target, old);
      rename(work, target);
      fs.delete(old, true);
    } else {
      rename(work, target);
    }
  }

  /** Deletes the work directory of a failed import. */
  public void abort() {
    try {
      fs.delete(work, true);
    } catch (IOException e) {
      // nothing more to do: the target was never touched
    }
  }

  private void appendInto() throws IOException {
    int next = 0;
    for (FileStatus s : fs.listStatus(target)) {
      Matcher m = PART.matcher(s.getPath().getName());
      if (m.matches()) {
        next = Math.max(next, Integer.parseInt(m.group(2)) + 1);
      }
    }
    FileStatus[] produced = fs.listStatus(work, p -> PART.matcher(p.getName()).matches());
    Arrays.sort(produced);
    for (FileStatus s : produced) {
      Matcher m = PART.matcher(s.getPath().getName());
      m.matches();
      Path destination = new Path(target, String.format("part-%s-%05d%s", m.group(1), next++, m.group(3)));
      rename(s.getPath(), destination);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Cannot rename " + from + " to " + to);
    }
  }
}
