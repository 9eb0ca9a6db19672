package dev.hadoopkit.workflow.coord;

import static dev.hadoopkit.workflow.definition.LocatedXml.attribute;
import static dev.hadoopkit.workflow.definition.LocatedXml.child;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;
import static dev.hadoopkit.workflow.definition.LocatedXml.location;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.coord.time.DatasetCalendar;
import dev.hadoopkit.workflow.coord.time.Frequency;
import dev.hadoopkit.workflow.coord.time.NominalTimes;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.SchemaCatalog;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.definition.WorkflowParser;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * coordinator.xml text + the job's properties → {@link CoordinatorDefinition}, with the checks and error codes of
 * Oozie's CoordSubmitXCommand: E0700 malformed, E0701 schema, E0738 required parameter, E1003 bad attribute (dates,
 * timezone, frequency, controls, start not before end), E1004 bad EL or undefined variable, E0803 unknown dataset or
 * duplicate event name, E1021 bad instance, E1028 bad input logic, E1001 unreadable dataset include. Every message
 * carries file:line:column and the fix.
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
    return run.undefined;
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

  private final class Run {
    private final byte[] bytes;
    private final String file;
    private final Map<String, String> given;
    private final boolean lenient;
    private final Set<String> undefined = new TreeSet<>();
    private Map<String, String> conf;

    Run(byte[] bytes, String file, Map<String, String> given, boolean lenient) {
      this.bytes = bytes;
      this.file = file;
      this.given = given;
      this.lenient = lenient;
    }

    CoordinatorDefinition parse() throws WorkflowException {
      Document document = LocatedXml.parse(bytes, file);
      Element root = root(document, file);
      schemas.validateSchedule(bytes, file);
      conf = withParameters(root, given, lenient);
      String namespace = root.getNamespaceURI();
      Location rootAt = location(root);

      String name = value(root.getAttribute("name"), Phase.NOFUNCS, rootAt, "the name attribute");
      Frequency frequency = frequency(root, rootAt, "the coordinator's frequency", true);
      Instant start = date(root, "start", Phase.NOFUNCS, rootAt);
      Instant end = date(root, "end", Phase.NOFUNCS, rootAt);
      ZoneId zone = zone(root, rootAt);
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
      Map<String, Dataset> datasets = datasets(child(root, "datasets"));

      Set<String> eventNames = new LinkedHashSet<>();
      List<DataIn> inputs = inputs(child(root, "input-events"), datasets, eventNames);
      Set<String> dataInNames = new LinkedHashSet<>();
      inputs.forEach(d -> dataInNames.add(d.name()));
      InputLogic logic = null;
      Element logicElement = child(root, "input-logic");
      if (logicElement != null) {
        logic = InputLogicParser.parse(logicElement, inputs, conf);
        InputLogicParser.names(logic, dataInNames);
      }
      List<DataOut> outputs = outputs(child(root, "output-events"), datasets, eventNames);
      Set<String> dataOutNames = new LinkedHashSet<>();
      outputs.forEach(d -> dataOutNames.add(d.name()));

      Element actionElement = child(root, "action");
      Element workflow = child(actionElement, "workflow");
      Element appPathElement = child(workflow, "app-path");
      String appPath = value(appPathElement.getTextContent().trim(), Phase.NOFUNCS, location(appPathElement),
          "<app-path>");
      Map<String, String> configuration = WorkflowParser.configuration(child(workflow, "configuration"));
      Element configurationElement = child(workflow, "configuration");
      if (configurationElement != null) {
        for (Element property : children(configurationElement, "property")) {
          Location where = location(property);
          CoordElContext context = new CoordElContext(Phase.DATA_CHECK, conf);
          context.dataInNames = dataInNames;
          context.dataOutNames = dataOutNames;
          String propertyName = LocatedXml.childText(property, "name");
          check(propertyName, context, where, "the <name> of a <configuration> property");
          Element valueElement = child(property, "value");
          check(valueElement.getTextContent(), context, location(valueElement),
              "the <value> of property " + propertyName);
        }
      }
      SlaDefinition sla = sla(actionElement, dataOutNames);
      return new CoordinatorDefinition(name, namespace, frequency, start, end, zone, controls, datasets, inputs,
          logic, outputs, new ActionTemplate(appPath == null ? "" : appPath, configuration), sla,
          new String(bytes, StandardCharsets.UTF_8), file);
    }

    /** Evaluates in a phase; in lenient mode a text using undefined variables gives null (its checks are skipped). */
    String value(String text, Phase phase, Location where, String what) throws WorkflowException {
      CoordElContext context = new CoordElContext(phase, conf);
      if (lenient) {
        Set<String> missing = CoordEl.missingVariables(text, context);
        if (!missing.isEmpty()) {
          undefined.addAll(missing);
          return null;
        }
      }
      return CoordEl.evaluate(text, context, where, what).trim();
    }

    private void check(String text, CoordElContext context, Location where, String what) throws WorkflowException {
      if (lenient) {
        Set<String> missing = CoordEl.missingVariables(text, context);
        if (!missing.isEmpty()) {
          undefined.addAll(missing);
          return;
        }
      }
      CoordEl.evaluate(text, context, where, what);
    }

    private Frequency frequency(Element element, Location where, String what, boolean cronAllowed)
        throws WorkflowException {
      String raw = element.getAttribute("frequency");
      String text = value(raw, Phase.FREQUENCY, where, what);
      if (text == null) {
        return null;
      }
      Frequency frequency;
      try {
        frequency = Frequency.parse(text);
      } catch (IllegalArgumentException e) {
        throw new WorkflowException(ErrorCode.E1003, where, "invalid " + what + " '" + raw + "': " + e.getMessage()
            + ". Use ${coord:minutes(n)}, ${coord:hours(n)}, ${coord:days(n)}, ${coord:months(n)}, their endOf"
            + " forms, a number of minutes or a cron expression such as '0 1 * * *'.");
      }
      if (!cronAllowed && frequency instanceof Frequency.Cron) {
        throw new WorkflowException(ErrorCode.E1003, where, "invalid " + what + " '" + raw + "': a dataset"
            + " frequency must be a fixed interval, not a cron expression. Use ${coord:hours(1)}, ${coord:days(1)}…");
      }
      if (frequency.minimumInterval().compareTo(MINIMUM_FREQUENCY) < 0) {
        throw new WorkflowException(ErrorCode.E1003, where, what + " '" + raw + "' is faster than the allowed"
            + " minimum of 1 minute. Use a frequency of at least ${coord:minutes(1)}.");
      }
      return frequency;
    }

    private Instant date(Element element, String attribute, Phase phase, Location where) throws WorkflowException {
      String raw = element.getAttribute(attribute);
      String text = value(raw, phase, where, "the " + attribute + " attribute");
      if (text == null) {
        return null;
      }
      try {
        return CoordTimes.parse(text);
      } catch (RuntimeException e) {
        throw new WorkflowException(ErrorCode.E1003, where, "invalid " + attribute + " '" + text + "': "
            + e.getMessage() + ". Write dates as Oozie does, in UTC: yyyy-MM-ddTHH:mmZ (e.g. 2009-01-01T01:00Z).");
      }
    }

    private ZoneId zone(Element element, Location where) throws WorkflowException {
      String raw = element.getAttribute("timezone");
      String text = value(raw, Phase.NOFUNCS, where, "the timezone attribute");
      if (text == null) {
        return ZoneId.of("UTC");
      }
      try {
        return CoordTimes.zone(text);
      } catch (RuntimeException e) {
        throw new WorkflowException(ErrorCode.E1003, where, "invalid timezone '" + text + "': " + e.getMessage()
            + ". Use UTC, GMT[+-]hh:mm or a zone id such as America/Los_Angeles.");
      }
    }

    private Controls controls(Element controls) throws WorkflowException {
      if (controls == null) {
        return Controls.DEFAULTS;
      }
      long timeout = Controls.DEFAULT_TIMEOUT_MINUTES;
      Element timeoutElement = child(controls, "timeout");
      if (timeoutElement != null && !timeoutElement.getTextContent().isBlank()) {
        String text = value(timeoutElement.getTextContent().trim(), Phase.TIMEOUT, location(timeoutElement),
            "<timeout>");
        if (text != null) {
          timeout = integer(text, "timeout", location(timeoutElement), "minutes, -1 to wait for ever");
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
        String text = value(executionElement.getTextContent().trim(), Phase.NOFUNCS, location(executionElement),
            "<execution>");
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
      String text = value(element.getTextContent().trim(), Phase.NOFUNCS, location(element), "<" + name + ">");
      return text == null ? fallback : integer(text, name, location(element), "a whole number");
    }

    private long integer(String text, String what, Location where, String expected) throws WorkflowException {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new WorkflowException(ErrorCode.E1003, where, "invalid " + what + " '" + text + "': expected "
            + expected + ".");
      }
    }

    private Map<String, Dataset> datasets(Element datasets) throws WorkflowException {
      Map<String, Dataset> out = new LinkedHashMap<>();
      if (datasets == null) {
        return out;
      }
      for (Element include : children(datasets, "include")) {
        String path = value(include.getTextContent().trim(), Phase.NOFUNCS, location(include), "<include>");
        if (path != null) {
          readInclude(path, location(include), out, new LinkedHashSet<>());
        }
      }
      for (Element element : children(datasets, "dataset")) {
        Dataset dataset = dataset(element);
        out.remove(dataset.name()); // a dataset of the app overrides an included one, as in Oozie
        out.put(dataset.name(), dataset);
      }
      for (Element element : children(datasets, "async-dataset")) {
        throw new WorkflowException(ErrorCode.E1003, location(element), "async-dataset '"
            + element.getAttribute("name") + "' is not supported (Oozie does not support asynchronous datasets"
            + " either). Use a <dataset> with a frequency.");
      }
      return out;
    }

    private void readInclude(String path, Location where, Map<String, Dataset> out, Set<String> seen)
        throws WorkflowException {
      Path target = new Path(path);
      if (!target.isAbsolute() && target.toUri().getScheme() == null) {
        Path base = new Path(file).getParent();
        target = base == null ? target : new Path(base, path);
      }
      if (!seen.add(target.toString())) {
        return;
      }
      byte[] included;
      try {
        FileSystem fs = target.getFileSystem(hadoop);
        if (fs.getFileStatus(target).isDirectory()) {
          target = new Path(target, "coordinator.xml");
        }
        try (InputStream in = fs.open(target)) {
          included = in.readAllBytes();
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new WorkflowException(ErrorCode.E1001, where, "cannot read the dataset include " + target + ": "
            + e.getMessage() + ". Check the path (relative paths are relative to the coordinator's directory).");
      }
      String includedFile = target.toString();
      Element root = LocatedXml.parse(included, includedFile).getDocumentElement();
      if (!"datasets".equals(root.getLocalName())) {
        throw new WorkflowException(ErrorCode.E0701, location(root), "a dataset include holds <datasets>, found <"
            + root.getNodeName() + ">.");
      }
      for (Element element : children(root, "dataset")) {
        Dataset dataset = dataset(element);
        if (out.containsKey(dataset.name())) {
          throw new WorkflowException(ErrorCode.E0803, location(element), "duplicate dataset " + dataset.name()
              + " among the included files. Give each dataset a unique name.");
        }
        out.put(dataset.name(), dataset);
      }
      for (Element nested : children(root, "include")) {
        readInclude(nested.getTextContent().trim(), location(nested), out, seen);
      }
    }

    private Dataset dataset(Element element) throws WorkflowException {
      Location where = location(element);
      String name = element.getAttribute("name");
      Frequency frequency = frequency(element, where, "frequency of dataset " + name, false);
      Instant initial = date(element, "initial-instance", Phase.INITIAL_INSTANCE, where);
      if (initial != null && initial.isBefore(Instant.EPOCH)) {
        throw new WorkflowException(ErrorCode.E1021, where, "dataset " + name + " initial-instance "
            + CoordTimes.format(initial) + " is earlier than the default initial instance 1970-01-01T00:00Z. Move"
            + " it to 1970 or later.");
      }
      ZoneId zone = zone(element, where);
      Element templateElement = child(element, "uri-template");
      String template = value(templateElement.getTextContent().trim(), Phase.NOFUNCS, location(templateElement),
          "the <uri-template> of dataset " + name);
      Element doneFlagElement = child(element, "done-flag");
      String doneFlag = null;
      if (doneFlagElement != null) {
        doneFlag = value(doneFlagElement.getTextContent().trim(), Phase.NOFUNCS, location(doneFlagElement),
            "the <done-flag> of dataset " + name);
        doneFlag = doneFlag == null ? "" : doneFlag;
      }
      if (frequency == null) {
        frequency = Frequency.parse("60");
      }
      if (initial == null) {
        initial = Instant.EPOCH;
      }
      return new Dataset(name, new DatasetCalendar(initial, frequency, zone), template == null ? "" : template,
          doneFlag, frequency, initial, zone);
    }

    private List<DataIn> inputs(Element events, Map<String, Dataset> datasets, Set<String> eventNames)
        throws WorkflowException {
      List<DataIn> out = new ArrayList<>();
      if (events == null) {
        return out;
      }
      for (Element element : children(events, "data-in")) {
        Location where = location(element);
        String name = element.getAttribute("name");
        String dataset = dataset(element, datasets, eventNames, "data-in");
        List<String> instances = new ArrayList<>();
        for (Element instance : children(element, "instance")) {
          instances.add(instance(instance, "input-events", "instance"));
        }
        Element startElement = child(element, "start-instance");
        Element endElement = child(element, "end-instance");
        String start = startElement == null ? null : instance(startElement, "input-events", "start-instance");
        String end = endElement == null ? null : instance(endElement, "input-events", "end-instance");
        if (start != null) {
          InstanceSpec startSpec = InstanceSpec.parse(start);
          InstanceSpec endSpec = InstanceSpec.parse(end);
          String startKind = startSpec.kind();
          String endKind = endSpec.kind();
          boolean absoluteRange = startKind.equals("absolute") && endKind.equals("current");
          if (!startKind.equals(endKind) && !absoluteRange && !startKind.equals("expression")
              && !endKind.equals("expression")) {
            throw new WorkflowException(ErrorCode.E1021, where, "data-in " + name + ": start-instance " + start
                + " and end-instance " + end + " must use the same EL function (current, latest, future or offset;"
                + " or absolute to current).");
          }
          if (startSpec instanceof InstanceSpec.Current s && endSpec instanceof InstanceSpec.Current e
              && s.n() > e.n()) {
            throw new WorkflowException(ErrorCode.E1021, where, "data-in " + name + ": start-instance current("
                + s.n() + ") is after end-instance current(" + e.n() + "). Swap them.");
          }
          if (startSpec instanceof InstanceSpec.Latest s && endSpec instanceof InstanceSpec.Latest e && s.n() > e.n()) {
            throw new WorkflowException(ErrorCode.E1021, where, "data-in " + name + ": start-instance latest("
                + s.n() + ") is after end-instance latest(" + e.n() + "). Swap them.");
          }
        }
        out.add(new DataIn(name, dataset, instances, start, end));
      }
      return out;
    }

    private String dataset(Element element, Map<String, Dataset> datasets, Set<String> eventNames, String kind)
        throws WorkflowException {
      Location where = location(element);
      String name = element.getAttribute("name");
      if (!eventNames.add(name)) {
        throw new WorkflowException(ErrorCode.E0803, where, "duplicate " + kind + " name " + name
            + ". Give every data-in and data-out a unique name.");
      }
      String dataset = value(element.getAttribute("dataset"), Phase.INSTANCES_CHECK, where,
          "the dataset attribute of " + kind + " " + name);
      if (dataset != null && !datasets.containsKey(dataset) && !(lenient && datasets.isEmpty())) {
        throw new WorkflowException(ErrorCode.E0803, where, kind + " " + name + " uses undefined dataset: "
            + dataset + ". Define it in <datasets> (known: " + String.join(", ", datasets.keySet()) + ").");
      }
      return dataset;
    }

    /** An instance text: checked with the submit-instances functions; E1021 for empty or several instances. */
    private String instance(Element element, String events, String tag) throws WorkflowException {
      String text = element.getTextContent().trim();
      Location where = location(element);
      if (text.isEmpty()) {
        throw new WorkflowException(ErrorCode.E1021, where, "<" + tag + "> tag within " + events + " is empty."
            + " Write an instance such as ${coord:current(0)}.");
      }
      if (InstanceSpec.hasStaticComma(text)) {
        throw new WorkflowException(ErrorCode.E1021, where, events + " " + tag + " '" + text + "' contains more"
            + " than one date instance. Use a separate <instance> per instance (data-in) or a start-instance/"
            + "end-instance range.");
      }
      check(text, new CoordElContext(Phase.INSTANCES_CHECK, conf), where, "<" + tag + ">");
      String evaluatedKind = InstanceSpec.parse(text).kind();
      if (evaluatedKind.equals("expression") && !dev.hadoopkit.workflow.el.ElEvaluator.hasEl(text)) {
        throw new WorkflowException(ErrorCode.E1021, where, events + " " + tag + " '" + text + "' is not valid."
            + " Use ${coord:current(n)}, ${coord:latest(n)}, ${coord:future(n, limit)}, ${coord:offset(n, 'UNIT')},"
            + " ${coord:absolute('date')} or a date such as 2009-01-01T00:00Z.");
      }
      return text;
    }

    private List<DataOut> outputs(Element events, Map<String, Dataset> datasets, Set<String> eventNames)
        throws WorkflowException {
      List<DataOut> out = new ArrayList<>();
      if (events == null) {
        return out;
      }
      for (Element element : children(events, "data-out")) {
        String name = element.getAttribute("name");
        String dataset = dataset(element, datasets, eventNames, "data-out");
        Element instanceElement = child(element, "instance");
        String instance = instance(instanceElement, "output-events", "instance");
        String kind = InstanceSpec.parse(instance).kind();
        if (kind.equals("latest") || kind.equals("future")) {
          throw new WorkflowException(ErrorCode.E1021, location(instanceElement), "data-out " + name + " instance "
              + instance + ": coord:" + kind + " cannot name an output. Use ${coord:current(0)}.");
        }
        String nocleanup = attribute(element, "nocleanup");
        out.add(new DataOut(name, dataset, instance, Boolean.parseBoolean(nocleanup)));
      }
      return out;
    }

    private SlaDefinition sla(Element action, Set<String> dataOutNames) throws WorkflowException {
      for (Element element : children(action)) {
        String ns = element.getNamespaceURI();
        if (ns == null || !ns.startsWith("uri:oozie:sla:") || !"info".equals(element.getLocalName())) {
          continue;
        }
        Map<String, String> texts = new HashMap<>();
        for (Element item : children(element)) {
          CoordElContext context = new CoordElContext(Phase.SLA_CHECK, conf);
          context.dataOutNames = dataOutNames;
          check(item.getTextContent().trim(), context, location(item), "<sla:" + item.getLocalName() + ">");
          texts.put(item.getLocalName(), item.getTextContent().trim());
        }
        return new SlaDefinition(texts.get("nominal-time"), texts.get("should-start"), texts.get("should-end"),
            texts.get("max-duration"), texts.get("alert-events"), texts.get("alert-contact"));
      }
      return null;
    }
  }
}
