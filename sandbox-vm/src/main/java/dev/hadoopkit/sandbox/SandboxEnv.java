package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.Sandbox.SandboxException;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.cluster.Topology;
import java.io.IOException;

/** {@code bin/sandbox env}: shell exports for {@code eval "$(bin/sandbox env)"}. */
final class SandboxEnv {
  private final Sandbox sandbox;
  private final SandboxHome home;

  SandboxEnv(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.home = sandbox.home();
  }

  /** The shell exports that point bin/hadoop, bin/hdfs, bin/yarn and bin/mapred at this sandbox. */
  String exports() throws IOException, SandboxException {
    Topology t = sandbox.requireTopology();
    StringBuilder sb = new StringBuilder();
    sb.append("# The sandbox at ").append(home.root()).append(". Use: eval \"$(bin/sandbox env").append(sandbox.homeHint())
        .append(")\"\n");
    sb.append("export HADOOP_CONF_DIR=").append(home.clientConf()).append('\n');
    sb.append("export SANDBOX_HOME=").append(home.root()).append('\n');
    if (t.database()) {
      sb.append("export SANDBOX_DB_URL=jdbc:mariadb://127.0.0.1:").append(t.dbPort()).append("/movielens\n");
    }
    return sb.toString();
  }
}
