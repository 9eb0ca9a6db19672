package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.Sandbox.SandboxException;
import dev.hadoopkit.sandbox.cluster.DaemonLauncher;
import dev.hadoopkit.sandbox.cluster.DaemonSpec;
import dev.hadoopkit.sandbox.cluster.HealthProbe;
import dev.hadoopkit.sandbox.cluster.LogTail;
import dev.hadoopkit.sandbox.cluster.Role;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.cluster.Topology;
import dev.hadoopkit.sandbox.db.MysqlProbe;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code bin/sandbox status}: each daemon's PID, ports and health, then HDFS, YARN and the database. */
final class SandboxStatus {
  private final Sandbox sandbox;
  private final SandboxHome home;
  private final DaemonLauncher launcher;
  private final HealthProbe probe;
  private final PrintStream out;

  SandboxStatus(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.home = sandbox.home();
    this.launcher = sandbox.launcher();
    this.probe = sandbox.probe();
    this.out = sandbox.out();
  }

  /** Prints each daemon's PID, ports and health, HDFS and YARN summaries and the database; true if all healthy. */
  boolean print() throws IOException, SandboxException {
    Topology t = sandbox.requireTopology();
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
      } else if (sandbox.isHealthy(t, d, hdfs)) {
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
}
