package dev.hadoopkit.workflow.engine;

import dev.hadoopkit.workflow.definition.GlobalSpec;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import dev.hadoopkit.workflow.el.ElEvaluator;
import dev.hadoopkit.workflow.el.ElScope;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.w3c.dom.Element;

/** The Hadoop configuration an action attempt runs with, built from the run's configuration and its resolved body. */
final class ActionConfBuilder {
  private final GlobalSpec global;
  private final Configuration hadoop;
  private final ElEvaluator el;
  /** Relative job-xml paths are under the application. */
  private final String appPath;

  ActionConfBuilder(GlobalSpec global, Configuration hadoop, ElEvaluator el, String appPath) {
    this.global = global;
    this.hadoop = hadoop;
    this.el = el;
    this.appPath = appPath;
  }

  /** {@code <global>}, job-xml files, {@code <configuration>}, name-node and job-tracker, in Oozie's order. */
  Configuration build(Element body, ElScope scope) throws Exception {
    boolean plain = global.equals(GlobalSpec.EMPTY);
    for (String own : List.of("name-node", "job-tracker", "resource-manager", "job-xml", "configuration")) {
      plain &= LocatedXml.child(body, own) == null;
    }
    if (plain) {
      return hadoop; // nothing to add: share the run's configuration (executors only read it)
    }
    Configuration conf = new Configuration(hadoop);
    String nameNode = LocatedXml.childText(body, "name-node");
    if (nameNode == null && global.nameNode() != null) {
      nameNode = el.evaluateString(global.nameNode(), scope);
    }
    String jobTracker = HadoopConfs.firstNonEmpty(LocatedXml.childText(body, "resource-manager"),
        LocatedXml.childText(body, "job-tracker"));
    if (jobTracker == null) {
      String globalTracker = HadoopConfs.firstNonEmpty(global.resourceManager(), global.jobTracker());
      jobTracker = globalTracker == null ? null : el.evaluateString(globalTracker, scope);
    }
    HadoopConfs.apply(conf, nameNode, jobTracker);
    // Oozie's order (LiteWorkflowAppParser.handleDefaultsAndGlobal): the job-xml files (global ones first), then the
    // global <configuration> merged under the action's own, so global configuration wins over every job-xml.
    List<String> jobXmls = new ArrayList<>();
    for (String jobXml : global.jobXmls()) {
      jobXmls.add(el.evaluateString(jobXml, scope));
    }
    LocatedXml.children(body, "job-xml").forEach(e -> jobXmls.add(e.getTextContent().trim()));
    for (String jobXml : jobXmls) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(jobXml);
      if (!path.isAbsolute() && path.toUri().getScheme() == null) {
        path = new org.apache.hadoop.fs.Path(appPath, jobXml);
      }
      try (InputStream in = path.getFileSystem(conf).open(path)) {
        // as Oozie's JavaActionExecutor.parseJobXmlAndConfiguration: the job-xml's EL (e.g. ${queueName}) is the
        // workflow's; a value EL cannot evaluate stays as written, for Hadoop's own ${...} expansion
        WorkflowApp.readConfiguration(in.readAllBytes(), path.toString()).forEach((name, value) -> {
          try {
            conf.set(name, el.evaluateString(value, scope));
          } catch (dev.hadoopkit.workflow.el.ElException e) {
            conf.set(name, value);
          }
        });
      } catch (WorkflowException e) {
        throw new IOException("job-xml " + e.describe(), e);
      }
    }
    for (Map.Entry<String, String> e : global.configuration().entrySet()) {
      conf.set(e.getKey(), el.evaluateString(e.getValue(), scope));
    }
    WorkflowParser.configuration(LocatedXml.child(body, "configuration")).forEach(conf::set);
    return conf;
  }
}
