package dev.hadoopkit.ingest.jobs;

import dev.hadoopkit.ingest.IngestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local metastore of saved jobs: one properties file per job (tool and arguments), readable only by the user,
 * replaced atomically. Passwords are never stored.
 */
public final class JobStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private final Path dir;
  private final Clock clock;

  public JobStore(Path dir) {
    this(dir, Clock.systemDefaultZone());
  }

  /** @param clock the time written into exec locks ("running since") */
  public JobStore(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /**
   * Held while one {@code job --exec} runs: an OS lock (fcntl, released by the kernel when the process dies, so a
   * killed exec never leaves the job locked) on {@code .NAME.lock}, which also records the holder's pid and start.
   */
  public static final class ExecLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ExecLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() {
      try {
        lock.release();
      } catch (IOException e) {
        // closing the channel releases it too
      }
      try {
        channel.close();
      } catch (IOException e) {
        // the process exit releases the lock in any case
      }
    }
  }

  /**
   * Takes the exec lock of job {@code name}, or fails with who holds it. The lock file is never deleted: removing it
   * would let a second exec lock a new file while the first still holds the old one.
   */
  public ExecLock lockForExec(String name) {
    checkName(name);
    Path file = dir.resolve("." + name + ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this JVM (another thread) holds it
      }
      if (lock == null) {
        channel.close();
        throw new IngestException("job " + name + " is already running since " + holder(file)
            + " (one 'sqoop job --exec' at a time per saved job: wait for it to end, or stop that process)");
      }
      String record = "pid=" + ProcessHandle.current().pid() + "\nsince=" + ZonedDateTime.now(clock)
          .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new ExecLock(channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // reporting the first problem
        }
      }
      throw new IngestException("Cannot lock job " + name + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** "TIME, pid PID" from a lock file another exec holds (it may not have written it yet). */
  private static String holder(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      // shown as unknown below
    }
    return p.getProperty("since", "a moment ago") + ", pid " + p.getProperty("pid", "unknown");
  }

  public Path dir() {
    return dir;
  }

  /**
   * A saved job: tool name, its arguments, and whether a password given at --create (never saved) must be given again
   * at --exec (Sqoop's db.require.password).
   */
  public static final class SavedJob {
    private final String tool;
    private final List<String> args;
    private final boolean requirePassword;

    public SavedJob(String tool, List<String> args) {
      this(tool, args, false);
    }

    public SavedJob(String tool, List<String> args, boolean requirePassword) {
      this.tool = tool;
      this.args = List.copyOf(args);
      this.requirePassword = requirePassword;
    }

    public boolean requirePassword() {
      return requirePassword;
    }

    /** The same job with other arguments. */
    public SavedJob withArgs(List<String> newArgs) {
      return new SavedJob(tool, newArgs, requirePassword);
    }

    public String tool() {
      return tool;
    }

    public List<String> args() {
      return args;
    }
  }

  static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IngestException("Invalid job name '" + name + "': use letters, digits, '.', '_' and '-'");
    }
  }

  public boolean exists(String name) {
    checkName(name);
    return Files.exists(file(name));
  }

  private Path file(String name) {
    return dir.resolve(name + ".job");
  }

  public void save(String name, SavedJob job) {
    checkName(name);
    Properties p = new Properties();
    p.setProperty("tool", job.tool());
    p.setProperty("args.count", String.valueOf(job.args().size()));
    p.setProperty("db.require.password", String.valueOf(job.requirePassword()));
    for (int i = 0; i < job.args().size(); i++) {
      p.setProperty("args." + i, job.args().get(i));
    }
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + name + ".job.tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "hadoopkit ingest saved job " + name);
      }
      Files.move(tmp, file(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IngestException("Cannot save job " + name + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  public SavedJob load(String name) {
    checkName(name);
    Path f = file(name);
    if (!Files.exists(f)) {
      throw new IngestException("No such job: " + name + " (see 'sqoop job --list')");
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(f)) {
      p.load(in);
    } catch (IOException e) {
      throw new IngestException("Cannot read job " + name + " from " + f + ": " + e.getMessage(), e);
    }
    int n = Integer.parseInt(p.getProperty("args.count", "0"));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      args.add(p.getProperty("args." + i));
    }
    return new SavedJob(p.getProperty("tool"), args, Boolean.parseBoolean(p.getProperty("db.require.password", "false")));
  }

  public void delete(String name) {
    checkName(name);
    try {
      if (!Files.deleteIfExists(file(name))) {
        throw new IngestException("No such job: " + name + " (see 'sqoop job --list')");
      }
    } catch (IOException e) {
      throw new IngestException("Cannot delete job " + name + ": " + e.getMessage(), e);
    }
  }

  public List<String> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".job") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new IngestException("Cannot list jobs in " + dir + ": " + e.getMessage(), e);
    }
  }
}
