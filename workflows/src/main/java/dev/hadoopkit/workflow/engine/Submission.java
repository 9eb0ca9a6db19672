package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.Parameter;
import dev.hadoopkit.workflow.definition.WorkflowDefinition;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.el.ElException;
import dev.hadoopkit.workflow.el.ElScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A workflow ready to run: the app loaded and validated, and its job properties resolved in Oozie's order — the
 * command line's {@code -D} over job.properties over config-default.xml over {@code <parameters>} defaults. Every EL
 * expression of the workflow is parsed and its variables checked now, so a bad expression or a missing parameter
 * stops the submission (E0738, EL_ERROR) before anything runs.
 */
public record Submission(WorkflowApp app, WorkflowDefinition definition, Map<String, String> conf, String name) {

  public static Submission prepare(Map<String, String> jobProperties, Map<String, String> overrides,
      String appPathArgument, Configuration base, WorkflowParser parser, ElEvaluator el) throws WorkflowException {
    return prepare(jobProperties, overrides, appPathArgument, p -> HadoopConfs.forRun(base, p), parser, el);
  }

  /** The same, with the run's Hadoop configuration from {@code hadoopFor} (an engine shares them, read-only). */
  static Submission prepare(Map<String, String> jobProperties, Map<String, String> overrides,
      String appPathArgument, java.util.function.Function<Map<String, String>, Configuration> hadoopFor,
      WorkflowParser parser, ElEvaluator el) throws WorkflowException {
    Map<String, String> given = new LinkedHashMap<>(jobProperties);
    given.putAll(overrides);
    given.putIfAbsent("user.name", System.getProperty("user.name"));
    // ${fs.defaultFS}, ${yarn.resourcemanager.address}...: from the cluster's configuration (ClusterProperties)
    Map<String, String> resolved = expand(given, ClusterProperties.referenced(given, () -> hadoopFor.apply(Map.of())));
    String appPath = appPathArgument != null ? appPathArgument : resolved.get(ConfigKeys.APP_PATH);
    if (appPath == null || appPath.isBlank()) {
      throw new WorkflowException(ErrorCode.E0711, Location.of("job.properties"), "no application path: set "
          + ConfigKeys.APP_PATH + " in job.properties (e.g. ${nameNode}/user/${user.name}/apps/my-wf) or pass"
          + " the app directory");
    }
    appPath = HadoopConfs.normalizePath(appPath);
    Configuration hadoop = hadoopFor.apply(resolved);
    WorkflowApp app = WorkflowApp.load(appPath, hadoop);
    WorkflowDefinition definition = parser.parse(app.workflowXml(), app.workflowFile());

    Map<String, String> conf = new TreeMap<>();
    for (Parameter parameter : definition.parameters()) {
      if (!parameter.isRequired()) {
        conf.put(parameter.name(), parameter.defaultValue());
      }
    }
    conf.putAll(expand(app.configDefault()));
    conf.putAll(resolved);
    conf.put(ConfigKeys.APP_PATH, app.dir());
    conf = expand(conf);

    List<String> missing = new ArrayList<>();
    for (Parameter parameter : definition.parameters()) {
      if (parameter.isRequired() && !conf.containsKey(parameter.name())) {
        missing.add(parameter.name());
      }
    }
    // one message for every missing name: the required <parameters> first, then the variables the EL uses
    ElCheck check = checkExpressions(app, conf, el);
    Location where = missing.isEmpty() ? check.firstMissing() : Location.of(app.workflowFile());
    for (String name : check.missing()) {
      if (!missing.contains(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw missingParameters(missing, where);
    }
    try {
      LibPaths.jobJars(conf, hadoop);
    } catch (java.io.IOException e) {
      throw new WorkflowException(ErrorCode.E0710, Location.of("job.properties"), e.getMessage());
    }
    String name = el.evaluateStringUnchecked(definition.name(), conf);
    return new Submission(app, definition, conf, name);
  }

  private static WorkflowException missingParameters(List<String> names, Location where) {
    return new WorkflowException(ErrorCode.E0738, where, "the following " + names.size()
        + " parameters are required but were not defined and no default values are available: "
        + String.join(", ", names) + ". Define them in job.properties, with -D name=value, in config-default.xml"
        + " or give them a <value> in <parameters>.");
  }

  /** Hadoop-style ${var} expansion among the properties (and system properties), as Oozie does for job.properties. */
  static Map<String, String> expand(Map<String, String> properties) {
    return expand(properties, Map.of());
  }

  /** The same, where {@code fallbacks} (not returned) resolve variables that no property defines. */
  static Map<String, String> expand(Map<String, String> properties, Map<String, String> fallbacks) {
    Configuration conf = new Configuration(false);
    fallbacks.forEach(conf::set);
    properties.forEach((k, v) -> conf.set(k, v == null ? "" : v));
    Map<String, String> out = new TreeMap<>();
    for (String key : properties.keySet()) {
      String value;
      try {
        value = conf.get(key);
      } catch (IllegalStateException e) {
        value = conf.getRaw(key); // a variable loop; leave the raw text
      }
      out.put(key, value == null ? "" : value);
    }
    return out;
  }

  /** What a check pass found undefined, and where the first of them is used. */
  private record ElCheck(Set<String> missing, Location firstMissing) {
  }

  /**
   * The EL check of a submission without its properties, for {@code validate}: syntax errors and unknown functions
   * are EL_ERROR exactly as at submission; variables are not checked (they come with job.properties).
   */
  public static void checkElSyntax(WorkflowApp app, ElEvaluator el) throws WorkflowException {
    checkExpressions(app, Map.of(), el);
  }

  /** Evaluates every ${…} of the workflow in check mode: syntax errors and undefined variables, with their place. */
  private static ElCheck checkExpressions(WorkflowApp app, Map<String, String> conf, ElEvaluator el)
      throws WorkflowException {
    Element root = LocatedXml.parse(app.workflowXml(), app.workflowFile()).getDocumentElement();
    Set<String> missing = new TreeSet<>();
    Location firstMissing = null;
    List<Element> stack = new ArrayList<>(List.of(root));
    while (!stack.isEmpty()) {
      Element element = stack.remove(stack.size() - 1);
      Location where = LocatedXml.location(element);
      List<String> texts = new ArrayList<>();
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        texts.add(((Attr) attributes.item(i)).getValue());
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
          texts.add(child.getNodeValue());
        } else if (child instanceof Element e) {
          stack.add(e);
        }
      }
      for (String text : texts) {
        if (!ElEvaluator.hasEl(text)) {
          continue;
        }
        ElScope scope = ElScope.forCheck(conf);
        try {
          el.evaluate(text, Object.class, scope);
        } catch (ElException e) {
          throw new WorkflowException(ErrorCode.EL_ERROR, where, "invalid EL in <" + element.getLocalName()
              + ">: " + e.getMessage().replaceAll("\\.+$", "") + ". Oozie EL is ${expression}, e.g. ${wf:id()} or"
              + " ${nameNode}/path.");
        }
        if (!scope.missing().isEmpty() && firstMissing == null) {
          firstMissing = where;
        }
        missing.addAll(scope.missing());
      }
    }
    return new ElCheck(missing, firstMissing);
  }
}
