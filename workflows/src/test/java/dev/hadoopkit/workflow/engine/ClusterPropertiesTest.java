package dev.hadoopkit.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hadoopkit.workflow.definition.WorkflowParser;
import dev.hadoopkit.workflow.el.ElEvaluator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ${fs.defaultFS}} and {@code ${yarn.resourcemanager.address}} in job.properties resolve from the client's
 * cluster configuration (a HADOOP_CONF_DIR with core-site.xml and yarn-site.xml on the class path), and job
 * properties and {@code -D} still win over it.
 */
class ClusterPropertiesTest {
  @TempDir
  Path root;

  private Path app() throws Exception {
    Path dir = Files.createDirectories(root.resolve("app"));
    Files.writeString(dir.resolve("workflow.xml"), "<workflow-app xmlns=\"uri:oozie:workflow:0.5\" name=\"c\">\n"
        + "  <start to=\"a\"/>\n"
        + "  <action name=\"a\"><fs><mkdir path=\"file:///tmp/x\"/></fs><ok to=\"end\"/><error to=\"end\"/></action>\n"
        + "  <end name=\"end\"/>\n</workflow-app>\n");
    return dir;
  }

  /** A client configuration whose site files come from a conf directory, as bin/workflow puts HADOOP_CONF_DIR. */
  private Configuration clusterClient() throws Exception {
    Path confDir = Files.createDirectories(root.resolve("conf"));
    Files.writeString(confDir.resolve("core-site.xml"), "<configuration><property><name>fs.defaultFS</name>"
        + "<value>hdfs://nn.example:8020</value></property></configuration>");
    Files.writeString(confDir.resolve("yarn-site.xml"), "<configuration><property>"
        + "<name>yarn.resourcemanager.hostname</name><value>rm.example</value></property><property>"
        + "<name>yarn.resourcemanager.address</name><value>${yarn.resourcemanager.hostname}:8032</value>"
        + "</property></configuration>");
    ClassLoader loader = new URLClassLoader(new URL[] {confDir.toUri().toURL()}, getClass().getClassLoader());
    Configuration conf = new Configuration(false);
    conf.setClassLoader(loader);
    conf.addResource("core-site.xml");
    return conf;
  }

  private Submission prepare(Map<String, String> job, Map<String, String> overrides) throws Exception {
    return Submission.prepare(job, overrides, app().toUri().toString(), clusterClient(), new WorkflowParser(),
        new ElEvaluator());
  }

  @Test
  void hadoopKeysInJobPropertiesResolveFromTheClusterConfiguration() throws Exception {
    Submission s = prepare(Map.of("nameNode", "${fs.defaultFS}", "jobTracker", "${yarn.resourcemanager.address}",
        "out", "${nameNode}/user/x/out"), Map.of());
    assertEquals("hdfs://nn.example:8020", s.conf().get("nameNode"));
    assertEquals("rm.example:8032", s.conf().get("jobTracker"), "yarn-site.xml is read, with its own ${…}");
    assertEquals("hdfs://nn.example:8020/user/x/out", s.conf().get("out"));
    assertFalse(s.conf().containsKey("fs.defaultFS"), "cluster values expand; they are no job properties");
  }

  @Test
  void jobPropertiesAndCommandLineWinOverTheCluster() throws Exception {
    Submission s = prepare(Map.of("fs.defaultFS", "hdfs://from-job:9000", "nameNode", "${fs.defaultFS}",
        "jobTracker", "${yarn.resourcemanager.address}"), Map.of("yarn.resourcemanager.address", "cli:8032"));
    assertEquals("hdfs://from-job:9000", s.conf().get("nameNode"));
    assertEquals("cli:8032", s.conf().get("jobTracker"));
  }

  @Test
  void onlyReferencedKeysAreLookedUp() {
    Map<String, String> found = ClusterProperties.referenced(Map.of("a", "${fs.defaultFS}/x ${nope.not.a.key}",
        "b", "${a} ${wf:id()}"), () -> {
          Configuration c = new Configuration(false);
          c.set("fs.defaultFS", "hdfs://h:1");
          return c;
        });
    assertEquals(Map.of("fs.defaultFS", "hdfs://h:1"), found);
    assertEquals(Map.of(), ClusterProperties.referenced(Map.of("a", "plain", "b", "${a}"), () -> {
      throw new AssertionError("no reference to the cluster: its configuration is not even built");
    }));
  }

  /** The pipeline's cluster.properties: every cluster-specific value comes from the cluster's configuration. */
  @Test
  void thePipelinesClusterPropertiesFitAnyCluster() throws Exception {
    java.util.Properties file = new java.util.Properties();
    try (var reader = Files.newBufferedReader(Path.of("examples/movielens-pipeline/cluster.properties"))) {
      file.load(reader);
    }
    Map<String, String> given = new java.util.TreeMap<>();
    file.stringPropertyNames().forEach(k -> given.put(k, file.getProperty(k)));
    Configuration cluster = clusterClient();
    Map<String, String> resolved = ClusterProperties.resolve(given, () -> cluster);
    assertEquals("hdfs://nn.example:8020", resolved.get("nameNode"));
    assertEquals("rm.example:8032", resolved.get("jobTracker"));
    assertEquals("hdfs://nn.example:8020/user/" + System.getProperty("user.name") + "/apps/movielens-pipeline",
        resolved.get(ConfigKeys.APP_PATH));
    assertEquals(System.getProperty("user.dir") + "/workflows/examples/movielens-pipeline",
        resolved.get(ConfigKeys.DEPLOY_FROM), "bin/workflow runs from the repo root: hkHome=${user.dir}");
  }
}
