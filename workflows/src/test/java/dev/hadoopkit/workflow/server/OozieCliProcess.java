package dev.hadoopkit.workflow.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the REAL Apache Oozie 5.2.1 CLI ({@code org.apache.oozie.cli.OozieCLI}) in a JVM of its own, over the jars
 * that {@code mvn verify} copies to {@code workflows/target/oozie-client/} (execution {@code oozie-client} of the
 * dependency plugin; they clash with Hadoop 3.5 and never join the test classpath).
 *
 * <pre>{@code
 * OozieCliProcess cli = new OozieCliProcess("http://127.0.0.1:11000/oozie");
 * OozieCliProcess.Result r = cli.run("job", "-info", id);   // + "-oozie <url> -auth SIMPLE" for job/jobs/admin
 * r.assertOk(); r.stdout() ...
 * }</pre>
 *
 * Every run has a deadline (default 60 s): a CLI still running then is killed and the run fails with what it printed.
 * Its auth-token cache is off and its {@code user.home} is a temporary directory, so runs neither read nor write
 * {@code ~/.oozie-auth-token}.
 */
public final class OozieCliProcess {
  /** Overrides where the client jars are (a directory of jars). */
  public static final String CLIENT_DIR_PROPERTY = "hk.oozie.client.dir";
  private static final Set<String> SERVER_COMMANDS = Set.of("job", "jobs", "admin", "sla", "validate", "mapreduce",
      "pig", "hive", "sqoop");

  private final String oozieUrl;
  private final Path clientDir;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private Duration timeout = Duration.ofSeconds(60);
  private Path workDir;

  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public Result assertOk() {
      if (exitCode != 0) {
        throw new AssertionError("oozie " + args() + " exited " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n"
            + stderr);
      }
      return this;
    }

    /** Fails unless stdout has a line containing {@code part}. */
    public Result assertLine(String part) {
      if (stdout.lines().noneMatch(l -> l.contains(part))) {
        throw new AssertionError("oozie " + args() + ": no line with '" + part + "' in\n" + stdout + "\nstderr:\n"
            + stderr);
      }
      return this;
    }

    private String args() {
      int main = command.indexOf("org.apache.oozie.cli.OozieCLI");
      return String.join(" ", command.subList(main + 1, command.size()));
    }
  }

  public OozieCliProcess(String oozieUrl) {
    this.oozieUrl = oozieUrl;
    String dir = System.getProperty(CLIENT_DIR_PROPERTY);
    this.clientDir = dir != null ? Path.of(dir) : locateDefault();
    if (!Files.isRegularFile(clientDir.resolve("oozie-client-5.2.1.jar"))) {
      throw new IllegalStateException("the Oozie client jars are not in " + clientDir.toAbsolutePath()
          + ": run `mvn -pl workflows verify` (it copies them at pre-integration-test) or `mvn -pl workflows "
          + "dependency:copy@oozie-client`, or point -D" + CLIENT_DIR_PROPERTY + " at a directory of them");
    }
  }

  private static Path locateDefault() {
    Path p = Path.of("target", "oozie-client");
    if (Files.isDirectory(p)) {
      return p;
    }
    return Path.of("workflows", "target", "oozie-client");
  }

  /** A header on every request, as the CLI's {@code -Dheader:NAME=VALUE} (e.g. Authorization: Bearer …). */
  public OozieCliProcess header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public OozieCliProcess env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public OozieCliProcess timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** The CLI's working directory (relative {@code -config} paths); default a temporary directory. */
  public OozieCliProcess workDir(Path dir) {
    this.workDir = dir;
    return this;
  }

  /**
   * Runs {@code oozie <args>}; for server commands (job, jobs, admin, …) {@code -oozie <url> -auth SIMPLE} is appended
   * unless {@code -oozie} is given.
   */
  public Result run(String... args) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("oozie-cli-home");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx128m");
      cmd.add("-XX:TieredStopAtLevel=1");
      cmd.add("-Doozie.auth.token.cache=false");
      cmd.add("-Duser.home=" + home);
      cmd.add("-Djava.net.preferIPv4Stack=true");
      cmd.add("-Duser.timezone=GMT"); // the CLI prints some dates (rerun, kill) in the JVM zone
      for (Map.Entry<String, String> h : headers.entrySet()) {
        cmd.add("-Dheader:" + h.getKey() + "=" + h.getValue());
      }
      cmd.add("-cp");
      cmd.add(clientDir.toAbsolutePath() + "/*");
      cmd.add("org.apache.oozie.cli.OozieCLI");
      List<String> a = List.of(args);
      cmd.addAll(a);
      if (!a.isEmpty() && SERVER_COMMANDS.contains(a.get(0)) && !a.contains("-oozie")) {
        cmd.addAll(List.of("-oozie", oozieUrl, "-auth", "SIMPLE"));
      }
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.directory((workDir != null ? workDir : home).toFile());
      pb.environment().remove("OOZIE_URL");
      pb.environment().remove("OOZIE_AUTH");
      pb.environment().put("OOZIE_TIMEZONE", "GMT");
      pb.environment().putAll(env);
      Path out = home.resolve("stdout");
      Path err = home.resolve("stderr");
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("oozie " + String.join(" ", a) + " still running after " + timeout
            + ": killed\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
      }
      return new Result(List.copyOf(cmd), p.exitValue(), read(out), read(err));
    } finally {
      try (var files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  /** {@code java … OozieCliProcess <oozie-url> <args…>}: one run against any server, output passed through. */
  public static void main(String[] argv) throws Exception {
    if (argv.length < 2) {
      System.err.println("usage: OozieCliProcess <oozie-url> job|jobs|admin … (e.g. http://127.0.0.1:11000/oozie "
          + "admin -status)");
      System.exit(2);
    }
    String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
    OozieCliProcess cli = new OozieCliProcess(argv[0]);
    String token = System.getenv("HK_TOKEN");
    if (token != null) {
      cli.header("Authorization", "Bearer " + token);
    }
    Result r = cli.run(rest);
    System.out.print(r.stdout());
    System.err.print(r.stderr());
    System.exit(r.exitCode());
  }
}
