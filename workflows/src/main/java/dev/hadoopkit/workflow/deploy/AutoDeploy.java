package dev.hadoopkit.workflow.deploy;

import dev.hadoopkit.workflow.engine.ClusterProperties;
import dev.hadoopkit.workflow.engine.ConfigKeys;
import dev.hadoopkit.workflow.engine.HadoopConfs;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code run} of a job.properties that names both a cluster application path and, in {@code hk.workflow.deploy.from},
 * the local app directory it comes from: when the application path does not exist yet, the app is deployed there
 * first (as {@code bin/workflow deploy} does), so one command runs a checkout's app on a fresh cluster. An app that is
 * there already is used as it is; {@code bin/workflow deploy} replaces it.
 */
public final class AutoDeploy {
  private AutoDeploy() {
  }

  /** Deploys when needed; returns the deployment, or null when nothing was to be done. */
  public static AppDeployer.Deployment ifMissing(Map<String, String> jobProperties, Map<String, String> overrides,
      Configuration base, PrintStream out) throws IOException, DeployException {
    Map<String, String> given = new LinkedHashMap<>(jobProperties);
    given.putAll(overrides);
    given.putIfAbsent("user.name", System.getProperty("user.name"));
    if (given.get(ConfigKeys.DEPLOY_FROM) == null || given.get(ConfigKeys.APP_PATH) == null) {
      return null;
    }
    Map<String, String> resolved = ClusterProperties.resolve(given, () -> base);
    String from = resolved.get(ConfigKeys.DEPLOY_FROM);
    String appPath = resolved.get(ConfigKeys.APP_PATH);
    if (from == null || from.isBlank() || appPath == null || appPath.isBlank()) {
      return null;
    }
    Configuration conf = HadoopConfs.forRun(base, resolved);
    Path target = new Path(HadoopConfs.normalizePath(appPath));
    FileSystem fs = target.getFileSystem(conf);
    if (fs.exists(target)) {
      return null;
    }
    AppDeployer.Deployment done = new AppDeployer(conf).deploy(java.nio.file.Path.of(from), target);
    out.println("Deployed " + from + " to " + done.target() + " (" + done.files() + " files; "
        + ConfigKeys.APP_PATH + " did not exist)");
    return done;
  }
}
