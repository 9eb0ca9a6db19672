package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.Sandbox.SandboxException;
import dev.hadoopkit.sandbox.cluster.DaemonLauncher;
import dev.hadoopkit.sandbox.cluster.DaemonSpec;
import dev.hadoopkit.sandbox.cluster.FileTrees;
import dev.hadoopkit.sandbox.cluster.HadoopConfigWriter;
import dev.hadoopkit.sandbox.cluster.HealthProbe;
import dev.hadoopkit.sandbox.cluster.HomeLock;
import dev.hadoopkit.sandbox.cluster.LogTail;
import dev.hadoopkit.sandbox.cluster.PortProbe;
import dev.hadoopkit.sandbox.cluster.Role;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.cluster.Topology;
import dev.hadoopkit.sandbox.db.MysqlProbe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bin/sandbox up}: saves the topology, writes the configuration, formats HDFS on the first start, starts the
 * daemons that are not running in dependency order and waits until every one is healthy.
 */
final class SandboxUp {
  private final Sandbox sandbox;
  private final SandboxHome home;
  private final DaemonLauncher launcher;
  private final HealthProbe probe;
  private final PrintStream out;

  SandboxUp(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.home = sandbox.home();
    this.launcher = sandbox.launcher();
    this.probe = sandbox.probe();
    this.out = sandbox.out();
  }

  void up(UpRequest request) throws IOException, InterruptedException, SandboxException {
    Files.createDirectories(home.root());
    try (HomeLock lock = sandbox.lock("up")) {
      upLocked(request);
    }
  }

  private void upLocked(UpRequest request) throws IOException, InterruptedException, SandboxException {
    long t0 = System.nanoTime();
    Optional<Topology> saved = sandbox.savedTopology();
    Topology base = saved.orElse(Topology.defaults());
    List<String> running = saved.map(sandbox::runningDaemons).orElse(List.of());
    int offset = request.portOffset() != null ? request.portOffset() : base.portOffset();
    if (!running.isEmpty() && offset != base.portOffset()) {
      throw new SandboxException("The sandbox at " + home.root() + " is running with port offset "
          + base.portOffset() + "; run `bin/sandbox down" + sandbox.homeHint() + "` before changing it");
    }
    int dataNodes = request.dataNodes() != null ? request.dataNodes() : base.dataNodes();
    int nodeManagers = request.nodeManagers() != null ? request.nodeManagers() : base.nodeManagers();
    int replication = request.replication() != null ? request.replication()
        : saved.isPresent() && request.dataNodes() == null ? base.replication() : Math.min(dataNodes, 3);
    boolean database = !request.noDatabase();
    int dbPort = request.dbPort() != null ? request.dbPort()
        : Topology.DEFAULT_DB_PORT + offset;
    Topology topology;
    try {
      topology = new Topology(dataNodes, nodeManagers, replication, offset, database, false, dbPort);
    } catch (IllegalArgumentException e) {
      throw new SandboxException(e.getMessage());
    }
    topology = topology.withEmbeddedDatabase(database && needsEmbeddedDatabase(topology));

    Files.createDirectories(home.root());
    topology.save(home.topologyFile());
    new HadoopConfigWriter(home, topology).writeAll();

    List<DaemonSpec> toStart = new ArrayList<>();
    for (DaemonSpec d : topology.daemons()) {
      if (launcher.runningPid(d.name()).isEmpty()) {
        if (launcher.hasStalePidFile(d.name())) {
          out.println("  " + d.name() + ": stale PID file (the daemon died); starting it again");
        }
        launcher.forgetPid(d.name());
        toStart.add(d);
      }
    }
    if (toStart.isEmpty()) {
      out.println("The sandbox at " + home.root() + " is already up.");
      sandbox.status();
      return;
    }
    sandbox.checkPorts(toStart);
    if (running.isEmpty()) {
      launcher.linkJars();
    }
    if (!Files.isRegularFile(home.nameDir().resolve("current").resolve("VERSION"))) {
      out.println("Formatting HDFS (first start) ...");
      for (int i = 1; i <= Topology.MAX_NODES; i++) {
        Path dn = home.daemonData("datanode-" + i);
        if (launcher.runningPid("datanode-" + i).isEmpty() && Files.exists(dn)) {
          FileTrees.delete(dn);
        }
      }
      Files.createDirectories(home.logs());
      launcher.formatNameNode();
    }
    out.println("Starting " + String.join(", ", toStart.stream().map(DaemonSpec::name).toList()) + " ...");
    waitHealthy(topology, toStart, request.timeout());
    out.printf(Locale.ROOT, "Sandbox up in %.1f s.%n%n", (System.nanoTime() - t0) / 1e9);
    printWelcome(topology);
  }

  private boolean needsEmbeddedDatabase(Topology t) throws SandboxException {
    if (launcher.runningPid("database").isPresent()) {
      return true;
    }
    if (MysqlProbe.serverVersion(t.dbPort()).isPresent()) {
      return false;
    }
    if (!PortProbe.isFree(t.dbPort())) {
      throw new SandboxException("Port " + t.dbPort() + " (database) is taken by " + PortProbe.holderOf(t.dbPort())
          + ", which does not answer as MySQL. Use --db-port N, --port-offset N or --no-db");
    }
    if (home.root().toString().chars().anyMatch(Character::isWhitespace)) {
      throw new SandboxException("The embedded MariaDB cannot live under a path with spaces (" + home.root()
          + "): MariaDB's install script splits it. Use a --home without spaces, --db-port P for a running"
          + " MySQL/MariaDB, or --no-db");
    }
    return true;
  }

  private List<String> databaseArgs(Topology t) {
    Path db = home.daemonDir("database");
    return List.of("--port", Integer.toString(t.dbPort()), "--base-dir", db.resolve("base").toString(),
        "--data-dir", home.daemonData("database").toString());
  }

  private void waitHealthy(Topology t, List<DaemonSpec> toStart, Duration timeout)
      throws IOException, InterruptedException, SandboxException {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    Set<String> pending = new LinkedHashSet<>(toStart.stream().map(DaemonSpec::name).toList());
    Set<String> started = new HashSet<>();
    Set<String> healthy = new HashSet<>();
    long safeModeSince = -1;
    while (true) {
      HealthProbe.HdfsState hdfs = probe.hdfs(t.nameNodeHttpPort()).orElse(null);
      boolean rmListening = PortProbe.isListening(t.rmTrackerPort());
      boolean nameNodeReady = hdfs != null && !hdfs.safeMode();
      for (DaemonSpec d : toStart) {
        if (!pending.contains(d.name())) {
          continue;
        }
        // An NM that keeps retrying an absent RM ignores SIGTERM; the JobHistory needs HDFS out of safe mode.
        boolean ready = switch (d.role()) {
          case NODEMANAGER -> rmListening;
          case JOBHISTORY -> nameNodeReady;
          default -> true;
        };
        if (ready) {
          launcher.start(d, d.role() == Role.DATABASE ? databaseArgs(t) : List.of());
          pending.remove(d.name());
          started.add(d.name());
        }
      }
      for (String name : started) {
        if (launcher.runningPid(name).isEmpty()) {
          throw new SandboxException(name + " died while starting. The end of " + home.log(name) + ":\n"
              + LogTail.of(home.log(name), 20) + "\nFix the cause, then run `bin/sandbox up" + sandbox.homeHint()
              + "` again (the running daemons are kept).");
        }
      }
      for (DaemonSpec d : t.daemons()) {
        if (!healthy.contains(d.name()) && sandbox.isHealthy(t, d, hdfs)) {
          healthy.add(d.name());
          if (started.contains(d.name())) {
            out.printf(Locale.ROOT, "  %-16s up after %5.1f s%n", d.name(), (System.nanoTime() - t0) / 1e9);
          }
        }
      }
      if (hdfs != null && hdfs.safeMode() && hdfs.liveDataNodes() >= t.dataNodes()) {
        if (safeModeSince < 0) {
          safeModeSince = System.nanoTime();
        } else if (System.nanoTime() - safeModeSince > Duration.ofSeconds(20).toNanos()) {
          out.println("  the NameNode stays in safe mode with every DataNode live; leaving safe mode");
          HdfsAdmin.leaveSafeMode(home.clientConf());
          safeModeSince = -1;
        }
      }
      boolean allHealthy = healthy.size() == t.daemons().size()
          && hdfs != null && hdfs.liveDataNodes() >= t.dataNodes()
          && probe.yarn(t.rmHttpPort()).map(y -> y.activeNodes() >= t.nodeManagers()).orElse(false);
      if (allHealthy) {
        return;
      }
      if (System.nanoTime() > deadline) {
        List<String> notUp = t.daemons().stream().map(DaemonSpec::name).filter(n -> !healthy.contains(n)).toList();
        throw new SandboxException("The sandbox was not healthy after " + timeout.toSeconds() + " s"
            + (notUp.isEmpty() ? " (DataNodes or NodeManagers not registered)" : "; not up: " + notUp)
            + ". See the logs in " + home.logs() + ", `bin/sandbox status" + sandbox.homeHint() + "`");
      }
      Thread.sleep(400);
    }
  }

  private void printWelcome(Topology t) {
    out.println("Web UIs:");
    out.println("  NameNode        http://127.0.0.1:" + t.nameNodeHttpPort() + "/");
    out.println("  ResourceManager http://127.0.0.1:" + t.rmHttpPort() + "/");
    out.println("  JobHistory      http://127.0.0.1:" + t.historyHttpPort() + "/");
    out.println("  DataNode        http://127.0.0.1:" + t.dataNodeHttpPort(1) + "/   NodeManager http://127.0.0.1:"
        + t.nodeManagerHttpPort(1) + "/");
    if (t.database()) {
      out.println("Database: jdbc:mariadb://127.0.0.1:" + t.dbPort() + "/ (user root, no password)"
          + (t.embeddedDatabase() ? ", embedded MariaDB" : ", the local server"));
    }
    out.println();
    out.println("Use it from this shell:");
    out.println("  eval \"$(bin/sandbox env" + sandbox.homeHint() + ")\"");
    out.println("  bin/hadoop fs -ls /");
    out.println("  bin/sandbox load-movielens" + sandbox.homeHint() + " ../shared/datasets/ml-100k");
    out.println("  bin/hdfs dfsadmin -report; bin/yarn node -list; bin/mapred job -list");
    out.println("Stop it: bin/sandbox down" + sandbox.homeHint());
  }
}
