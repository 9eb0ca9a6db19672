package dev.hadoopkit.workflow.action;

import static dev.hadoopkit.workflow.definition.LocatedXml.children;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.w3c.dom.Element;

/**
 * {@code <file>path#link</file>}: copies the file (relative paths are relative to the app path) into the action's
 * working directory under the link name, as the distributed cache does for an Oozie launcher. As in Oozie, a localized
 * {@code .jar} goes on the java action's classpath.
 */
final class FileLocalizer {
  private FileLocalizer() {
  }

  /** Localizes every {@code <file>}; returns the localized files whose link name ends in {@code .jar}, in order. */
  static java.util.List<java.nio.file.Path> localize(Element body, ActionContext context) throws IOException {
    Files.createDirectories(context.workDir());
    java.util.List<java.nio.file.Path> jars = new java.util.ArrayList<>();
    for (Element file : children(body, "file")) {
      String text = file.getTextContent().trim();
      int hash = text.indexOf('#');
      String source = hash < 0 ? text : text.substring(0, hash);
      Path path = new Path(source);
      if (!path.isAbsolute() && path.toUri().getScheme() == null) {
        path = new Path(context.appPath(), source);
      }
      String link = hash < 0 ? path.getName() : text.substring(hash + 1);
      FileSystem fs = path.getFileSystem(context.conf());
      java.nio.file.Path target = context.workDir().resolve(link);
      Files.deleteIfExists(target);
      fs.copyToLocalFile(false, path, new Path(target.toUri()), true);
      if (link.endsWith(".jar")) {
        jars.add(target);
      }
    }
    return jars;
  }
}
