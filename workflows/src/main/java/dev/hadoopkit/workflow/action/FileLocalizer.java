package dev.hadoopkit.workflow.action;

import static dev.hadoopkit.workflow.definition.LocatedXml.children;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.w3c.dom.Element;

/**
 * {@code <file>path#link</file>}: copies the file (relative paths are relative to the app path) into the action's
 * working directory under the link name, as the distributed cache does for an Oozie launcher.
 */
final class FileLocalizer {
  private FileLocalizer() {
  }

  static void localize(Element body, ActionContext context) throws IOException {
    Files.createDirectories(context.workDir());
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
    }
  }
}
