package dev.hadoopkit.workflow.engine;

import static dev.hadoopkit.workflow.definition.LocatedXml.childText;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A workflow application on a Hadoop filesystem: the directory, its workflow.xml bytes, config-default.xml and the
 * jars of {@code lib/}. Reading problems are E0710 (unreadable) with the path.
 */
public record WorkflowApp(String dir, String workflowFile, byte[] workflowXml, Map<String, String> configDefault,
    List<String> libJars) {

  /** Loads from an app directory or a workflow.xml path (URI or local path). */
  public static WorkflowApp load(String appPath, Configuration conf) throws WorkflowException {
    String normalized = HadoopConfs.normalizePath(appPath);
    Path path = new Path(normalized);
    try {
      FileSystem fs = path.getFileSystem(conf);
      path = fs.makeQualified(path);
      Path dir;
      Path file;
      if (fs.exists(path) && fs.getFileStatus(path).isFile()) {
        file = path;
        dir = path.getParent();
      } else {
        dir = path;
        file = new Path(path, "workflow.xml");
      }
      if (!fs.exists(dir)) {
        throw new WorkflowException(ErrorCode.E0710, Location.of(appPath),
            "the application path does not exist. Check oozie.wf.application.path (or the app dir argument).");
      }
      byte[] bytes;
      try (InputStream in = fs.open(file)) {
        bytes = in.readAllBytes();
      } catch (FileNotFoundException e) {
        throw new WorkflowException(ErrorCode.E0710, Location.of(file.toString()),
            "no workflow.xml in the application directory " + dir + ". An app dir holds workflow.xml,"
                + " optionally config-default.xml and lib/*.jar.");
      }
      String fileName = displayName(file);
      Map<String, String> defaults = new LinkedHashMap<>();
      Path configDefault = new Path(dir, "config-default.xml");
      if (fs.exists(configDefault)) {
        try (InputStream in = fs.open(configDefault)) {
          defaults = readConfiguration(in.readAllBytes(), displayName(configDefault));
        }
      }
      List<String> jars = new ArrayList<>();
      Path lib = new Path(dir, "lib");
      if (fs.exists(lib)) {
        for (FileStatus status : fs.listStatus(lib)) {
          if (status.isFile() && (status.getPath().getName().endsWith(".jar")
              || status.getPath().getName().endsWith(".so"))) {
            jars.add(localCopy(fs, status.getPath()));
          }
        }
        jars.sort(null);
      }
      return new WorkflowApp(dir.toString(), fileName, bytes, defaults, jars);
    } catch (org.apache.hadoop.security.AccessControlException e) {
      throw new WorkflowException(ErrorCode.E0710, Location.of(appPath), "permission denied: " + e.getMessage());
    } catch (IOException e) {
      throw new WorkflowException(ErrorCode.E0710, Location.of(appPath), "cannot read the application: "
          + e.getMessage());
    }
  }

  /** A jar as a local path: itself on the local file system, else a temporary copy (deleted at exit). */
  static String localCopy(FileSystem fs, Path jar) throws IOException {
    if ("file".equals(jar.toUri().getScheme())) {
      return jar.toUri().getPath();
    }
    java.nio.file.Path copy = java.nio.file.Files.createTempFile("hk-wf-lib-", "-" + jar.getName());
    copy.toFile().deleteOnExit();
    fs.copyToLocalFile(false, jar, new Path(copy.toUri()), true);
    return copy.toString();
  }

  private static String displayName(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }

  /** A Hadoop configuration file (config-default.xml, job-xml) as an ordered map; errors with line and column. */
  public static Map<String, String> readConfiguration(byte[] bytes, String file) throws WorkflowException {
    Document document = LocatedXml.parse(bytes, file);
    Element root = document.getDocumentElement();
    if (!"configuration".equals(root.getLocalName())) {
      throw new WorkflowException(ErrorCode.E0701, LocatedXml.location(root), "expected a Hadoop <configuration>"
          + " document, found <" + root.getNodeName() + ">");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Element property : children(root, "property")) {
      String name = childText(property, "name");
      if (name == null || name.isEmpty()) {
        throw new WorkflowException(ErrorCode.E0739, LocatedXml.location(property),
            "property without a <name>. Give every <property> a <name> and a <value>.");
      }
      Element value = LocatedXml.child(property, "value");
      out.put(name, value == null ? "" : value.getTextContent());
    }
    return out;
  }
}
