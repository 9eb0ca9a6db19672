package dev.hadoopkit.sandbox;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.sandbox.cluster.DaemonSpec;
import dev.hadoopkit.sandbox.cluster.PortProbe;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.cluster.Topology;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code sandbox bench}: a cold {@code up} of the default topology to healthy, its memory (RSS of every daemon and
 * its children), the lowest-rated job on 1 M generated ratings on YARN next to the same job in local mode, and
 * {@code down}. Runs in its own temporary home on offset ports and leaves nothing behind. Physical references
 * measured in the same run: one JVM starting Hadoop (VersionInfo), and reading the job's input file once.
 */
final class SandboxBench {
  private final Path repo;
  private final Path webroot;
  private final PrintStream out;

  SandboxBench(SandboxHome ignoredHome, Path webroot, PrintStream out) {
    this.webroot = webroot;
    this.out = out;
    // webroot is <repo>/sandbox-vm/target/webroot
    this.repo = webroot.toAbsolutePath().getParent().getParent().getParent();
  }

  void run(int ratings, int portOffset, String jobJarOption) throws Exception {
    Path jobJar = jobJarOption != null ? Path.of(jobJarOption) : repo.resolve("mapreduce-jobs/target/movielens-jobs.jar");
    if (!Files.isRegularFile(jobJar)) {
      throw new Sandbox.SandboxException("No job jar at " + jobJar + ": run `mvn -B -DskipTests package` first");
    }
    Topology probeTopology = new Topology(1, 1, 1, portOffset, true, true, Topology.DEFAULT_DB_PORT + portOffset);
    for (DaemonSpec d : probeTopology.daemons()) {
      for (int port : d.ports()) {
        if (!PortProbe.isFree(port)) {
          throw new Sandbox.SandboxException("Port " + port + " is taken by " + PortProbe.holderOf(port)
              + "; pick another --port-offset for the benchmark");
        }
      }
    }
    Path work = Files.createTempDirectory("sandbox-bench-");
    SandboxHome home = new SandboxHome(work.resolve("home"));
    Sandbox sandbox = new Sandbox(home, webroot, new PrintStream(OutputStream.nullOutputStream()));
    List<String> rows = new ArrayList<>();
    try {
      out.println("sandbox bench: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
          + loadAverage() + ", work dir " + work);
      double jvmRef = seconds(() -> runQuiet(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
          "org.apache.hadoop.util.VersionInfo"), null));
      out.printf(Locale.ROOT, "reference: one JVM starting Hadoop (VersionInfo): %.2f s%n", jvmRef);

      double up = seconds(() -> sandbox.up(new UpRequest(null, null, null, portOffset, false, null,
          Duration.ofSeconds(300))));
      Topology t = sandbox.requireTopology();
      out.printf(Locale.ROOT, "cold up to healthy (%d daemons incl. %s database): %.1f s%n", t.daemons().size(),
          t.embeddedDatabase() ? "embedded" : "external", up);
      long rss = 0;
      StringBuilder perDaemon = new StringBuilder();
      for (DaemonSpec d : t.daemons()) {
        OptionalLong pid = new dev.hadoopkit.sandbox.cluster.DaemonLauncher(home, webroot).runningPid(d.name());
        if (pid.isPresent()) {
          long r = rssWithChildren(pid.getAsLong());
          rss += r;
          perDaemon.append(String.format(Locale.ROOT, "%s %d MB, ", d.name(), r >> 20));
        }
      }
      out.printf(Locale.ROOT, "RSS of the default topology: %d MB (%s)%n", rss >> 20,
          perDaemon.substring(0, Math.max(0, perDaemon.length() - 2)));

      Path data = work.resolve("data");
      Files.createDirectories(data);
      Path uData = data.resolve("u.data");
      Path uItem = data.resolve("u.item");
      MovieLensGenerator gen = MovieLensGenerator.builder().ratings(ratings).seed(42).build();
      try (OutputStream o = Files.newOutputStream(uData)) {
        gen.writeRatings(o);
      }
      try (OutputStream o = Files.newOutputStream(uItem)) {
        gen.writeMovies(o);
      }
      double readRef = seconds(() -> singleProcessAverages(uData));
      out.printf(Locale.ROOT, "input: %,d ratings, %.1f MB; one plain Java loop averaging them: %.2f s%n", ratings,
          Files.size(uData) / 1e6, readRef);
      String hadoop = repo.resolve("bin/hadoop").toString();
      String conf = home.clientConf().toString();
      runQuiet(List.of(hadoop, "fs", "-put", uData.toString(), uItem.toString(), "/"), conf);
      double yarn = seconds(() -> runQuiet(List.of(hadoop, "jar", jobJar.toString(), "lowest-rated", "--movies",
          "/u.item", "/u.data", "/bench-out"), conf));
      double local = seconds(() -> runQuiet(List.of(hadoop, "jar", jobJar.toString(), "lowest-rated", "--movies",
          uItem.toString(), uData.toString(), work.resolve("local-out").toString()), null));
      out.printf(Locale.ROOT, "lowest-rated on YARN: %.1f s; local mode: %.1f s; YARN / local = %.2f%n", yarn, local,
          yarn / local);

      double down = seconds(() -> sandbox.down(false));
      out.printf(Locale.ROOT, "down: %.1f s%n", down);
      rows.add(String.format(Locale.ROOT, "| cold `up` to healthy (%d daemons) | %.1f s | ≤ 45 s | %.0f × one Hadoop JVM"
          + " start (%.2f s) |", t.daemons().size(), up, up / jvmRef, jvmRef));
      rows.add(String.format(Locale.ROOT, "| `down` | %.1f s | ≤ 15 s | %.1f × one Hadoop JVM start |", down,
          down / jvmRef));
      rows.add(String.format(Locale.ROOT, "| RSS, default topology | %d MB | ≤ 2560 MB | |", rss >> 20));
      rows.add(String.format(Locale.ROOT, "| lowest-rated, %,d ratings, YARN | %.1f s | | %.2f × local mode |",
          ratings, yarn, yarn / local));
      rows.add(String.format(Locale.ROOT, "| lowest-rated, %,d ratings, local mode | %.1f s | | %.1f × one plain"
          + " Java loop over the file (%.2f s) |", ratings, local, local / readRef, readRef));
      out.println();
      out.println("| measure | result | goal | reference |");
      out.println("|---|---|---|---|");
      rows.forEach(out::println);
    } finally {
      sandbox.down(true);
      dev.hadoopkit.sandbox.cluster.FileTrees.delete(work);
    }
  }

  private interface Timed {
    void run() throws Exception;
  }

  private static double seconds(Timed t) throws Exception {
    long t0 = System.nanoTime();
    t.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The physical reference for the job: parse every rating and average per movie in one loop, no Hadoop. */
  static int singleProcessAverages(Path uData) throws IOException {
    long[] sum = new long[1 << 20];
    long[] count = new long[1 << 20];
    try (var r = Files.newBufferedReader(uData, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = r.readLine()) != null) {
        int t1 = line.indexOf('\t');
        int t2 = line.indexOf('\t', t1 + 1);
        int t3 = line.indexOf('\t', t2 + 1);
        int movie = Integer.parseInt(line, t1 + 1, t2, 10);
        sum[movie] += Integer.parseInt(line, t2 + 1, t3, 10);
        count[movie]++;
      }
    }
    int lowest = -1;
    for (int m = 0; m < count.length; m++) {
      if (count[m] > 10 && (lowest < 0 || sum[m] * count[lowest] < sum[lowest] * count[m])) {
        lowest = m;
      }
    }
    return lowest;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void runQuiet(List<String> cmd, String confDir) throws IOException, InterruptedException,
      Sandbox.SandboxException {
    Path log = Files.createTempFile("bench-", ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      if (confDir == null) {
        pb.environment().remove("HADOOP_CONF_DIR");
      } else {
        pb.environment().put("HADOOP_CONF_DIR", confDir);
      }
      Process p = pb.start();
      if (!p.waitFor(600, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new Sandbox.SandboxException(String.join(" ", cmd) + " took over 600 s");
      }
      if (p.exitValue() != 0) {
        throw new Sandbox.SandboxException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  static long rssWithChildren(long pid) {
    long total = rss(pid);
    for (ProcessHandle c : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
      total += rss(c.pid());
    }
    return total;
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Gone meanwhile.
    }
    return 0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
