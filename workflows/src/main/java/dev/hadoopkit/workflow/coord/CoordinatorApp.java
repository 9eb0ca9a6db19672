package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.HadoopConfs;
import dev.hadoopkit.workflow.engine.WorkflowApp;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A coordinator or bundle application on any Hadoop filesystem: the directory, the XML file (coordinator.xml /
 * bundle.xml, or the file named) and config-default.xml. Unreadable: {@code readError} (E1001 / E1301); missing:
 * {@code uriError} (E1002 / E1302), as Oozie.
 */
record CoordinatorApp(String dir, String file, byte[] xml, Map<String, String> configDefault) {

  static CoordinatorApp load(String appPath, String defaultFile, Configuration conf, ErrorCode readError,
      ErrorCode uriError) throws WorkflowException {
    Path path = new Path(HadoopConfs.normalizePath(appPath));
    try {
      FileSystem fs = path.getFileSystem(conf);
      path = fs.makeQualified(path);
      if (!fs.exists(path)) {
        throw new WorkflowException(uriError, Location.of(appPath), "the application path does not exist. Check"
            + " the application path property (oozie.coord.application.path / oozie.bundle.application.path).");
      }
      Path dir;
      Path file;
      if (fs.getFileStatus(path).isFile()) {
        file = path;
        dir = path.getParent();
      } else {
        dir = path;
        file = new Path(path, defaultFile);
      }
      byte[] bytes;
      try (InputStream in = fs.open(file)) {
        bytes = in.readAllBytes();
      } catch (FileNotFoundException e) {
        throw new WorkflowException(readError, Location.of(file.toString()), "no " + defaultFile + " in the"
            + " application directory " + dir + ".");
      }
      Map<String, String> defaults = new LinkedHashMap<>();
      Path configDefault = new Path(dir, "config-default.xml");
      if (fs.exists(configDefault)) {
        try (InputStream in = fs.open(configDefault)) {
          defaults = WorkflowApp.readConfiguration(in.readAllBytes(), display(configDefault));
        }
      }
      return new CoordinatorApp(dir.toString(), display(file), bytes, defaults);
    } catch (IOException | IllegalArgumentException e) {
      throw new WorkflowException(readError, Location.of(appPath), "cannot read the application: " + e.getMessage());
    }
  }

  /** An app with its properties resolved in Oozie's order: -D over job.properties over config-default.xml. */
  record Resolved(CoordinatorApp app, Map<String, String> conf, Configuration fsConf) {
  }

  /**
   * Resolves a submission's properties and loads the app named by {@code appPathKey} (its {@code defaultFile} when
   * the path is a directory); {@code pathError} when no path is set, {@code readError} when it cannot be read.
   */
  static Resolved resolve(Map<String, String> jobProperties, Map<String, String> overrides, Configuration hadoop,
      String appPathKey, String defaultFile, ErrorCode readError, ErrorCode pathError, String example)
      throws dev.hadoopkit.workflow.definition.WorkflowException {
    Map<String, String> given = new java.util.LinkedHashMap<>(jobProperties);
    given.putAll(overrides);
    given.putIfAbsent("user.name", System.getProperty("user.name"));
    Map<String, String> resolved = expand(given);
    String appPath = resolved.get(appPathKey);
    if (appPath == null || appPath.isBlank()) {
      throw new dev.hadoopkit.workflow.definition.WorkflowException(pathError,
          dev.hadoopkit.workflow.definition.Location.of("job.properties"), "no application path: set "
          + appPathKey + " in job.properties (e.g. ${nameNode}/user/${user.name}/apps/" + example + ").");
    }
    Configuration fsConf = dev.hadoopkit.workflow.engine.HadoopConfs.forRun(hadoop, resolved);
    CoordinatorApp app = load(appPath, defaultFile, fsConf, readError, pathError);
    Map<String, String> conf = new java.util.LinkedHashMap<>(expand(app.configDefault()));
    conf.putAll(resolved);
    return new Resolved(app, expand(conf), fsConf);
  }

  static String display(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }

  /** Hadoop-style ${var} expansion among the properties (and system properties), as Oozie does for job.properties. */
  static Map<String, String> expand(Map<String, String> properties) {
    Configuration conf = new Configuration(false);
    properties.forEach((k, v) -> conf.set(k, v == null ? "" : v));
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : properties.keySet()) {
      String value;
      try {
        value = conf.get(key);
      } catch (IllegalStateException e) {
        value = conf.getRaw(key);
      }
      out.put(key, value == null ? "" : value);
    }
    return out;
  }
}
