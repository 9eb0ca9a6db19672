package dev.hadoopkit.workflow.coord;

import static dev.hadoopkit.workflow.definition.LocatedXml.child;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;
import static dev.hadoopkit.workflow.definition.LocatedXml.location;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.coord.time.Frequency;
import dev.hadoopkit.workflow.coord.time.NominalTimes;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.SchemaCatalog;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * coordinator.xml text + the job's properties → {@link CoordinatorDefinition}, with the checks and error codes of
 * Oozie's CoordSubmitXCommand: E0700 malformed, E0701 schema, E0738 required parameter, E1003 bad attribute (dates,
 * timezone, frequency, controls, start not before end), E1004 bad EL or undefined variable, E0803 unknown dataset or
 * duplicate event name, E1021 bad instance, E1028 bad input logic, E1001 unreadable dataset include. Every message
 * carries file:line:column and the fix. The datasets are read by {@link DatasetsParser}, the events by
 * {@link EventsParser}, typed attributes and EL by {@link CoordValues}; this class reads the rest and puts it together.
 */
public final class CoordinatorParser {
  /** The smallest frequency accepted (Oozie checks 5 minutes only when oozie.service.coord.check.maximum.frequency). */
  public static final Duration MINIMUM_FREQUENCY = Duration.ofMinutes(1);

  private final SchemaCatalog schemas;
  private final Configuration hadoop;

  public CoordinatorParser(SchemaCatalog schemas, Configuration hadoop) {
    this.schemas = schemas;
    this.hadoop = hadoop;
  }

  public CoordinatorParser() {
    this(SchemaCatalog.shared(), new Configuration());
  }

  /** Parses and resolves with {@code conf} (the job's properties); every undefined variable is an error. */
  public CoordinatorDefinition parse(byte[] xml, String file, Map<String, String> conf) throws WorkflowException {
    return new Run(xml, file, conf, false).parse();
  }

  /**
   * Checks a coordinator without its job properties (bin/workflow validate): schema and every rule that does not
   * depend on a variable defined nowhere; returns those variables' names (to be defined at submission).
   */
  public Set<String> validate(byte[] xml, String file, Map<String, String> conf) throws WorkflowException {
    Run run = new Run(xml, file, conf, true);
    run.parse();
    return run.undefined();
  }

  /** The root element, checked to be a coordinator (E0701 otherwise). */
  static Element root(Document document, String file) throws WorkflowException {
    Element root = document.getDocumentElement();
    String namespace = root.getNamespaceURI();
    if (!"coordinator-app".equals(root.getLocalName()) || !SchemaCatalog.isCoordinatorNamespace(namespace)) {
      throw new WorkflowException(ErrorCode.E0701, location(root), "root element <" + root.getNodeName()
          + "> in namespace '" + namespace + "' is not a coordinator application. Use <coordinator-app"
          + " xmlns=\"uri:oozie:coordinator:0.5\" name=\"...\" frequency=\"...\" start=\"...\" end=\"...\""
          + " timezone=\"UTC\"> (accepted versions " + SchemaCatalog.COORDINATOR_VERSIONS + ").");
    }
    return root;
  }

  /** {@code <parameters>} defaults under the given properties; E0738 for required ones defined nowhere. */
  static Map<String, String> withParameters(Element root, Map<String, String> conf, boolean lenient)
      throws WorkflowException {
    Map<String, String> out = new LinkedHashMap<>(conf);
    Element parameters = child(root, "parameters");
    if (parameters == null) {
      return out;
    }
    List<String> missing = new ArrayList<>();
    for (Element property : children(parameters, "property")) {
      String name = LocatedXml.childText(property, "name");
      Element value = child(property, "value");
      if (name == null || name.isEmpty()) {
        throw new WorkflowException(ErrorCode.E0739, location(property),
            "parameter name cannot be empty. Give each <parameters><property> a <name>.");
      }
      if (!out.containsKey(name)) {
        if (value != null) {
          out.put(name, value.getTextContent().trim());
        } else {
          missing.add(name);
        }
      }
    }
    if (!missing.isEmpty() && !lenient) {
      throw new WorkflowException(ErrorCode.E0738, location(parameters), "the following " + missing.size()
          + " parameters are required but were not defined and no default values are available: "
          + String.join(", ", missing) + ". Define them in job.properties, with -D name=value, in"
          + " config-default.xml or give them a <value> in <parameters>.");
    }
    return out;
  }

  /** One parse: the job's properties, then the document's parts in order (every part checked as it is read). */
  private final class Run {
    private final byte[] bytes;
    private final String file;
    private final Map<String, String> given;
    private final boolean lenient;
    private CoordValues values;

    Run(byte[] bytes, String file, Map<String, String> given, boolean lenient) {
      this.bytes = bytes;
      this.file = file;
      this.given = given;
      this.lenient = lenient;
    }

    Set<String> undefined() {
      return values.undefined();
    }

    CoordinatorDefinition parse() throws WorkflowException {
      Document document = LocatedXml.parse(bytes, file);
      Element root = root(document, file);
      schemas.validateSchedule(bytes, file);
      values = new CoordValues(withParameters(root, given, lenient), lenient);
      Map<String, String> conf = values.conf();
      String namespace = root.getNamespaceURI();
      Location rootAt = location(root);

      String name = values.value(root.getAttribute("name"), Phase.NOFUNCS, rootAt, "the name attribute");
      Frequency frequency = values.frequency(root, rootAt, "the coordinator's frequency", true);
      Instant start = values.date(root, "start", Phase.NOFUNCS, rootAt);
      Instant end = values.date(root, "end", Phase.NOFUNCS, rootAt);
      ZoneId zone = values.zone(root, rootAt);
      if (start != null && end != null && !start.isBefore(end)) {
        throw new WorkflowException(ErrorCode.E1003, rootAt, "start " + CoordTimes.format(start)
            + " is not earlier than end " + CoordTimes.format(end) + ". Coordinator start time must be earlier than"
            + " end time; move end after start.");
      }
      if (start == null) {
        start = Instant.parse("2009-01-01T00:00:00Z");
      }
      if (end == null || !start.isBefore(end)) {
        end = start.plus(Duration.ofDays(1));
      }
      if (frequency != null && frequency instanceof Frequency.Cron
          && new NominalTimes(start, end, zone, frequency).totalActions() == 0) {
        throw new WorkflowException(ErrorCode.E1003, rootAt, "the cron frequency '" + frequency.canonical()
            + "' materializes no actions between start " + CoordTimes.format(start) + " and end "
            + CoordTimes.format(end) + ". Widen start/end or change the cron expression.");
      }
      if (frequency == null) {
        frequency = Frequency.parse("60");
      }
      Controls controls = controls(child(root, "controls"));
      Map<String, Dataset> datasets = new DatasetsParser(values, hadoop, file).parse(child(root, "datasets"));

      EventsParser events = new EventsParser(values, datasets);
      List<DataIn> inputs = events.inputs(child(root, "input-events"));
      Set<String> dataInNames = new LinkedHashSet<>();
      inputs.forEach(d -> dataInNames.add(d.name()));
      InputLogic logic = null;
      Element logicElement = child(root, "input-logic");
      if (logicElement != null) {
        logic = InputLogicParser.parse(logicElement, inputs, conf);
        InputLogicParser.names(logic, dataInNames);
      }
      List<DataOut> outputs = events.outputs(child(root, "output-events"));
      Set<String> dataOutNames = new LinkedHashSet<>();
      outputs.forEach(d -> dataOutNames.add(d.name()));

      Element actionElement = child(root, "action");
      Element workflow = child(actionElement, "workflow");
      Element appPathElement = child(workflow, "app-path");
      String appPath = values.value(appPathElement.getTextContent().trim(), Phase.NOFUNCS,
          location(appPathElement), "<app-path>");
      Map<String, String> configuration = WorkflowParser.configuration(child(workflow, "configuration"));
      Element configurationElement = child(workflow, "configuration");
      if (configurationElement != null) {
        for (Element property : children(configurationElement, "property")) {
          Location where = location(property);
          CoordElContext context = new CoordElContext(Phase.DATA_CHECK, conf);
          context.dataInNames = dataInNames;
          context.dataOutNames = dataOutNames;
          String propertyName = LocatedXml.childText(property, "name");
          values.check(propertyName, context, where, "the <name> of a <configuration> property");
          Element valueElement = child(property, "value");
          values.check(valueElement.getTextContent(), context, location(valueElement),
              "the <value> of property " + propertyName);
        }
      }
      SlaDefinition sla = sla(actionElement, dataOutNames);
      return new CoordinatorDefinition(name, namespace, frequency, start, end, zone, controls, datasets, inputs,
          logic, outputs, new ActionTemplate(appPath == null ? "" : appPath, configuration), sla,
          new String(bytes, StandardCharsets.UTF_8), file);
    }

    private Controls controls(Element controls) throws WorkflowException {
      if (controls == null) {
        return Controls.DEFAULTS;
      }
      long timeout = Controls.DEFAULT_TIMEOUT_MINUTES;
      Element timeoutElement = child(controls, "timeout");
      if (timeoutElement != null && !timeoutElement.getTextContent().isBlank()) {
        String text = values.value(timeoutElement.getTextContent().trim(), Phase.TIMEOUT,
            location(timeoutElement), "<timeout>");
        if (text != null) {
          timeout = values.integer(text, "timeout", location(timeoutElement), "minutes, -1 to wait for ever");
          if (timeout < 0) {
            timeout = -1;
          }
        }
      }
      int concurrency = (int) control(controls, "concurrency", Controls.DEFAULT_CONCURRENCY);
      int throttle = (int) control(controls, "throttle", Controls.DEFAULT_THROTTLE);
      if (throttle < 1) {
        throttle = Controls.DEFAULT_THROTTLE;
      }
      Execution execution = Execution.FIFO;
      Element executionElement = child(controls, "execution");
      if (executionElement != null && !executionElement.getTextContent().isBlank()) {
        String text = values.value(executionElement.getTextContent().trim(), Phase.NOFUNCS,
            location(executionElement), "<execution>");
        if (text != null) {
          try {
            execution = Execution.valueOf(text);
          } catch (IllegalArgumentException e) {
            throw new WorkflowException(ErrorCode.E1003, location(executionElement), "invalid execution '" + text
                + "'. Use one of FIFO, LIFO, LAST_ONLY, NONE.");
          }
        }
      }
      return new Controls(timeout, concurrency, execution, throttle);
    }

    private long control(Element controls, String name, long fallback) throws WorkflowException {
      Element element = child(controls, name);
      if (element == null || element.getTextContent().isBlank()) {
        return fallback;
      }
      String text = values.value(element.getTextContent().trim(), Phase.NOFUNCS, location(element),
          "<" + name + ">");
      return text == null ? fallback : values.integer(text, name, location(element), "a whole number");
    }

    private SlaDefinition sla(Element action, Set<String> dataOutNames) throws WorkflowException {
      for (Element element : children(action)) {
        String ns = element.getNamespaceURI();
        if (ns == null || !ns.startsWith("uri:oozie:sla:") || !"info".equals(element.getLocalName())) {
          continue;
        }
        Map<String, String> texts = new HashMap<>();
        for (Element item : children(element)) {
          CoordElContext context = new CoordElContext(Phase.SLA_CHECK, values.conf());
          context.dataOutNames = dataOutNames;
          values.check(item.getTextContent().trim(), context, location(item), "<sla:" + item.getLocalName() + ">");
          texts.put(item.getLocalName(), item.getTextContent().trim());
        }
        return new SlaDefinition(texts.get("nominal-time"), texts.get("should-start"), texts.get("should-end"),
            texts.get("max-duration"), texts.get("alert-events"), texts.get("alert-contact"));
      }
      return null;
    }
  }
}
