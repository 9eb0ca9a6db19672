package dev.hadoopkit.workflow.deploy;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * Puts a workflow (or coordinator, bundle) application directory, with its {@code lib/}, onto a Hadoop file system,
 * as {@code hadoop fs -put} would but never half-way: the copy goes to a hidden directory beside the target and is
 * renamed into place, so a run never reads an app that is still arriving or that a failed copy left incomplete. An
 * existing app at the target is replaced (moved aside, then deleted); anything else there is refused, untouched.
 */
public final class AppDeployer {
  /** What makes a directory an app: the file the engine reads first. */
  static final List<String> APP_FILES = List.of("workflow.xml", "coordinator.xml", "bundle.xml");

  /** Where it went, and how much: files and bytes copied. */
  public record Deployment(Path target, long files, long bytes, boolean replaced) {
  }

  private final Configuration conf;

  public AppDeployer(Configuration conf) {
    this.conf = conf;
  }

  /** {@code ${fs.defaultFS}/user/<user>/apps/<name>}: the home directory of the cluster's user, as Oozie's examples. */
  public Path defaultTarget(String appName) throws IOException {
    FileSystem fs = FileSystem.get(conf);
    return new Path(fs.getHomeDirectory(), "apps/" + appName);
  }

  /** Copies {@code source} (a local app directory) to {@code target}; bad input is a {@link DeployException}. */
  public Deployment deploy(java.nio.file.Path source, Path target) throws IOException, DeployException {
    java.nio.file.Path dir = source.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new DeployException(source + " is not a directory: give the app directory (it holds workflow.xml and"
          + " lib/)");
    }
    if (APP_FILES.stream().noneMatch(name -> java.nio.file.Files.isRegularFile(dir.resolve(name)))) {
      throw new DeployException(source + " holds no workflow.xml, coordinator.xml or bundle.xml: that is not an"
          + " app directory");
    }
    FileSystem fs = target.getFileSystem(conf);
    Path qualified = fs.makeQualified(target);
    if (qualified.getParent() == null) {
      throw new DeployException("cannot deploy to the root of " + fs.getUri() + ": name a directory such as "
          + fs.getUri() + "/user/<you>/apps/<name>");
    }
    boolean replacing = fs.exists(qualified);
    if (replacing && !isApp(fs, qualified)) {
      throw new DeployException(qualified + " exists and is not an app directory (no " + String.join(", ",
          APP_FILES) + "): deploy somewhere else, or remove it first with 'bin/hadoop fs -rm -r " + qualified + "'");
    }
    String nonce = UUID.randomUUID().toString().substring(0, 8);
    Path parent = qualified.getParent();
    Path staging = new Path(parent, "." + qualified.getName() + ".deploying-" + nonce);
    Path old = new Path(parent, "." + qualified.getName() + ".replaced-" + nonce);
    fs.mkdirs(parent);
    FileSystem local = FileSystem.getLocal(conf);
    try {
      if (!FileUtil.copy(local, new Path(dir.toUri()), fs, staging, false, true, conf)) {
        throw new IOException("could not copy " + dir + " to " + staging);
      }
      long[] size = count(fs, staging);
      if (replacing && !fs.rename(qualified, old)) {
        throw new IOException("could not move the deployed app " + qualified + " aside (to " + old + ")");
      }
      if (!fs.rename(staging, qualified)) {
        if (replacing) {
          fs.rename(old, qualified); // put the previous app back: a failed deploy changes nothing
        }
        throw new IOException("could not rename " + staging + " to " + qualified);
      }
      if (replacing) {
        fs.delete(old, true);
      }
      return new Deployment(qualified, size[0], size[1], replacing);
    } finally {
      if (fs.exists(staging)) {
        fs.delete(staging, true);
      }
    }
  }

  private static boolean isApp(FileSystem fs, Path dir) throws IOException {
    if (!fs.getFileStatus(dir).isDirectory()) {
      return false;
    }
    for (String name : APP_FILES) {
      if (fs.exists(new Path(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private static long[] count(FileSystem fs, Path dir) throws IOException {
    long files = 0;
    long bytes = 0;
    var it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      FileStatus status = it.next();
      files++;
      bytes += status.getLen();
    }
    return new long[] {files, bytes};
  }
}
