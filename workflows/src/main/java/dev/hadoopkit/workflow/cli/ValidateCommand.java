package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.workflow.coord.BundleDefinition;
import dev.hadoopkit.workflow.coord.BundleParser;
import dev.hadoopkit.workflow.coord.CoordinatorParser;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.SchemaCatalog;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.HadoopConfs;
import dev.hadoopkit.workflow.engine.WorkflowApp;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.w3c.dom.Element;

/**
 * {@code validate <app-dir | workflow.xml | coordinator.xml | bundle.xml>}: schema and graph checks (workflows) or
 * schema and submission checks (coordinators, bundles; detected by the root element), nothing run.
 */
final class ValidateCommand implements Command {
  public String name() {
    return "validate";
  }

  public String description() {
    return "check a workflow.xml (E07xx), coordinator.xml or bundle.xml (E07xx, E10xx, E13xx) against the XSDs"
        + " and Oozie's rules";
  }

  public String usage() {
    return "validate <app-dir | workflow.xml | coordinator.xml | bundle.xml>";
  }

  public List<String> examples() {
    return List.of("bin/workflow validate workflows/examples/movielens", "bin/workflow validate /tmp/app/workflow.xml",
        "bin/workflow validate /tmp/coord-app/coordinator.xml", "bin/workflow validate /tmp/bundle/bundle.xml");
  }

  public int run(Invocation in) throws Exception {
    in.rejectUnknown(List.of());
    String path = in.positional(0, "the app directory, workflow.xml, coordinator.xml or bundle.xml to validate");
    Path target = new Path(HadoopConfs.normalizePath(path));
    FileSystem fs = target.getFileSystem(in.conf());
    Path file = null;
    if (fs.exists(target) && fs.getFileStatus(target).isDirectory()) {
      for (String name : List.of("workflow.xml", "coordinator.xml", "bundle.xml")) {
        if (fs.exists(new Path(target, name))) {
          file = new Path(target, name);
          break;
        }
      }
    } else if (fs.exists(target)) {
      file = target;
    }
    if (file == null || file.getName().equals("workflow.xml")) {
      return workflow(in, path);
    }
    byte[] bytes;
    try (InputStream stream = fs.open(file)) {
      bytes = stream.readAllBytes();
    } catch (IOException e) {
      throw new WorkflowException(ErrorCode.E0710, Location.of(file.toString()), "cannot read: " + e.getMessage());
    }
    String display = "file".equals(fs.makeQualified(file).toUri().getScheme())
        ? fs.makeQualified(file).toUri().getPath() : file.toString();
    Element root = LocatedXml.parse(bytes, display).getDocumentElement();
    if (SchemaCatalog.isCoordinatorNamespace(root.getNamespaceURI()) || "coordinator-app".equals(root.getLocalName())) {
      Map<String, String> defaults = configDefault(fs, file.getParent());
      Set<String> undefined = new CoordinatorParser(new SchemaCatalog(), in.conf()).validate(bytes, display, defaults);
      in.out().println("Valid coordinator: " + display + " (" + root.getNamespaceURI() + ", name "
          + root.getAttribute("name") + ")" + (undefined.isEmpty() ? ""
          : "; to define at submission: " + String.join(", ", undefined)));
      return 0;
    }
    if (SchemaCatalog.isBundleNamespace(root.getNamespaceURI()) || "bundle-app".equals(root.getLocalName())) {
      Map<String, String> defaults = configDefault(fs, file.getParent());
      BundleDefinition bundle = new BundleParser().validate(bytes, display, defaults);
      in.out().println("Valid bundle: " + display + " (" + bundle.namespace() + ", name " + root.getAttribute("name")
          + ", " + bundle.coordinators().size() + " coordinators)");
      return 0;
    }
    return workflow(in, path);
  }

  private static int workflow(Invocation in, String path) throws Exception {
    WorkflowApp app = WorkflowApp.load(path, in.conf());
    WorkflowDefinition definition = in.engine().parser().parse(app.workflowXml(), app.workflowFile());
    dev.hadoopkit.workflow.engine.Submission.checkElSyntax(app, in.engine().el()); // as run checks it
    in.out().println("Valid workflow: " + app.workflowFile() + " (" + definition.namespace() + ", name "
        + definition.name() + ", " + (definition.nodes().size() - 1) + " nodes, "
        + definition.actions().size() + " actions)");
    return 0;
  }

  private static Map<String, String> configDefault(FileSystem fs, Path dir) throws Exception {
    Path configDefault = new Path(dir, "config-default.xml");
    if (!fs.exists(configDefault)) {
      return new LinkedHashMap<>();
    }
    try (InputStream stream = fs.open(configDefault)) {
      return WorkflowApp.readConfiguration(stream.readAllBytes(), configDefault.toString());
    }
  }
}
