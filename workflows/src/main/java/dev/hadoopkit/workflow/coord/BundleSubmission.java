package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A bundle ready to start: the app from {@code oozie.bundle.application.path}, its properties (-D > job.properties >
 * config-default.xml > {@code <parameters>}) and, for each enabled coordinator, the properties its own
 * {@link CoordinatorSubmission} starts from: the bundle's properties, then the coordinator's {@code <configuration>}
 * over them, then {@code oozie.coord.application.path} = its app-path (Oozie's BundleStartXCommand.mergeConfig).
 */
public record BundleSubmission(BundleDefinition definition, Map<String, String> conf, String appPath) {
  public static final String APP_PATH = "oozie.bundle.application.path";
  public static final String BUNDLE_ID = "oozie.bundle.id";

  public static BundleSubmission prepare(Map<String, String> jobProperties, Map<String, String> overrides,
      Configuration hadoop) throws WorkflowException {
    CoordinatorApp.Resolved resolved = CoordinatorApp.resolve(jobProperties, overrides, hadoop, APP_PATH,
        "bundle.xml", ErrorCode.E1301, ErrorCode.E1302, "my-bundle");
    CoordinatorApp app = resolved.app();
    Map<String, String> conf = resolved.conf();
    BundleDefinition definition = new BundleParser().parse(app.xml(), app.file(), conf);
    Map<String, String> withDefaults = CoordinatorParser.withParameters(
        LocatedXml.parse(app.xml(), app.file()).getDocumentElement(), conf, false);
    return new BundleSubmission(definition, Map.copyOf(withDefaults), app.dir());
  }

  /** The starting properties of each enabled coordinator, by name, in the bundle's order. */
  public Map<String, Map<String, String>> coordinatorProperties() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (BundleCoordinator coordinator : definition.coordinators()) {
      if (coordinator.enabled()) {
        out.put(coordinator.name(), coordinatorProperties(coordinator));
      }
    }
    return out;
  }

  /** The bundle's properties, the coordinator's configuration over them, and its app path. */
  public Map<String, String> coordinatorProperties(BundleCoordinator coordinator) {
    Map<String, String> out = new LinkedHashMap<>(conf);
    out.remove(APP_PATH);
    out.putAll(coordinator.configuration());
    out.put(CoordinatorSubmission.APP_PATH, coordinator.appPath());
    return out;
  }

  /** Submits one coordinator of the bundle ({@code bundleId} recorded as oozie.bundle.id). */
  public CoordinatorSubmission submit(BundleCoordinator coordinator, String bundleId, Configuration hadoop)
      throws WorkflowException {
    Map<String, String> properties = coordinatorProperties(coordinator);
    if (bundleId != null) {
      properties.put(BUNDLE_ID, bundleId);
    }
    return CoordinatorSubmission.prepare(properties, Map.of(), hadoop, coordinator.name());
  }
}
