package dev.hadoopkit.sandbox.cluster;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the Hadoop configuration of a sandbox: one directory for clients ({@code <home>/conf}) and one per daemon
 * (DataNodes and NodeManagers differ in their ports and directories). Each holds core-, hdfs-, yarn- and
 * mapred-site.xml, capacity-scheduler.xml and log4j.properties.
 */
public final class HadoopConfigWriter {

  /** A lost DataNode is declared dead after 2 * recheck + 10 * heartbeat = 20 s. */
  static final int HEARTBEAT_SECONDS = 1;
  static final int RECHECK_MILLIS = 5000;
  static final String CONTAINER_JVM_OPTS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
  /**
   * Job history files are Avro records of {@code org.apache.hadoop.mapreduce.jobhistory} classes. Avro 1.12 (on the
   * sandbox's classpath through storage-formats) refuses to load classes outside its trusted packages, so without
   * this the JobHistoryServer cannot read a finished job and a second MRAppMaster attempt cannot recover the first
   * one's tasks (issue 15 defect 4). Only that package is trusted: Hadoop's own generated event classes.
   */
  public static final String TRUST_HISTORY_EVENTS =
      "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.apache.hadoop.mapreduce.jobhistory";
  /** A lost NodeManager (a lost host, with its containers) is declared lost after 20 s, as a DataNode is. */
  static final int NODEMANAGER_EXPIRY_MILLIS = 20_000;
  static final int NODEMANAGER_HEARTBEAT_MILLIS = 250;

  private final SandboxHome home;
  private final Topology topology;

  public HadoopConfigWriter(SandboxHome home, Topology topology) {
    this.home = home;
    this.topology = topology;
  }

  /** Writes the client directory and every daemon's directory. */
  public void writeAll() throws IOException {
    writeDir(home.clientConf(), null);
    for (DaemonSpec d : topology.daemons()) {
      if (d.role() != Role.DATABASE) {
        writeDir(home.daemonConf(d.name()), d);
      }
    }
  }

  private void writeDir(Path dir, DaemonSpec daemon) throws IOException {
    Files.createDirectories(dir);
    writeXml(dir.resolve("core-site.xml"), core());
    writeXml(dir.resolve("hdfs-site.xml"), hdfs(daemon));
    writeXml(dir.resolve("yarn-site.xml"), yarn(daemon));
    writeXml(dir.resolve("mapred-site.xml"), mapred(daemon));
    writeXml(dir.resolve("capacity-scheduler.xml"), capacityScheduler());
    writeAtomically(dir.resolve("log4j.properties"), daemon == null ? CLIENT_LOG4J : DAEMON_LOG4J);
  }

  Map<String, String> core() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("fs.defaultFS", "hdfs://127.0.0.1:" + topology.nameNodeRpcPort());
    c.put("hadoop.tmp.dir", home.tmp().toString());
    String user = System.getProperty("user.name");
    c.put("hadoop.proxyuser." + user + ".hosts", "*");
    c.put("hadoop.proxyuser." + user + ".groups", "*");
    c.put("ipc.client.connect.max.retries", "3");
    c.put("ipc.client.connect.retry.interval", "500");
    return c;
  }

  Map<String, String> hdfs(DaemonSpec daemon) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("dfs.replication", Integer.toString(topology.replication()));
    h.put("dfs.permissions.enabled", "false");
    h.put("dfs.namenode.rpc-address", "127.0.0.1:" + topology.nameNodeRpcPort());
    h.put("dfs.namenode.http-address", "127.0.0.1:" + topology.nameNodeHttpPort());
    h.put("dfs.namenode.name.dir", home.nameDir().toUri().toString());
    h.put("dfs.namenode.safemode.extension", "1000");
    h.put("dfs.namenode.safemode.min.datanodes", "0");
    h.put("dfs.heartbeat.interval", Integer.toString(HEARTBEAT_SECONDS));
    h.put("dfs.namenode.heartbeat.recheck-interval", Integer.toString(RECHECK_MILLIS));
    h.put("dfs.namenode.redundancy.interval.seconds", "1");
    h.put("dfs.namenode.replication.max-streams", "20");
    h.put("dfs.client.block.write.replace-datanode-on-failure.best-effort", "true");
    h.put("dfs.datanode.du.reserved", "0");
    // A small file's close waits for the NameNode to hear from a DataNode that its last block is complete; when it has
    // not yet, the client sleeps 400 ms before asking again (every launcher writes seven small files). Closing with
    // the last block committed (its length known, the replicas' reports on the way) removes those waits, as on
    // Hadoop clusters tuned for small files.
    h.put("dfs.namenode.file.close.num-committed-allowed", "1");
    int i = daemon != null && daemon.role() == Role.DATANODE ? daemon.index() : 1;
    h.put("dfs.datanode.address", "127.0.0.1:" + topology.dataNodeXferPort(i));
    h.put("dfs.datanode.http.address", "127.0.0.1:" + topology.dataNodeHttpPort(i));
    h.put("dfs.datanode.ipc.address", "127.0.0.1:" + topology.dataNodeIpcPort(i));
    if (daemon != null && daemon.role() == Role.DATANODE) {
      h.put("dfs.datanode.data.dir", home.daemonData(daemon.name()).toUri().toString());
    }
    return h;
  }

  Map<String, String> yarn(DaemonSpec daemon) {
    Map<String, String> y = new LinkedHashMap<>();
    y.put("yarn.resourcemanager.hostname", "127.0.0.1");
    y.put("yarn.resourcemanager.address", "127.0.0.1:" + topology.rmRpcPort());
    y.put("yarn.resourcemanager.scheduler.address", "127.0.0.1:" + topology.rmSchedulerPort());
    y.put("yarn.resourcemanager.resource-tracker.address", "127.0.0.1:" + topology.rmTrackerPort());
    y.put("yarn.resourcemanager.admin.address", "127.0.0.1:" + topology.rmAdminPort());
    y.put("yarn.resourcemanager.webapp.address", "127.0.0.1:" + topology.rmHttpPort());
    y.put("yarn.resourcemanager.connect.retry-interval.ms", "1000");
    y.put("yarn.nm.liveness-monitor.expiry-interval-ms", Integer.toString(NODEMANAGER_EXPIRY_MILLIS));
    // Containers are allocated on a NodeManager's heartbeat: at Hadoop's 1 s every launcher and every
    // ApplicationMaster waits half a second on average before it even starts (docs/benchmarks.md, cluster).
    y.put("yarn.resourcemanager.nodemanagers.heartbeat-interval-ms", Integer.toString(NODEMANAGER_HEARTBEAT_MILLIS));
    // Explicit (these are Hadoop's defaults): an ApplicationMaster that dies with its host gets one more attempt.
    y.put("yarn.resourcemanager.am.max-attempts", "2");
    y.put("yarn.resourcemanager.scheduler.class",
        "org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler");
    y.put("yarn.scheduler.minimum-allocation-mb", "256");
    y.put("yarn.scheduler.maximum-allocation-mb", "2048");
    y.put("yarn.nodemanager.resource.memory-mb", "4096");
    y.put("yarn.nodemanager.resource.cpu-vcores", "4");
    y.put("yarn.nodemanager.vmem-check-enabled", "false");
    y.put("yarn.nodemanager.pmem-check-enabled", "false");
    y.put("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "99.0");
    y.put("yarn.nodemanager.aux-services", "mapreduce_shuffle");
    y.put("yarn.nodemanager.aux-services.mapreduce_shuffle.class", "org.apache.hadoop.mapred.ShuffleHandler");
    y.put("yarn.nodemanager.delete.debug-delay-sec", "0");
    y.put("yarn.nodemanager.hostname", "127.0.0.1");
    // Container logs outlive their NodeManager's clean-up: `bin/yarn logs -applicationId …` (the command the workflow
    // engine prints for every launcher) reads them from HDFS, and the JobHistory UI links them.
    y.put("yarn.log-aggregation-enable", "true");
    y.put("yarn.nodemanager.remote-app-log-dir", "/tmp/logs");
    y.put("yarn.log-aggregation.retain-seconds", Integer.toString(7 * 24 * 3600));
    y.put("yarn.log.server.url", "http://127.0.0.1:" + topology.historyHttpPort() + "/jobhistory/logs");
    y.put("yarn.timeline-service.enabled", "false");
    // Containers (MRAppMaster, YarnChild) get the same jars as the daemons.
    y.put("yarn.application.classpath", home.clientConf() + "," + home.lib() + "/*");
    int i = daemon != null && daemon.role() == Role.NODEMANAGER ? daemon.index() : 1;
    y.put("yarn.nodemanager.address", "127.0.0.1:" + topology.nodeManagerRpcPort(i));
    y.put("yarn.nodemanager.localizer.address", "127.0.0.1:" + topology.nodeManagerLocalizerPort(i));
    y.put("yarn.nodemanager.webapp.address", "127.0.0.1:" + topology.nodeManagerHttpPort(i));
    if (daemon != null && daemon.role() == Role.NODEMANAGER) {
      Path data = home.daemonData(daemon.name());
      y.put("yarn.nodemanager.local-dirs", data.resolve("local").toString());
      y.put("yarn.nodemanager.log-dirs", data.resolve("container-logs").toString());
    }
    return y;
  }

  Map<String, String> mapred(DaemonSpec daemon) {
    Map<String, String> m = new LinkedHashMap<>();
    // Here, not in yarn-site.xml: once JobConf is loaded, mapred-default.xml (13562) overrides yarn-site.xml.
    int nm = daemon != null && daemon.role() == Role.NODEMANAGER ? daemon.index() : 1;
    m.put("mapreduce.shuffle.port", Integer.toString(topology.shufflePort(nm)));
    m.put("mapreduce.framework.name", "yarn");
    // Read by the job client: containers find the MapReduce framework in the sandbox's jar links.
    m.put("mapreduce.application.classpath", home.lib() + "/*");
    m.put("mapreduce.jobhistory.address", "127.0.0.1:" + topology.historyRpcPort());
    m.put("mapreduce.jobhistory.admin.address", "127.0.0.1:" + topology.historyAdminPort());
    m.put("mapreduce.jobhistory.webapp.address", "127.0.0.1:" + topology.historyHttpPort());
    m.put("mapreduce.jobhistory.move.interval-ms", "5000");
    m.put("yarn.app.mapreduce.am.resource.mb", "512");
    // The AM asks the ResourceManager for task containers on this beat (Hadoop's default 1 s), as often as NMs beat.
    m.put("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", Integer.toString(NODEMANAGER_HEARTBEAT_MILLIS));
    m.put("yarn.app.mapreduce.am.command-opts", CONTAINER_JVM_OPTS);
    // Admin options go first on the MRAppMaster's command line and survive a job's own am.command-opts.
    m.put("yarn.app.mapreduce.am.admin-command-opts", TRUST_HISTORY_EVENTS);
    // The second attempt of an ApplicationMaster takes over the first one's finished tasks from its history file.
    m.put("mapreduce.am.max-attempts", "2");
    m.put("yarn.app.mapreduce.am.job.recovery.enable", "true");
    m.put("mapreduce.map.memory.mb", "512");
    m.put("mapreduce.reduce.memory.mb", "512");
    m.put("mapreduce.map.java.opts", CONTAINER_JVM_OPTS);
    m.put("mapreduce.reduce.java.opts", CONTAINER_JVM_OPTS);
    m.put("mapreduce.task.io.sort.mb", "64");
    // The default 10 replicas of job files can never be met by a small cluster and shows up in fsck.
    m.put("mapreduce.client.submit.file.replication", Integer.toString(topology.replication()));
    // The default 5000 ms makes every job look at least 5 s long.
    m.put("mapreduce.client.completion.pollinterval", "200");
    m.put("mapreduce.client.progressmonitor.pollinterval", "500");
    // Job jars carrying their own dependencies (e.g. Avro 1.12 over Hadoop's 1.11) win over the cluster's copies.
    m.put("mapreduce.job.user.classpath.first", "true");
    return m;
  }

  static Map<String, String> capacityScheduler() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("yarn.scheduler.capacity.root.queues", "default");
    c.put("yarn.scheduler.capacity.root.default.capacity", "100");
    c.put("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    c.put("yarn.scheduler.capacity.root.default.state", "RUNNING");
    c.put("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
    return c;
  }

  static void writeXml(Path file, Map<String, String> props) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<!-- Generated by bin/sandbox; rewritten on every `sandbox up`. -->\n<configuration>\n");
    for (Map.Entry<String, String> e : props.entrySet()) {
      sb.append("  <property><name>").append(escape(e.getKey())).append("</name><value>")
          .append(escape(e.getValue())).append("</value></property>\n");
    }
    sb.append("</configuration>\n");
    writeAtomically(file, sb.toString());
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(text);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final String DAEMON_LOG4J = """
      # Daemon logging: everything goes to stderr, which bin/sandbox sends to <home>/logs/<daemon>.log.
      hadoop.root.logger=INFO,console
      log4j.rootLogger=${hadoop.root.logger}
      log4j.appender.console=org.apache.log4j.ConsoleAppender
      log4j.appender.console.target=System.err
      log4j.appender.console.layout=org.apache.log4j.PatternLayout
      log4j.appender.console.layout.ConversionPattern=%d{ISO8601} %p %c{2}: %m%n
      log4j.logger.org.apache.hadoop.util.NativeCodeLoader=ERROR
      log4j.logger.org.apache.hadoop.hdfs.StateChange=WARN
      log4j.logger.BlockStateChange=WARN
      log4j.logger.org.apache.hadoop.hdfs.server.datanode.DataNode.clienttrace=WARN
      log4j.logger.org.apache.hadoop.hdfs.server.namenode.FSNamesystem.audit=WARN
      log4j.logger.org.apache.hadoop.yarn.server.resourcemanager.RMAuditLogger=WARN
      log4j.logger.org.apache.hadoop.yarn.server.nodemanager.NMAuditLogger=WARN
      log4j.logger.org.apache.hadoop.metrics2=WARN
      log4j.logger.org.eclipse.jetty=WARN
      """;

  private static final String CLIENT_LOG4J = """
      # Client logging for bin/hadoop, bin/hdfs, bin/yarn, bin/mapred against the sandbox.
      hadoop.root.logger=WARN,console
      log4j.rootLogger=${hadoop.root.logger}
      log4j.appender.console=org.apache.log4j.ConsoleAppender
      log4j.appender.console.target=System.err
      log4j.appender.console.layout=org.apache.log4j.PatternLayout
      log4j.appender.console.layout.ConversionPattern=%d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n
      log4j.logger.org.apache.hadoop.util.NativeCodeLoader=ERROR
      log4j.logger.org.apache.hadoop.metrics2=ERROR
      log4j.logger.org.apache.hadoop.mapreduce.JobResourceUploader=ERROR
      """;
}
