package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.cluster.DaemonLauncher;
import dev.hadoopkit.sandbox.cluster.DaemonSpec;
import dev.hadoopkit.sandbox.cluster.HealthProbe;
import dev.hadoopkit.sandbox.cluster.HomeLock;
import dev.hadoopkit.sandbox.cluster.PortProbe;
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
import java.util.List;
import java.util.Optional;

/**
 * A sandbox cluster under one home directory: its saved topology, its lock, and the health of its daemons. Every
 * daemon is a separate JVM running the real Hadoop main class; see {@link Topology} for what runs on which port.
 * The commands are one class each: {@link SandboxUp}, {@link SandboxStatus}, {@link SandboxDown},
 * {@link NodeControl} (stop-node, start-node) and {@link SandboxEnv}; the methods here hand over to them.
 */
public final class Sandbox {

  /** Raised for conditions the user can fix (a port taken, a daemon that died); the message says how. */
  public static final class SandboxException extends Exception {
    public SandboxException(String message) {
      super(message);
    }
  }

  /** How long up, down, start-node and stop-node wait for another of them on the same home. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(3);

  private final SandboxHome home;
  private final Clock clock;
  private final DaemonLauncher launcher;
  private final HealthProbe probe = new HealthProbe();
  private final PrintStream out;

  public Sandbox(SandboxHome home, Path webroot, PrintStream out) {
    this(home, webroot, out, Clock.systemUTC());
  }

  Sandbox(SandboxHome home, Path webroot, PrintStream out, Clock clock) {
    this.home = home;
    this.launcher = new DaemonLauncher(home, webroot);
    this.out = out;
    this.clock = clock;
  }

  public SandboxHome home() {
    return home;
  }

  DaemonLauncher launcher() {
    return launcher;
  }

  HealthProbe probe() {
    return probe;
  }

  PrintStream out() {
    return out;
  }

  Optional<Topology> savedTopology() throws IOException {
    return Files.isRegularFile(home.topologyFile()) ? Optional.of(Topology.load(home.topologyFile()))
        : Optional.empty();
  }

  /** The saved topology, or a clear error when this home has never been brought up. */
  public Topology requireTopology() throws IOException, SandboxException {
    return savedTopology().orElseThrow(() -> new SandboxException("No sandbox at " + home.root()
        + ": start one with `bin/sandbox up" + homeHint() + "`"));
  }

  /** {@code " --home DIR"} for the commands this sandbox prints, empty for the default home. */
  String homeHint() {
    return home.root().equals(SandboxCli.defaultHome()) ? "" : " --home " + home.root();
  }

  void up(UpRequest request) throws IOException, InterruptedException, SandboxException {
    new SandboxUp(this).up(request);
  }

  /** Prints each daemon's PID, ports and health, HDFS and YARN summaries and the database; true if all healthy. */
  boolean status() throws IOException, SandboxException {
    return new SandboxStatus(this).print();
  }

  /** Stops every daemon this sandbox started (by PID) and anything left running from its directories. */
  void down(boolean wipe) throws IOException, InterruptedException, SandboxException {
    new SandboxDown(this).down(wipe);
  }

  void stopNode(String name) throws IOException, InterruptedException, SandboxException {
    new NodeControl(this).stop(name);
  }

  void startNode(String name, Duration timeout) throws IOException, InterruptedException, SandboxException {
    new NodeControl(this).start(name, timeout);
  }

  String env() throws IOException, SandboxException {
    return new SandboxEnv(this).exports();
  }

  /**
   * One command at a time changes a home: a second one waits {@link #LOCK_WAIT} for the first, then gives up
   * naming it (two concurrent {@code up}s both formatted HDFS and left daemons outside the PID files).
   */
  HomeLock lock(String command) throws IOException, InterruptedException, SandboxException {
    try {
      return HomeLock.acquire(home, command, LOCK_WAIT, clock);
    } catch (HomeLock.BusyException e) {
      throw new SandboxException(e.getMessage());
    }
  }

  /** The daemons of {@code t} whose PID file names a live process. */
  List<String> runningDaemons(Topology t) {
    List<String> names = new ArrayList<>();
    for (DaemonSpec d : t.daemons()) {
      if (launcher.runningPid(d.name()).isPresent()) {
        names.add(d.name());
      }
    }
    return names;
  }

  /** Fails naming every port of {@code toStart} that another process holds, and the way out. */
  void checkPorts(List<DaemonSpec> toStart) throws SandboxException {
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

  /** Whether daemon {@code d} answers as healthy; {@code hdfs} is the NameNode's state, or null. */
  boolean isHealthy(Topology t, DaemonSpec d, HealthProbe.HdfsState hdfs) {
    return switch (d.role()) {
      case NAMENODE -> hdfs != null && !hdfs.safeMode();
      case DATANODE -> probe.dataNodeUp(d.httpPort());
      case RESOURCEMANAGER -> probe.yarn(d.httpPort()).map(y -> "STARTED".equals(y.state())).orElse(false);
      case NODEMANAGER -> probe.nodeManagerHealthy(d.httpPort());
      case JOBHISTORY -> probe.historyUp(d.httpPort());
      case DATABASE -> MysqlProbe.serverVersion(t.dbPort()).isPresent();
    };
  }
}
