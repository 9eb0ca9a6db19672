package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.deploy.AppDeployer;
import dev.hadoopkit.workflow.deploy.DeployException;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;

/** {@code deploy <app-dir> [hdfs://…/apps/<name>]}: the app with its lib/ onto the cluster's file system. */
final class DeployCommand implements Command {
  public String name() {
    return "deploy";
  }

  public String description() {
    return "copy an app directory (workflow.xml, config-default.xml, lib/…) to the cluster's file system, by a"
        + " hidden copy renamed into place; default target ${fs.defaultFS}/user/$USER/apps/<dir name>";
  }

  public String usage() {
    return "deploy <app-dir> [target-dir, e.g. hdfs://namenode:8020/user/me/apps/my-wf]";
  }

  public List<String> examples() {
    return List.of("bin/workflow deploy workflows/examples/movielens-pipeline",
        "bin/workflow deploy my-app hdfs://127.0.0.1:9000/user/etl/apps/my-app",
        "bin/workflow deploy my-app /user/etl/apps/my-app-v2     # on ${fs.defaultFS}");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of());
    String source = in.positional(0, "the app directory to deploy");
    if (in.positional().size() > 2) {
      throw new UsageException("give the app directory and at most one target, not " + in.positional().size()
          + " paths");
    }
    java.nio.file.Path dir = java.nio.file.Path.of(source);
    AppDeployer deployer = new AppDeployer(in.conf());
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    Path target = in.positional().size() > 1 ? new Path(in.positional().get(1)) : deployer.defaultTarget(name);
    AppDeployer.Deployment done;
    try {
      done = deployer.deploy(dir, target);
    } catch (DeployException e) {
      throw new UsageException(e.getMessage());
    }
    in.out().println((done.replaced() ? "Replaced " : "Deployed ") + done.target() + " from " + dir + " ("
        + done.files() + " files, " + String.format(Locale.ROOT, "%.1f MB", done.bytes() / 1e6) + ")");
    in.out().println("Run it with: bin/workflow run -config <job.properties> -D oozie.wf.application.path="
        + done.target());
    return 0;
  }
}
