package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.Leftovers;
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
  static final String WORK_INFIX = ".hk-import-";
  static final String REPLACED_INFIX = ".hk-replaced-";

  /** What to do with an existing target directory. */
  public enum Mode { CREATE, REPLACE, APPEND }

  private final FileSystem fs;
  private final Path target;
  private final Path work;
  private final Mode mode;
  private final String leftovers;

  private OutputPlacement(FileSystem fs, Path target, Path work, Mode mode, String leftovers) {
    this.fs = fs;
    this.target = target;
    this.work = work;
    this.mode = mode;
    this.leftovers = leftovers;
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
    String cleaned = removeLeftovers(fs, qualified);
    Leftovers.Owner owner = Leftovers.Owner.current();
    Path work = new Path(parent, Leftovers.workName(qualified.getName(), WORK_INFIX, owner));
    // The job's output directory exists from here on, holding only the owner record (see ImportOutputFormat).
    Leftovers.claim(fs, work, owner);
    return new OutputPlacement(fs, qualified, work, mode, cleaned);
  }

  /**
   * Work directories of killed imports of the same target are removed; but not while a replaced target is still
   * aside ({@code .T.hk-replaced-*}: a run was killed between its two renames, and a person must pick the content).
   */
  private static String removeLeftovers(FileSystem fs, Path target) throws IOException {
    if (target.getParent() == null || !fs.exists(target.getParent())) {
      return null;
    }
    FileStatus[] replaced = fs.listStatus(target.getParent(),
        p -> p.getName().startsWith("." + target.getName() + REPLACED_INFIX));
    if (replaced.length > 0) {
      return "Left " + replaced[0].getPath() + " in place: a run was killed while replacing " + target + " (its earlier "
          + "content is there, the new output in the newest ." + target.getName() + WORK_INFIX + "* directory); "
          + "move the one you want to " + target + " and delete the other";
    }
    return Leftovers.removeAbandoned(fs, target, WORK_INFIX);
  }

  /** What was done about leftovers of killed runs (one line), or null. */
  public String leftovers() {
    return leftovers;
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
    fs.delete(new Path(work, Leftovers.OWNER_FILE), false);
    fs.mkdirs(target.getParent());
    if (mode == Mode.APPEND && fs.exists(target)) {
      appendInto();
      fs.delete(work, true);
      return;
    }
    if (fs.exists(target)) {
      Path old = new Path(target.getParent(), "." + target.getName() + REPLACED_INFIX + UUID.randomUUID().toString().substring(0, 8));
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
