package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.Sandbox.SandboxException;
import dev.hadoopkit.sandbox.cluster.DaemonLauncher;
import dev.hadoopkit.sandbox.cluster.FileTrees;
import dev.hadoopkit.sandbox.cluster.HomeLock;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.cluster.Topology;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code bin/sandbox down}: stops every daemon this sandbox started (by PID, NodeManagers and the JobHistory first)
 * and anything left running from its directories; {@code --wipe} then deletes the home.
 */
final class SandboxDown {
  private final Sandbox sandbox;
  private final SandboxHome home;
  private final DaemonLauncher launcher;
  private final PrintStream out;

  SandboxDown(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.home = sandbox.home();
    this.launcher = sandbox.launcher();
    this.out = sandbox.out();
  }

  void down(boolean wipe) throws IOException, InterruptedException, SandboxException {
    if (!Files.isDirectory(home.root())) {
      downLocked(wipe);
      return;
    }
    try (HomeLock lock = sandbox.lock("down")) {
      downLocked(wipe);
    }
  }

  private void downLocked(boolean wipe) throws IOException, InterruptedException, SandboxException {
    long t0 = System.nanoTime();
    Set<String> names = new LinkedHashSet<>();
    Optional<Topology> saved = sandbox.savedTopology();
    if (saved.isEmpty() && !Files.isDirectory(home.pids())) {
      if (wipe) {
        throw new SandboxException("No sandbox at " + home.root() + ": nothing to stop or wipe");
      }
      out.println("No sandbox at " + home.root() + ": nothing to stop.");
      return;
    }
    saved.ifPresent(t -> t.daemons().forEach(d -> names.add(d.name())));
    if (Files.isDirectory(home.pids())) {
      try (Stream<Path> s = Files.list(home.pids())) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pid"))
            .forEach(n -> names.add(n.substring(0, n.length() - 4)));
      }
    }
    List<String> first = names.stream().filter(n -> n.startsWith("nodemanager-") || n.equals("jobhistory")).toList();
    List<String> rest = names.stream().filter(n -> !first.contains(n)).toList();
    List<String> killed = new ArrayList<>(launcher.stop(first, Duration.ofSeconds(7)));
    killed.addAll(launcher.stop(rest, Duration.ofSeconds(6)));
    int orphans = launcher.sweepOrphans();
    List<String> still = names.stream().filter(n -> launcher.runningPid(n).isPresent()).toList();
    if (!still.isEmpty()) {
      throw new SandboxException("Could not stop " + still + "; see the PID files in " + home.pids());
    }
    out.printf(Locale.ROOT, "Sandbox stopped in %.1f s%s%s.%n", (System.nanoTime() - t0) / 1e9,
        killed.isEmpty() ? "" : " (SIGKILL after the grace period: " + String.join(", ", killed) + ")",
        orphans == 0 ? "" : " (" + orphans + " leftover container processes stopped)");
    if (wipe) {
      if (!Files.isRegularFile(home.topologyFile())) {
        throw new SandboxException("Not wiping " + home.root() + ": it has no sandbox.properties, so it may not be"
            + " a sandbox home");
      }
      FileTrees.delete(home.root());
      out.println("Wiped " + home.root() + " (HDFS data, database data, logs, configuration).");
    }
  }
}
