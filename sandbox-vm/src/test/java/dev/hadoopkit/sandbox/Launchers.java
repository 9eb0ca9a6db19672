package dev.hadoopkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.sandbox.cluster.PortProbe;
import dev.hadoopkit.sandbox.cluster.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Runs the project's real launchers (bin/sandbox, bin/hadoop, bin/hdfs ...) from the repository root. */
final class Launchers {

  /** The exit code and the combined stdout/stderr of one launcher run. */
  record Result(int exitCode, String output) {
  }

  static final Path REPO = findRepo();

  private final Path home;

  Launchers(Path home) {
    this.home = home;
  }

  private static Path findRepo() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("bin/hk-lib.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("Cannot find the repository root (bin/hk-lib.sh) above " + Path.of("")
          .toAbsolutePath());
    }
    return dir;
  }

  /** bin/sandbox COMMAND --home HOME args... */
  Result sandbox(String command, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(REPO.resolve("bin/sandbox").toString(), command, "--home",
        home.toString()));
    cmd.addAll(List.of(args));
    return run(cmd, 400);
  }

  /** bin/NAME args... with HADOOP_CONF_DIR pointing at the sandbox's client configuration. */
  Result client(String launcher, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(REPO.resolve("bin/" + launcher).toString()));
    cmd.addAll(List.of(args));
    return run(cmd, 300);
  }

  Process start(String launcher, Path outputFile, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(REPO.resolve("bin/" + launcher).toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true)
        .redirectOutput(outputFile.toFile());
    pb.environment().put("HADOOP_CONF_DIR", home.resolve("conf").toString());
    pb.environment().put("HK_TIERED_STOP", "1");
    return pb.start();
  }

  private Result run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
    Path out = Files.createTempFile("launcher-", ".out");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile());
      pb.environment().put("HADOOP_CONF_DIR", home.resolve("conf").toString());
      // Short-lived client JVMs start faster with C1 only.
      pb.environment().put("HK_TIERED_STOP", "1");
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", cmd) + " took over " + timeoutSeconds + " s:\n" + Files.readString(out));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * {@code bin/sandbox up --port-offset OFFSET ARGS...}, which must succeed; when it fails, what it started is
   * brought down before the test fails with its output.
   */
  Result up(int offset, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("--port-offset", Integer.toString(offset)));
    all.addAll(List.of(args));
    Result r = sandbox("up", all.toArray(String[]::new));
    if (r.exitCode() != 0) {
      sandbox("down");
    }
    return ok(r);
  }

  /** {@code bin/sandbox down}, which must succeed and leave no process running from the home. */
  Result downLeavingNothing() throws IOException, InterruptedException {
    Result r = ok(sandbox("down"));
    assertEquals(List.of(), processesMentioning(home.toString()), "processes left running from " + home);
    return r;
  }

  /**
   * 150,000 generated ratings (seed 11) in {@code local}, put into HDFS as {@code hdfsPath} in 1 MB blocks: a job
   * on them has three maps, and the blocks spread over every DataNode.
   */
  Path putRatings(Path local, String hdfsPath) throws IOException, InterruptedException {
    try (var out = Files.newOutputStream(local)) {
      MovieLensGenerator.builder().ratings(150_000).seed(11).build().writeRatings(out);
    }
    ok(client("hadoop", "fs", "-D", "dfs.blocksize=1048576", "-put", local.toString(), hdfsPath));
    return local;
  }

  /** The file's text, or a note that it cannot be read (for assertion messages). */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(cannot read " + file + ")";
    }
  }

  static Result ok(Result r) {
    assertEquals(0, r.exitCode(), () -> "exit code " + r.exitCode() + ", output:\n" + r.output());
    return r;
  }

  /** A port offset at which every port of {@code topology}'s shape (and the database port) is free. */
  static int freePortOffset(int dataNodes, int nodeManagers) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int offset = 21000 + 100 * ThreadLocalRandom.current().nextInt(200);
      Topology t = new Topology(dataNodes, nodeManagers, 1, offset, true, true, 3306 + offset);
      boolean free = t.daemons().stream().flatMap(d -> d.ports().stream()).allMatch(PortProbe::isFree);
      if (free) {
        return offset;
      }
    }
    throw new IllegalStateException("No free port offset found");
  }

  /** PIDs of live processes whose command line mentions {@code text}. */
  static List<Long> processesMentioning(String text) {
    List<Long> pids = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    ProcessHandle.allProcesses().forEach(h -> {
      if (h.pid() == self) {
        return;
      }
      try {
        String cmdline = Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline"),
            StandardCharsets.ISO_8859_1);
        if (cmdline.contains(text)) {
          pids.add(h.pid());
        }
      } catch (IOException e) {
        // The process ended meanwhile.
      }
    });
    return pids;
  }

  static Map<String, String> env() {
    return System.getenv();
  }
}
