package dev.hadoopkit.sandbox.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the generated files back with Hadoop's own Configuration, as the daemons and clients will. */
class HadoopConfigWriterTest {

  private static Configuration load(Path dir) {
    Configuration conf = new Configuration(false);
    for (String f : new String[] {"core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml"}) {
      conf.addResource(new org.apache.hadoop.fs.Path(dir.resolve(f).toUri()));
    }
    return conf;
  }

  @Test
  void eachWorkerGetsItsOwnPortsAndDirectories(@TempDir Path tmp) throws Exception {
    SandboxHome home = new SandboxHome(tmp);
    Topology t = new Topology(3, 2, 2, 100, false, false, 3406);
    new HadoopConfigWriter(home, t).writeAll();

    Configuration dn2 = load(home.daemonConf("datanode-2"));
    assertEquals("127.0.0.1:9976", dn2.get("dfs.datanode.address"));
    assertEquals("127.0.0.1:9974", dn2.get("dfs.datanode.http.address"));
    assertEquals(home.daemonData("datanode-2").toUri().toString(), dn2.get("dfs.datanode.data.dir"));
    assertEquals("2", dn2.get("dfs.replication"));

    Configuration nm2 = load(home.daemonConf("nodemanager-2"));
    assertEquals("127.0.0.1:8242", nm2.get("yarn.nodemanager.webapp.address"));
    // In mapred-site.xml: once JobConf loads, mapred-default.xml's 13562 would override yarn-site.xml.
    assertEquals("13663", nm2.get("mapreduce.shuffle.port"));
    assertTrue(nm2.get("yarn.nodemanager.local-dirs").startsWith(home.daemonData("nodemanager-2").toString()));

    Configuration client = load(home.clientConf());
    assertEquals("hdfs://127.0.0.1:9100", client.get("fs.defaultFS"));
    assertEquals("yarn", client.get("mapreduce.framework.name"));
    assertEquals("127.0.0.1:8132", client.get("yarn.resourcemanager.address"));
    assertEquals(home.lib() + "/*", client.get("mapreduce.application.classpath"));
    assertTrue(Path.of(client.get("mapreduce.application.classpath").replace("/*", "")).isAbsolute());
    assertEquals("200", client.get("mapreduce.client.completion.pollinterval"));
    assertEquals("2", client.get("mapreduce.client.submit.file.replication"));
    assertTrue(Files.readString(home.clientConf().resolve("capacity-scheduler.xml"))
        .contains("<name>yarn.scheduler.capacity.root.queues</name><value>default</value>"));
    assertTrue(Files.isRegularFile(home.clientConf().resolve("log4j.properties")));
  }

  /**
   * Issue 15 defect 4: job history events are Avro classes that Avro 1.12 refuses to load unless their package is
   * trusted; the JobHistoryServer (a daemon), every MRAppMaster (it reads the previous attempt's history to recover)
   * and bin/mapred must trust it, and a lost ApplicationMaster gets a second attempt that recovers.
   */
  @Test
  void historyEventsAreTrustedAndApplicationMastersRecover(@TempDir Path tmp) throws Exception {
    SandboxHome home = new SandboxHome(tmp);
    new HadoopConfigWriter(home, new Topology(1, 2, 1, 100, false, false, 3406)).writeAll();
    Configuration client = load(home.clientConf());
    String trust = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.apache.hadoop.mapreduce.jobhistory";
    assertEquals(trust, HadoopConfigWriter.TRUST_HISTORY_EVENTS);
    // Admin options come before the user's and cannot be replaced by a job's -D yarn.app.mapreduce.am.command-opts.
    assertTrue(client.get("yarn.app.mapreduce.am.admin-command-opts").contains(trust), client.get("yarn.app.mapreduce.am.admin-command-opts"));
    assertEquals("true", client.get("yarn.app.mapreduce.am.job.recovery.enable"));
    assertEquals("2", client.get("mapreduce.am.max-attempts"));
    Configuration rm = load(home.daemonConf("resourcemanager"));
    assertEquals("2", rm.get("yarn.resourcemanager.am.max-attempts"));
    // A lost NodeManager (and the ApplicationMaster on it) is noticed in 20 s, as a lost DataNode is.
    assertEquals("20000", rm.get("yarn.nm.liveness-monitor.expiry-interval-ms"));
    assertTrue(DaemonLauncher.jvmOptions().contains(trust), DaemonLauncher.jvmOptions().toString());
  }
}
