package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.cluster.HomeLock;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A second process holding a home's lock as a long {@code bin/sandbox up} would: until its stdin closes. */
final class HomeLockHolder {

  private HomeLockHolder() {
  }

  public static void main(String[] args) throws Exception {
    try (HomeLock lock = HomeLock.acquire(new SandboxHome(Path.of(args[0])), args[1], Duration.ZERO, Clock.systemUTC())) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Holds the lock until the test closes stdin or kills this process.
      }
    }
  }
}
