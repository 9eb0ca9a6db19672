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
}
