package dev.hadoopkit.workflow.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The state directory: one sub-directory per run, named by its id ({@code 0000007-261121203001123-hk-W}), holding
 * {@code journal.jsonl}, a copy of the workflow.xml it ran, {@code run.log} and the actions' output.
 */
public final class RunStore {
  public static final String KILL_REQUEST = "kill.request";
  /** Asks the live engine driving a run to suspend it (see {@code WorkflowEngine#suspend}). */
  public static final String SUSPEND_REQUEST = "suspend.request";
  /** Asks the live engine driving a suspended run to continue it. */
  public static final String RESUME_REQUEST = "resume.request";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmssSSS");

  private final Path root;
  private final boolean sync;
  private final SecretBox secrets;
  private long lastSequence;

  public RunStore(Path root, boolean sync) {
    this.root = root;
    this.sync = sync;
    this.secrets = new SecretBox(root);
  }

  /** Encrypts secret properties for the journal (see {@link SecretBox}). */
  public Map<String, String> seal(Map<String, String> conf) throws IOException {
    return secrets.seal(conf);
  }

  /** Decrypts sealed properties; {@code strict} fails when a secret cannot be decrypted, else it reads as the mask. */
  public Map<String, String> open(Map<String, String> conf, boolean strict) throws IOException {
    return secrets.open(conf, strict);
  }

  public Path root() {
    return root;
  }

  /** Creates the directory of a new run and returns its id. Ids grow by one per run in this store. */
  public String newRun(long now) throws IOException {
    return newJob(now, 'W');
  }

  /**
   * Creates the directory of a new job of the given kind ({@code W} workflow, {@code C} coordinator, {@code B}
   * bundle) and returns its id; all kinds share one sequence. The directory is taken with an atomic {@code mkdir},
   * so processes sharing the store never get the same id. The last number is remembered, so a daemon creating
   * thousands of jobs does not list the directory for each.
   */
  public synchronized String newJob(long now, char kind) throws IOException {
    Files.createDirectories(root);
    String stamp = STAMP.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneOffset.UTC));
    long sequence = lastSequence > 0 ? lastSequence + 1 : nextSequence();
    for (int attempt = 0; attempt < 1000; attempt++) {
      String id = String.format("%07d-%s-hk-%c", sequence, stamp, kind);
      try {
        Files.createDirectory(root.resolve(id));
        lastSequence = sequence;
        return id;
      } catch (FileAlreadyExistsException e) {
        sequence = Math.max(sequence + 1, nextSequence()); // another process took this number
      }
    }
    throw new IOException("Cannot allocate a job id under " + root);
  }

  private long nextSequence() throws IOException {
    long max = 0;
    try (Stream<Path> runs = Files.list(root)) {
      for (Path p : (Iterable<Path>) runs::iterator) {
        String name = p.getFileName().toString();
        int dash = name.indexOf('-');
        if (dash > 0 && name.matches(".*-hk-[WCB]")) {
          try {
            max = Math.max(max, Long.parseLong(name.substring(0, dash)));
          } catch (NumberFormatException ignored) {
            // not a run directory
          }
        }
      }
    }
    return max + 1;
  }

  private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("\\d{7,}-\\d{15}-hk-W");

  /** Whether {@code id} has the form of a workflow run id ({@code 0000007-261121203001123-hk-W}), nothing else. */
  public static boolean isRunId(String id) {
    return id != null && RUN_ID.matcher(id).matches();
  }

  /** The message for an id with no run here (exit 1 in the CLI). */
  public String noSuchRun(String id) {
    return "no run " + id + " in " + root + " (set -Dhk.workflow.state.dir or HK_WORKFLOW_STATE_DIR if the runs live"
        + " elsewhere)";
  }

  public Path runDir(String id) {
    return root.resolve(id);
  }

  public boolean exists(String id) {
    return Files.isRegularFile(runDir(id).resolve(Journal.FILE_NAME));
  }

  public Journal journal(String id) {
    return new Journal(runDir(id).resolve(Journal.FILE_NAME), sync);
  }

  /** A run's state for showing it: a secret that cannot be decrypted reads as the mask. */
  public RunState load(String id) throws IOException {
    return load(id, false);
  }

  /** A run's state for driving it: its secret properties decrypted, or an error saying why they cannot be. */
  public RunState loadForRun(String id) throws IOException {
    return load(id, true);
  }

  private RunState load(String id, boolean strict) throws IOException {
    Path file = runDir(id).resolve(Journal.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new IOException(noSuchRun(id));
    }
    List<JournalRecord> records = new ArrayList<>();
    for (JournalRecord record : Journal.read(file)) {
      records.add(record.conf() == null ? record : record.withConf(secrets.open(record.conf(), strict)));
    }
    return RunState.replay(records);
  }

  public List<String> ids() throws IOException {
    List<String> ids = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return ids;
    }
    try (Stream<Path> runs = Files.list(root)) {
      runs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-hk-W")).sorted().forEach(ids::add);
    }
    return ids;
  }

  /**
   * Takes the run's engine lock: only one engine process drives a run. Empty when another live process holds it;
   * a lock of a killed process is released by the operating system.
   */
  public Optional<RunLock> tryLock(String id) throws IOException {
    if (!isRunId(id)) {
      throw new IllegalArgumentException("'" + id + "' is not a run id");
    }
    if (!Files.isDirectory(runDir(id))) {
      throw new IOException(noSuchRun(id)); // never create a lock file for a run that is not there
    }
    FileChannel channel = FileChannel.open(runDir(id).resolve("engine.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new RunLock(channel, lock));
    } catch (OverlappingFileLockException e) {
      channel.close();
      return Optional.empty();
    }
  }

  /** An engine's hold on a run. */
  public static final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    RunLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      lock.release();
      channel.close();
    }
  }
}
