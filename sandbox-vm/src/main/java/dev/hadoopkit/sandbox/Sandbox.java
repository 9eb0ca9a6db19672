package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.cluster.DaemonLauncher;
import dev.hadoopkit.sandbox.cluster.DaemonSpec;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A sandbox cluster under one home directory: starts, checks and stops its daemons. Every daemon is a separate JVM
 * running the real Hadoop main class; see {@link Topology} for what runs on which port.
 */
public final class Sandbox {

  /** Raised for conditions the user can fix (a port taken, a daemon that died); the message says how. */
  public static final class SandboxException extends Exception {
    public SandboxException(String message) {
      super(message);
    }
  }

  /** What {@code up} was asked for; null fields keep the saved topology's (or the default) value. */
  public record UpRequest(Integer dataNodes, Integer nodeManagers, Integer replication, Integer portOffset,
      boolean noDatabase, Integer dbPort, Duration timeout) {
  }

  /** How long up, down, start-node and stop-node wait for another of them on the same home. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(3);

  private final SandboxHome home;
  private final Clock clock = Clock.systemUTC();
  private final DaemonLauncher launcher;
  private final HealthProbe probe = new HealthProbe();
  private final PrintStream out;

  public Sandbox(SandboxHome home, Path webroot, PrintStream out) {
    this.home = home;
    this.launcher = new DaemonLauncher(home, webroot);
    this.out = out;
  }

  public SandboxHome home() {
    return home;
  }

  public Optional<Topology> savedTopology() throws IOException {
    return Files.isRegularFile(home.topologyFile()) ? Optional.of(Topology.load(home.topologyFile()))
        : Optional.empty();
  }

  /** The saved topology, or a clear error when this home has never been brought up. */
  public Topology requireTopology() throws IOException, SandboxException {
    return savedTopology().orElseThrow(() -> new SandboxException("No sandbox at " + home.root()
        + ": start one with `bin/sandbox up" + homeHint() + "`"));
  }

  private String homeHint() {
    return home.root().equals(SandboxCli.defaultHome()) ? "" : " --home " + home.root();
  }

  // ---------------------------------------------------------------------------------------------------- up

  public void up(UpRequest request) throws IOException, InterruptedException, SandboxException {
    Files.createDirectories(home.root());
    try (HomeLock lock = lock("up")) {
      upLocked(request);
    }
  }

  /**
   * One command at a time changes a home: a second one waits {@link #LOCK_WAIT} for the first, then gives up
   * naming it (two concurrent {@code up}s both formatted HDFS and left daemons outside the PID files).
   */
  private HomeLock lock(String command) throws IOException, InterruptedException, SandboxException {
    try {
      return HomeLock.acquire(home, command, LOCK_WAIT, clock);
    } catch (HomeLock.BusyException e) {
      throw new SandboxException(e.getMessage());
    }
  }

  private void upLocked(UpRequest request) throws IOException, InterruptedException, SandboxException {
    long t0 = System.nanoTime();
    Optional<Topology> saved = savedTopology();
    Topology base = saved.orElse(Topology.defaults());
    List<String> running = saved.map(this::runningDaemons).orElse(List.of());
    int offset = request.portOffset() != null ? request.portOffset() : base.portOffset();
    if (!running.isEmpty() && offset != base.portOffset()) {
      throw new SandboxException("The sandbox at " + home.root() + " is running with port offset "
          + base.portOffset() + "; run `bin/sandbox down" + homeHint() + "` before changing it");
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
      status();
      return;
    }
    checkPorts(toStart);
    if (running.isEmpty()) {
      launcher.linkJars();
    }
    if (!Files.isRegularFile(home.nameDir().resolve("current").resolve("VERSION"))) {
      out.println("Formatting HDFS (first start) ...");
      for (int i = 1; i <= Topology.MAX_NODES; i++) {
        Path dn = home.daemonData("datanode-" + i);
        if (launcher.runningPid("datanode-" + i).isEmpty() && Files.exists(dn)) {
          deleteTree(dn);
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

  private void checkPorts(List<DaemonSpec> toStart) throws SandboxException {
    List<String> problems = new ArrayList<>();
    for (DaemonSpec d : toStart) {
      for (int port : d.ports()) {
        if (!PortProbe.isFree(port)) {
          problems.add("port " + port + " (" + d.name() + ") is taken by " + PortProbe.holderOf(port));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SandboxException("Cannot start the sandbox: " + String.join("; ", problems)
          + ". Stop that process, or move every sandbox port with `bin/sandbox up --port-offset 1000`");
    }
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
              + LogTail.of(home.log(name), 20) + "\nFix the cause, then run `bin/sandbox up" + homeHint()
              + "` again (the running daemons are kept).");
        }
      }
      for (DaemonSpec d : t.daemons()) {
        if (!healthy.contains(d.name()) && isHealthy(t, d, hdfs)) {
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
            + ". See the logs in " + home.logs() + ", `bin/sandbox status" + homeHint() + "`");
      }
      Thread.sleep(400);
    }
  }

  private boolean isHealthy(Topology t, DaemonSpec d, HealthProbe.HdfsState hdfs) {
    return switch (d.role()) {
      case NAMENODE -> hdfs != null && !hdfs.safeMode();
      case DATANODE -> probe.dataNodeUp(d.httpPort());
      case RESOURCEMANAGER -> probe.yarn(d.httpPort()).map(y -> "STARTED".equals(y.state())).orElse(false);
      case NODEMANAGER -> probe.nodeManagerHealthy(d.httpPort());
      case JOBHISTORY -> probe.historyUp(d.httpPort());
      case DATABASE -> MysqlProbe.serverVersion(t.dbPort()).isPresent();
    };
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
    out.println("  eval \"$(bin/sandbox env" + homeHint() + ")\"");
    out.println("  bin/hadoop fs -ls /");
    out.println("  bin/sandbox load-movielens" + homeHint() + " ../shared/datasets/ml-100k");
    out.println("  bin/hdfs dfsadmin -report; bin/yarn node -list; bin/mapred job -list");
    out.println("Stop it: bin/sandbox down" + homeHint());
  }

  // ------------------------------------------------------------------------------------------------ status

  private List<String> runningDaemons(Topology t) {
    List<String> names = new ArrayList<>();
    for (DaemonSpec d : t.daemons()) {
      if (launcher.runningPid(d.name()).isPresent()) {
        names.add(d.name());
      }
    }
    return names;
  }

  /** Prints each daemon's PID, ports and health, HDFS and YARN summaries and the database; true if all healthy. */
  public boolean status() throws IOException, SandboxException {
    Topology t = requireTopology();
    HealthProbe.HdfsState hdfs = probe.hdfs(t.nameNodeHttpPort()).orElse(null);
    boolean allOk = true;
    out.println("Sandbox " + home.root() + " (port offset " + t.portOffset() + ")");
    out.printf(Locale.ROOT, "  %-16s %-8s %-28s %s%n", "DAEMON", "PID", "PORTS", "HEALTH");
    List<String> dead = new ArrayList<>();
    for (DaemonSpec d : t.daemons()) {
      OptionalLong pid = launcher.runningPid(d.name());
      String health;
      if (pid.isEmpty()) {
        allOk = false;
        boolean crashed = launcher.hasStalePidFile(d.name());
        health = crashed ? "DEAD (its PID file remains: it crashed or was killed)" : "stopped";
        if (crashed) {
          dead.add(d.name());
        }
      } else if (isHealthy(t, d, hdfs)) {
        health = d.role() == Role.NAMENODE ? "ok (active, out of safe mode)" : "ok";
      } else {
        allOk = false;
        health = d.role() == Role.NAMENODE && hdfs != null ? "in safe mode" : "not answering";
      }
      out.printf(Locale.ROOT, "  %-16s %-8s %-28s %s%n", d.name(), pid.isPresent() ? pid.getAsLong() : "-",
          String.join(",", d.ports().stream().map(String::valueOf).toList()), health);
    }
    if (hdfs != null) {
      out.printf(Locale.ROOT, "HDFS: %d of %d DataNodes live (%d dead), capacity %s, used %s, remaining %s,"
              + " %d missing and %d under-replicated blocks, replication %d%s%n",
          hdfs.liveDataNodes(), t.dataNodes(), hdfs.deadDataNodes(), human(hdfs.capacity()), human(hdfs.used()),
          human(hdfs.remaining()), hdfs.missingBlocks(), hdfs.underReplicatedBlocks(), t.replication(),
          hdfs.safeMode() ? ", SAFE MODE" : "");
    } else {
      out.println("HDFS: the NameNode does not answer on http://127.0.0.1:" + t.nameNodeHttpPort());
    }
    Optional<HealthProbe.YarnState> yarn = probe.yarn(t.rmHttpPort());
    if (yarn.isPresent()) {
      HealthProbe.YarnState y = yarn.get();
      out.printf(Locale.ROOT, "YARN: %d of %d NodeManagers live (%d lost, %d unhealthy), %d applications running%n",
          y.activeNodes(), t.nodeManagers(), y.lostNodes(), y.unhealthyNodes(), y.appsRunning());
    } else {
      out.println("YARN: the ResourceManager does not answer on http://127.0.0.1:" + t.rmHttpPort());
    }
    if (t.database()) {
      Optional<String> version = MysqlProbe.serverVersion(t.dbPort());
      out.println("DB:   " + (version.isPresent()
          ? "MySQL protocol, server " + version.get() + " at 127.0.0.1:" + t.dbPort()
              + (t.embeddedDatabase() ? " (embedded, managed by the sandbox)" : " (the local server, not managed)")
          : "nothing answers on 127.0.0.1:" + t.dbPort()));
      if (version.isEmpty()) {
        allOk = false;
      }
    } else {
      out.println("DB:   none (--no-db)");
    }
    for (String name : dead) {
      out.println();
      out.println(name + " is dead. The end of " + home.log(name) + ":");
      out.println(LogTail.of(home.log(name), 15));
    }
    return allOk;
  }

  static String human(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }

  // -------------------------------------------------------------------------------------------------- down

  /** Stops every daemon this sandbox started (by PID) and anything left running from its directories. */
  public void down(boolean wipe) throws IOException, InterruptedException, SandboxException {
    if (!Files.isDirectory(home.root())) {
      downLocked(wipe);
      return;
    }
    try (HomeLock lock = lock("down")) {
      downLocked(wipe);
    }
  }

  private void downLocked(boolean wipe) throws IOException, InterruptedException, SandboxException {
    long t0 = System.nanoTime();
    Set<String> names = new LinkedHashSet<>();
    Optional<Topology> saved = savedTopology();
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
      deleteTree(home.root());
      out.println("Wiped " + home.root() + " (HDFS data, database data, logs, configuration).");
    }
  }

  // ------------------------------------------------------------------------------------ stop-node / start-node

  public void stopNode(String name) throws IOException, InterruptedException, SandboxException {
    Topology t = requireTopology();
    try (HomeLock lock = lock("stop-node " + name)) {
      stopNodeLocked(t, name);
    }
  }

  private void stopNodeLocked(Topology t, String name) throws IOException, InterruptedException, SandboxException {
    DaemonSpec d = worker(t, name);
    if (launcher.runningPid(name).isEmpty()) {
      throw new SandboxException(name + " is not running");
    }
    List<String> killed = launcher.stop(List.of(name), Duration.ofSeconds(8));
    out.println(name + " stopped" + (killed.isEmpty() ? "" : " (SIGKILL after 8 s)") + ". "
        + (d.role() == Role.DATANODE
            ? "The NameNode declares it dead after about 20 s and re-replicates its blocks; watch `bin/sandbox status`."
            : "The ResourceManager declares it lost after 20 s and reruns its containers elsewhere."));
  }

  public void startNode(String name, Duration timeout) throws IOException, InterruptedException, SandboxException {
    Topology t = requireTopology();
    try (HomeLock lock = lock("start-node " + name)) {
      startNodeLocked(t, name, timeout);
    }
  }

  private void startNodeLocked(Topology t, String name, Duration timeout)
      throws IOException, InterruptedException, SandboxException {
    DaemonSpec d = worker(t, name);
    if (launcher.runningPid(name).isPresent()) {
      out.println(name + " is already running.");
      return;
    }
    launcher.forgetPid(name);
    checkPorts(List.of(d));
    launcher.start(d, List.of());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!isHealthy(t, d, null)) {
      if (launcher.runningPid(name).isEmpty()) {
        throw new SandboxException(name + " died while starting. The end of " + home.log(name) + ":\n"
            + LogTail.of(home.log(name), 20));
      }
      if (System.nanoTime() > deadline) {
        throw new SandboxException(name + " did not answer within " + timeout.toSeconds() + " s; see " + home.log(name));
      }
      Thread.sleep(400);
    }
    out.println(name + " started (pid " + launcher.runningPid(name).orElse(-1) + ").");
  }

  private static DaemonSpec worker(Topology t, String name) throws SandboxException {
    DaemonSpec d;
    try {
      d = t.daemon(name);
    } catch (IllegalArgumentException e) {
      throw new SandboxException(e.getMessage());
    }
    if (!d.role().isWorker()) {
      throw new SandboxException("Invalid node '" + name + "': only datanode-N and nodemanager-N can be stopped"
          + " and started one by one; use `bin/sandbox down` for the rest");
    }
    return d;
  }

  // --------------------------------------------------------------------------------------------------- env

  public String env() throws IOException, SandboxException {
    Topology t = requireTopology();
    StringBuilder sb = new StringBuilder();
    sb.append("# The sandbox at ").append(home.root()).append(". Use: eval \"$(bin/sandbox env").append(homeHint())
        .append(")\"\n");
    sb.append("export HADOOP_CONF_DIR=").append(home.clientConf()).append('\n');
    sb.append("export SANDBOX_HOME=").append(home.root()).append('\n');
    if (t.database()) {
      sb.append("export SANDBOX_DB_URL=jdbc:mariadb://127.0.0.1:").append(t.dbPort()).append("/movielens\n");
    }
    return sb.toString();
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
