package dev.hadoopkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.cluster.Topology;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 8: while one process runs a command that changes a home (here a second JVM holding the lock as
 * {@code up} does for its whole run), up, down, start-node and stop-node of another process refuse within a few
 * seconds, naming the holder, exit 1, and start nothing. The lock dies with its holder, even under SIGKILL.
 * No daemon is started.
 */
class HomeLockIT {

  @TempDir
  Path root;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return new SandboxCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  @Test
  void aSecondCommandOnABusyHomeRefusesNamingTheHolder() throws Exception {
    SandboxHome home = new SandboxHome(root.resolve("home"));
    Files.createDirectories(home.root());
    // A home that was brought up once (ports nobody uses, so nothing here could start for real).
    new Topology(1, 1, 1, 29_000, false, false, 3306 + 29_000).save(home.topologyFile());
    Process holder = holdLock(home, "up");
    try {
      for (List<String> command : List.of(List.of("down"), List.of("start-node", "nodemanager-1"),
          List.of("stop-node", "datanode-1"), List.of("up", "--no-db", "--port-offset", "29000"))) {
        long started = System.nanoTime();
        String[] args = new String[command.size() + 2];
        command.toArray(args);
        args[command.size()] = "--home";
        args[command.size() + 1] = home.root().toString();
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(args));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, command + ": " + message + out.toString(StandardCharsets.UTF_8));
        assertTrue(message.startsWith("sandbox " + command.get(0) + ": sandbox " + home.root() + " is busy: `up` by pid "
            + holder.pid() + " since "), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds >= 2.5 && seconds < 20, command + " waited " + seconds + " s for the holder");
      }
      assertTrue(!Files.exists(home.pids()), "nothing was started or recorded");
    } finally {
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    // Killed with SIGKILL, the holder left no lock behind.
    assertEquals(0, run("down", "--home", home.root().toString()), err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Sandbox stopped"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCommandWaitsForAHolderThatFinishesSoon() throws Exception {
    SandboxHome home = new SandboxHome(root.resolve("home"));
    Files.createDirectories(home.root());
    new Topology(1, 1, 1, 29_100, false, false, 3306 + 29_100).save(home.topologyFile());
    Process holder = holdLock(home, "down");
    Thread release = new Thread(() -> {
      try {
        Thread.sleep(1000);
        holder.getOutputStream().close();
      } catch (Exception e) {
        holder.destroyForcibly();
      }
    });
    release.start();
    try {
      assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("down", "--home", home.root().toString())),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      release.join(10_000);
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Starts a separate JVM that takes the home's lock for {@code command}; returns once it holds it. */
  private static Process holdLock(SandboxHome home, String command) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        HomeLockHolder.class.getName(), home.root().toString(), command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String line = assertTimeoutPreemptively(Duration.ofSeconds(30), reader::readLine);
    assertEquals("locked", line);
    return holder;
  }
}
