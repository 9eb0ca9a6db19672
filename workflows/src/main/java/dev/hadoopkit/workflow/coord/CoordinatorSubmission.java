package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.SchemaCatalog;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.w3c.dom.Element;

/**
 * A coordinator ready to schedule: the app loaded from {@code oozie.coord.application.path} (an app dir or the
 * coordinator.xml itself, on any Hadoop FileSystem) and its properties resolved in Oozie's order: {@code -D} over
 * job.properties over config-default.xml over {@code <parameters>} defaults. Every {@code ${…}} of the coordinator is
 * resolved or checked now.
 */
public record CoordinatorSubmission(CoordinatorDefinition definition, Map<String, String> conf, String appPath) {
  public static final String APP_PATH = "oozie.coord.application.path";

  public static CoordinatorSubmission prepare(Map<String, String> jobProperties, Map<String, String> overrides,
      Configuration hadoop) throws WorkflowException {
    return prepare(jobProperties, overrides, hadoop, null);
  }

  /**
   * As {@link #prepare(Map, Map, Configuration)}; {@code bundleCoordinatorName} non-null when a bundle submits it:
   * the bundle's name for it replaces the app's, and uri:oozie:coordinator:0.1 is refused (E1319, as Oozie).
   */
  public static CoordinatorSubmission prepare(Map<String, String> jobProperties, Map<String, String> overrides,
      Configuration hadoop, String bundleCoordinatorName) throws WorkflowException {
    CoordinatorApp.Resolved resolved = CoordinatorApp.resolve(jobProperties, overrides, hadoop, APP_PATH,
        "coordinator.xml", ErrorCode.E1001, ErrorCode.E1002, "my-coord");
    CoordinatorApp app = resolved.app();
    Map<String, String> conf = resolved.conf();
    Configuration fsConf = resolved.fsConf();
    if (bundleCoordinatorName != null) {
      Element root = LocatedXml.parse(app.xml(), app.file()).getDocumentElement();
      if ("uri:oozie:coordinator:0.1".equals(root.getNamespaceURI())) {
        throw new WorkflowException(ErrorCode.E1319, LocatedXml.location(root), "a bundle cannot submit a"
            + " coordinator of namespace uri:oozie:coordinator:0.1; use 0.2 or later.");
      }
    }
    CoordinatorDefinition definition = new CoordinatorParser(SchemaCatalog.shared(), fsConf)
        .parse(app.xml(), app.file(), conf);
    Element root = LocatedXml.parse(app.xml(), app.file()).getDocumentElement();
    Map<String, String> withDefaults = CoordinatorParser.withParameters(root, conf, false);
    if (bundleCoordinatorName != null) {
      definition = new CoordinatorDefinition(bundleCoordinatorName, definition.namespace(), definition.frequency(),
          definition.start(), definition.end(), definition.timezone(), definition.controls(), definition.datasets(),
          definition.inputs(), definition.inputLogic(), definition.outputs(), definition.action(), definition.sla(),
          definition.xml(), definition.file());
    }
    return new CoordinatorSubmission(definition, Map.copyOf(withDefaults), app.dir());
  }
}
