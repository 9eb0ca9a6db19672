package dev.hadoopkit.jobs.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A job writes into {@code .<out>.tmp-<hex>} and renames it into place; a job killed with SIGKILL leaves that
 * directory behind (issue 15 defect 9). Each run records its owner (host, pid and the process's start time, so a
 * recycled pid is not taken for the owner) in a marker {@code .<out>.tmp-<hex>.owner} beside it, and the next run of
 * the same output removes the leftovers whose owner is gone. A leftover without a marker, or whose owner runs on
 * another host or is still alive, is left alone.
 */
public final class StagingLeftovers {

  static final String MARKER_SUFFIX = ".owner";

  /** Who wrote a staging directory. */
  public record Owner(String host, long pid, Instant started) {

    public static Owner current(String host) {
      ProcessHandle self = ProcessHandle.current();
      return new Owner(host, self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
    }

    String line() {
      return host + "\t" + pid + "\t" + started + "\n";
    }

    static Optional<Owner> parse(String line) {
      String[] fields = line.strip().split("\t");
      if (fields.length != 3) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Owner(fields[0], Long.parseLong(fields[1]), Instant.parse(fields[2])));
      } catch (NumberFormatException | DateTimeParseException e) {
        return Optional.empty();
      }
    }

    /** True when this owner's process, on {@code host}, no longer runs. */
    boolean isGone(String localHost) {
      if (!host.equals(localHost)) {
        return false;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      return process.isEmpty() || !process.get().isAlive()
          || !process.get().info().startInstant().map(started::equals).orElse(false);
    }
  }

  private StagingLeftovers() {
  }

  /** This machine's name, as recorded in markers. */
  public static String localHost() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  public static Path marker(Path staging) {
    return new Path(staging.getParent(), staging.getName() + MARKER_SUFFIX);
  }

  /** Records {@code owner} for {@code staging}, before the job creates the directory. */
  public static void claim(FileSystem fs, Path staging, Owner owner) throws IOException {
    try (FSDataOutputStream out = fs.create(marker(staging), true)) {
      out.write(owner.line().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Removes the staging directories (and markers) of {@code output} whose owner is gone; returns what it removed,
   * as "name (pid N, started T)".
   */
  public static List<String> removeAbandoned(FileSystem fs, Path output, String localHost) throws IOException {
    String prefix = "." + output.getName() + ".tmp-";
    if (!fs.exists(output.getParent())) {
      return List.of();
    }
    FileStatus[] markers = fs.listStatus(output.getParent(),
        path -> path.getName().startsWith(prefix) && path.getName().endsWith(MARKER_SUFFIX));
    List<String> removed = new ArrayList<>();
    for (FileStatus status : markers) {
      Optional<Owner> owner;
      try (InputStream in = fs.open(status.getPath())) {
        owner = Owner.parse(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
      } catch (IOException e) {
        // Removed meanwhile by another run of the same output.
        continue;
      }
      if (owner.isEmpty() || !owner.get().isGone(localHost)) {
        continue;
      }
      String name = status.getPath().getName();
      Path staging = new Path(status.getPath().getParent(), name.substring(0, name.length() - MARKER_SUFFIX.length()));
      fs.delete(staging, true);
      fs.delete(status.getPath(), false);
      removed.add(staging.getName() + " (pid " + owner.get().pid() + ", started " + owner.get().started() + ")");
    }
    return removed;
  }
}
