package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.Sandbox.SandboxException;
import dev.hadoopkit.sandbox.cluster.DaemonLauncher;
import dev.hadoopkit.sandbox.cluster.DaemonSpec;
import dev.hadoopkit.sandbox.cluster.HomeLock;
import dev.hadoopkit.sandbox.cluster.LogTail;
import dev.hadoopkit.sandbox.cluster.Role;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.cluster.Topology;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** {@code bin/sandbox stop-node} and {@code start-node}: one worker at a time, to watch the cluster cope. */
final class NodeControl {
  private final Sandbox sandbox;
  private final SandboxHome home;
  private final DaemonLauncher launcher;
  private final PrintStream out;

  NodeControl(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.home = sandbox.home();
    this.launcher = sandbox.launcher();
    this.out = sandbox.out();
  }

  /** Stops one worker (datanode-N, nodemanager-N) so the cluster's reaction can be watched. */
  void stop(String name) throws IOException, InterruptedException, SandboxException {
    Topology t = sandbox.requireTopology();
    try (HomeLock lock = sandbox.lock("stop-node " + name)) {
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

  /** Starts a stopped worker again and waits until it answers. */
  void start(String name, Duration timeout) throws IOException, InterruptedException, SandboxException {
    Topology t = sandbox.requireTopology();
    try (HomeLock lock = sandbox.lock("start-node " + name)) {
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
    sandbox.checkPorts(List.of(d));
    launcher.start(d, List.of());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!sandbox.isHealthy(t, d, null)) {
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
}
