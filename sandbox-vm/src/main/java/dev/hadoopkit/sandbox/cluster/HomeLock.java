package dev.hadoopkit.sandbox.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An OS lock on a sandbox home, held by one command that changes the cluster ({@code up}, {@code down},
 * {@code start-node}, {@code stop-node}) for as long as it runs. Two {@code up}s at once both formatted HDFS and left
 * daemons that no PID file knew (issue 15 defect 8). The kernel drops the lock when its process dies however it
 * dies, so a crashed command never leaves the home locked; the file only says who holds it.
 */
public final class HomeLock implements AutoCloseable {

  /** Raised when another live process holds the lock; the message names it and says what to do. */
  public static final class BusyException extends Exception {
    BusyException(String message) {
      super(message);
    }
  }

  private static final Duration POLL = Duration.ofMillis(100);

  private final FileChannel channel;
  private final FileLock lock;

  private HomeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of a home. */
  public static Path file(SandboxHome home) {
    return home.root().resolve("sandbox.lock");
  }

  /**
   * Takes the lock for {@code command}, waiting up to {@code wait} for a holder to finish; the home directory must
   * exist. Child processes (the daemons) do not inherit it.
   */
  public static HomeLock acquire(SandboxHome home, String command, Duration wait, Clock clock)
      throws IOException, InterruptedException, BusyException {
    Path file = file(home);
    Instant deadline = clock.instant().plus(wait);
    while (true) {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      if (lock != null && Files.exists(file)) {
        String holder = command + "\t" + ProcessHandle.current().pid() + "\t" + clock.instant() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new HomeLock(channel, lock);
      }
      // Held by another process, or `down --wipe` deleted the file under us: read who has it, try again.
      String holder = lock == null ? holder(file).orElse("") : "";
      channel.close();
      if (lock == null && !clock.instant().isBefore(deadline)) {
        throw new BusyException(busyMessage(home, holder, clock.instant()));
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static Optional<String> holder(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String busyMessage(SandboxHome home, String holder, Instant now) {
    String[] parts = holder.split("\t");
    String who;
    if (parts.length == 3) {
      String since = parts[2];
      try {
        since += " (" + Duration.between(Instant.parse(parts[2]), now).toSeconds() + " s ago)";
      } catch (java.time.format.DateTimeParseException e) {
        // Shown as written.
      }
      who = "`" + parts[0] + "` by pid " + parts[1] + " since " + since;
    } else {
      who = "another bin/sandbox command";
    }
    return "sandbox " + home.root() + " is busy: " + who + ". Wait for it to finish (or stop it), then run this again";
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
