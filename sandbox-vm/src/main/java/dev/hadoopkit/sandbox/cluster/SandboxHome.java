package dev.hadoopkit.sandbox.cluster;

import java.nio.file.Path;

/** The layout of a sandbox home: client conf, per-daemon conf and data, logs, PID files, the jar links. */
public record SandboxHome(Path root) {

  public SandboxHome {
    root = root.toAbsolutePath().normalize();
  }

  /** The client configuration directory: what HADOOP_CONF_DIR points at. */
  public Path clientConf() { return root.resolve("conf"); }
  /** Symbolic links to every jar of the daemon classpath: the daemons and YARN containers use {@code lib/*}. */
  public Path lib() { return root.resolve("lib"); }
  public Path logs() { return root.resolve("logs"); }
  public Path pids() { return root.resolve("pids"); }
  public Path tmp() { return root.resolve("tmp"); }
  public Path topologyFile() { return root.resolve("sandbox.properties"); }
  public Path daemonDir(String name) { return root.resolve("daemons").resolve(name); }
  public Path daemonConf(String name) { return daemonDir(name).resolve("conf"); }
  public Path daemonData(String name) { return daemonDir(name).resolve("data"); }
  public Path log(String name) { return logs().resolve(name + ".log"); }
  public Path pidFile(String name) { return pids().resolve(name + ".pid"); }
  /** The NameNode's metadata directory; formatted once, on the first {@code up}. */
  public Path nameDir() { return daemonData("namenode").resolve("name"); }
}
