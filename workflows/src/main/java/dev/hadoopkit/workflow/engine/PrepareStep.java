package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.definition.LocatedXml;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.w3c.dom.Element;

/**
 * An action's {@code <prepare>}: its deletes and mkdirs, in order, before each attempt (so a retried MapReduce
 * action finds its output directory gone again, as in Oozie).
 */
final class PrepareStep {
  private PrepareStep() {
  }

  static void run(Element body, Configuration conf) throws IOException {
    Element prepare = LocatedXml.child(body, "prepare");
    if (prepare == null) {
      return;
    }
    for (Element op : LocatedXml.children(prepare)) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(op.getAttribute("path").trim());
      FileSystem fs = path.getFileSystem(conf);
      if ("delete".equals(op.getLocalName())) {
        fs.delete(path, true);
      } else if ("mkdir".equals(op.getLocalName())) {
        fs.mkdirs(path);
      }
    }
  }
}
