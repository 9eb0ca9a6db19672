package dev.hadoopkit.sandbox.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a sandbox runs and on which ports: the number of DataNodes and NodeManagers, the replication, the
 * port offset and the database. Immutable; saved as {@code <home>/sandbox.properties} so later commands
 * (status, down, stop-node) see the cluster that {@code up} started.
 */
public record Topology(int dataNodes, int nodeManagers, int replication, int portOffset, boolean database,
    boolean embeddedDatabase, int dbPort) {

  public static final int MAX_NODES = 9;
  public static final int DEFAULT_DB_PORT = 3306;

  public Topology {
    if (dataNodes < 1 || dataNodes > MAX_NODES) {
      throw new IllegalArgumentException("Invalid --datanodes " + dataNodes + ": use 1 to " + MAX_NODES);
    }
    if (nodeManagers < 1 || nodeManagers > MAX_NODES) {
      throw new IllegalArgumentException("Invalid --nodemanagers " + nodeManagers + ": use 1 to " + MAX_NODES);
    }
    if (replication < 1 || replication > dataNodes) {
      throw new IllegalArgumentException("Invalid --replication " + replication
          + ": use 1 to the number of DataNodes (" + dataNodes + ")");
    }
    if (portOffset < -8000 || portOffset > 50000) {
      throw new IllegalArgumentException("Invalid --port-offset " + portOffset + ": use -8000 to 50000");
    }
    if (dbPort < 1 || dbPort > 65535) {
      throw new IllegalArgumentException("Invalid database port " + dbPort);
    }
  }

  public static Topology defaults() {
    return new Topology(1, 1, 1, 0, true, false, DEFAULT_DB_PORT);
  }

  public Topology withEmbeddedDatabase(boolean embedded) {
    return new Topology(dataNodes, nodeManagers, replication, portOffset, database, embedded, dbPort);
  }

  // Hadoop's usual ports, moved by the offset. Worker i (1-based) gets its own block of ports.
  public int nameNodeRpcPort() { return 9000 + portOffset; }
  public int nameNodeHttpPort() { return 9870 + portOffset; }
  public int dataNodeXferPort(int i) { return 9866 + 10 * (i - 1) + portOffset; }
  public int dataNodeHttpPort(int i) { return 9864 + 10 * (i - 1) + portOffset; }
  public int dataNodeIpcPort(int i) { return 9867 + 10 * (i - 1) + portOffset; }
  public int rmSchedulerPort() { return 8030 + portOffset; }
  public int rmTrackerPort() { return 8031 + portOffset; }
  public int rmRpcPort() { return 8032 + portOffset; }
  public int rmAdminPort() { return 8033 + portOffset; }
  public int rmHttpPort() { return 8088 + portOffset; }
  public int nodeManagerLocalizerPort(int i) { return 8040 + 100 * (i - 1) + portOffset; }
  public int nodeManagerRpcPort(int i) { return 8041 + 100 * (i - 1) + portOffset; }
  public int nodeManagerHttpPort(int i) { return 8042 + 100 * (i - 1) + portOffset; }
  public int shufflePort(int i) { return 13562 + (i - 1) + portOffset; }
  public int historyRpcPort() { return 10020 + portOffset; }
  public int historyAdminPort() { return 10033 + portOffset; }
  public int historyHttpPort() { return 19888 + portOffset; }

  /** Every daemon of this topology, in start order (the database first, then HDFS, YARN, history). */
  public List<DaemonSpec> daemons() {
    List<DaemonSpec> all = new ArrayList<>();
    if (database && embeddedDatabase) {
      all.add(new DaemonSpec("database", Role.DATABASE, 0, List.of(dbPort), 0));
    }
    all.add(new DaemonSpec("namenode", Role.NAMENODE, 0, List.of(nameNodeRpcPort(), nameNodeHttpPort()),
        nameNodeHttpPort()));
    for (int i = 1; i <= dataNodes; i++) {
      all.add(new DaemonSpec("datanode-" + i, Role.DATANODE, i,
          List.of(dataNodeXferPort(i), dataNodeHttpPort(i), dataNodeIpcPort(i)), dataNodeHttpPort(i)));
    }
    all.add(new DaemonSpec("resourcemanager", Role.RESOURCEMANAGER, 0,
        List.of(rmRpcPort(), rmSchedulerPort(), rmTrackerPort(), rmAdminPort(), rmHttpPort()), rmHttpPort()));
    for (int i = 1; i <= nodeManagers; i++) {
      all.add(new DaemonSpec("nodemanager-" + i, Role.NODEMANAGER, i,
          List.of(nodeManagerRpcPort(i), nodeManagerLocalizerPort(i), nodeManagerHttpPort(i), shufflePort(i)),
          nodeManagerHttpPort(i)));
    }
    all.add(new DaemonSpec("jobhistory", Role.JOBHISTORY, 0,
        List.of(historyRpcPort(), historyAdminPort(), historyHttpPort()), historyHttpPort()));
    return List.copyOf(all);
  }

  public DaemonSpec daemon(String name) {
    return daemons().stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown node '" + name + "': this sandbox has "
            + String.join(", ", daemons().stream().map(DaemonSpec::name).toList())));
  }

  public void save(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("datanodes", Integer.toString(dataNodes));
    p.setProperty("nodemanagers", Integer.toString(nodeManagers));
    p.setProperty("replication", Integer.toString(replication));
    p.setProperty("port.offset", Integer.toString(portOffset));
    p.setProperty("database", Boolean.toString(database));
    p.setProperty("database.embedded", Boolean.toString(embeddedDatabase));
    p.setProperty("database.port", Integer.toString(dbPort));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp)) {
      p.store(w, "bin/sandbox topology; written by `sandbox up`");
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public static Topology load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return new Topology(intOf(p, "datanodes", file), intOf(p, "nodemanagers", file), intOf(p, "replication", file),
        intOf(p, "port.offset", file), Boolean.parseBoolean(p.getProperty("database", "false")),
        Boolean.parseBoolean(p.getProperty("database.embedded", "false")), intOf(p, "database.port", file));
  }

  private static int intOf(Properties p, String key, Path file) throws IOException {
    String v = p.getProperty(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IOException("Invalid " + key + "=" + v + " in " + file + ": run `bin/sandbox down --wipe` and up again");
    }
  }
}
