package dev.hadoopkit.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Looks for a secret where a user (or another user of the machine) could read it: every 25 ms in the command lines
 * of the round's processes while it runs, and at the end in every file under the round's directory (logs, output,
 * leftovers of a killed run, the local job's job.xml under hadoop.tmp.dir).
 */
final class SecretWatch implements AutoCloseable {
  private final String secret;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final Thread sampler;
  private volatile boolean open = true;

  SecretWatch(String secret, String marker) {
    this.secret = secret;
    this.sampler = new Thread(() -> {
      while (open) {
        for (String process : ChildJvm.processesMarked(marker)) {
          if (process.contains(secret)) {
            seen.add("process " + process.substring(0, process.indexOf(' ')));
          }
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "secret-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Where the secret was seen: process ids and files (the given password file itself excepted). */
  List<String> places(Path dir, Path passwordFile) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(passwordFile)).toList()) {
        if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret)) {
          seen.add("file " + file);
        }
      }
    }
    return List.copyOf(seen);
  }

  @Override
  public void close() throws InterruptedException {
    open = false;
    sampler.join(2_000);
  }
}
