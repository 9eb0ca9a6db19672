package dev.hadoopkit.ingest.jobs;

import dev.hadoopkit.ingest.IngestException;
import java.io.IOException;
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

  public JobStore(Path dir) {
    this.dir = dir;
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
