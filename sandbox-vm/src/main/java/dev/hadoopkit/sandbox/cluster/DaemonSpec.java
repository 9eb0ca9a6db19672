package dev.hadoopkit.sandbox.cluster;

import java.util.List;

/**
 * One daemon of a sandbox: its name (also its directory, log and PID file), role, worker index (1-based, 0 for
 * singletons), the ports it listens on and the HTTP port its health is read from (0: none).
 */
public record DaemonSpec(String name, Role role, int index, List<Integer> ports, int httpPort) {
  public DaemonSpec {
    ports = List.copyOf(ports);
  }
}
