package dev.hadoopkit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Hidden work directories of killed runs ({@code .TARGET.hk-import-HEX} next to an import's target,
 * {@code .DIR.hk-export-HEX} next to an export's directory). Each run records its owner (host, pid, process start)
 * in {@value #OWNER_FILE} inside its directory; the next run of the same target removes those whose owner is gone:
 * on this host, no process with that pid, or one that started at another time (the pid was reused). The directory's
 * name carries host and pid as well ({@link #workName}), because a run can be killed between creating its directory
 * and writing the record, or after deleting the record just before its final rename: without a record, the name
 * decides (pid gone on this host). Directories of other hosts, of live owners, or without either are left alone.
 */
public final class Leftovers {
  public static final String OWNER_FILE = "_hk_owner";

  private Leftovers() {
  }

  /** Who runs this program: host, pid and start time. */
  public record Owner(String host, long pid, String start) {
    public static Owner current() {
      ProcessHandle self = ProcessHandle.current();
      return new Owner(hostName(), self.pid(), startOf(self).map(Instant::toString).orElse(""));
    }

    /** True unless this host can tell the process is gone. */
    boolean mayBeAlive() {
      if (!host.equals(hostName())) {
        return true;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return false;
      }
      Optional<String> started = startOf(process.get()).map(Instant::toString);
      return started.isEmpty() || start.isEmpty() || started.get().equals(start);
    }
  }

  private static Optional<Instant> startOf(ProcessHandle process) {
    return process.info().startInstant();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /**
   * FileOutputFormat's check, except that the output directory may already exist holding only the owner record (the
   * run writes it before the job, so that a killed run's directory says whose it was).
   */
  public static void checkOutputDirectory(Path out, org.apache.hadoop.conf.Configuration conf) throws IOException {
    if (out == null) {
      throw new org.apache.hadoop.mapred.InvalidJobConfException("Output directory not set.");
    }
    FileSystem fs = out.getFileSystem(conf);
    if (fs.exists(out)) {
      for (FileStatus s : fs.listStatus(out)) {
        if (!s.getPath().getName().equals(OWNER_FILE)) {
          throw new org.apache.hadoop.mapred.FileAlreadyExistsException("Output directory " + out + " already exists");
        }
      }
    }
  }

  /** {@code .NAME<infix>HEX-pPID-HOST}: a work directory's name that says whose it is even without its record. */
  public static String workName(String name, String infix, Owner owner) {
    return "." + name + infix + java.util.UUID.randomUUID().toString().substring(0, 8) + "-p" + owner.pid() + "-"
        + owner.host().replaceAll("[^A-Za-z0-9.-]", "_");
  }

  /** The owner a work directory's name records (pid and host, no start time), if it has the form of {@link #workName}. */
  static Optional<Owner> ownerFromName(String dirName, String prefix) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9a-f]{8}-p(\\d+)-(.+)")
        .matcher(dirName.substring(prefix.length()));
    if (!m.matches() || !m.group(2).equals(hostName().replaceAll("[^A-Za-z0-9.-]", "_"))) {
      return Optional.empty();
    }
    return Optional.of(new Owner(hostName(), Long.parseLong(m.group(1)), ""));
  }

  /** Writes {@code owner} into {@code dir} (created if needed). */
  public static void claim(FileSystem fs, Path dir, Owner owner) throws IOException {
    Properties p = new Properties();
    p.setProperty("host", owner.host());
    p.setProperty("pid", Long.toString(owner.pid()));
    p.setProperty("start", owner.start());
    fs.mkdirs(dir);
    try (OutputStream out = fs.create(new Path(dir, OWNER_FILE), true)) {
      p.store(out, "hadoopkit ingest run; removed by the next run of the same target once this process is gone");
    }
  }

  /**
   * Removes the siblings {@code .NAME<infix>*} of {@code target} whose owner is gone.
   *
   * @return one line saying what was removed, or null when nothing was
   */
  public static String removeAbandoned(FileSystem fs, Path target, String infix) throws IOException {
    Path parent = target.getParent();
    if (parent == null || !fs.exists(parent)) {
      return null;
    }
    String prefix = "." + target.getName() + infix;
    List<String> removed = new ArrayList<>();
    for (FileStatus s : fs.listStatus(parent, p -> p.getName().startsWith(prefix))) {
      Optional<Owner> owner = readOwner(fs, s.getPath());
      if (owner.isEmpty()) {
        owner = ownerFromName(s.getPath().getName(), prefix);
      }
      if (s.isDirectory() && owner.isPresent() && !owner.get().mayBeAlive() && fs.delete(s.getPath(), true)) {
        removed.add(s.getPath().getName() + " (pid " + owner.get().pid() + ")");
      }
    }
    return removed.isEmpty() ? null : "Removed " + removed.size() + " leftover" + (removed.size() == 1 ? "" : "s")
        + " of killed runs next to " + target + ": " + String.join(", ", removed) + "; their processes are gone";
  }

  static Optional<Owner> readOwner(FileSystem fs, Path dir) {
    Properties p = new Properties();
    try (InputStream in = fs.open(new Path(dir, OWNER_FILE))) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Owner(p.getProperty("host", ""), Long.parseLong(p.getProperty("pid", "")),
          p.getProperty("start", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
