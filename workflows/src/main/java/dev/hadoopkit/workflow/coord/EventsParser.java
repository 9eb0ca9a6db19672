package dev.hadoopkit.workflow.coord;

import static dev.hadoopkit.workflow.definition.LocatedXml.attribute;
import static dev.hadoopkit.workflow.definition.LocatedXml.child;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;
import static dev.hadoopkit.workflow.definition.LocatedXml.location;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.el.ElEvaluator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * A coordinator's {@code <input-events>} and {@code <output-events>}: each event names a known dataset (E0803 for an
 * unknown one or a duplicate event name) and instances checked with the submit-instances functions (E1021 for an
 * empty, multiple or invalid instance, a range whose ends use different functions or are swapped, and a data-out
 * that names latest or future).
 */
final class EventsParser {
  private final CoordValues values;
  private final Map<String, Dataset> datasets;
  private final Set<String> eventNames = new LinkedHashSet<>();

  EventsParser(CoordValues values, Map<String, Dataset> datasets) {
    this.values = values;
    this.datasets = datasets;
  }

  List<DataIn> inputs(Element events) throws WorkflowException {
    List<DataIn> out = new ArrayList<>();
    if (events == null) {
      return out;
    }
    for (Element element : children(events, "data-in")) {
      String name = element.getAttribute("name");
      String dataset = dataset(element, "data-in");
      List<String> instances = new ArrayList<>();
      for (Element instance : children(element, "instance")) {
        instances.add(instance(instance, "input-events", "instance"));
      }
      Element startElement = child(element, "start-instance");
      Element endElement = child(element, "end-instance");
      String start = startElement == null ? null : instance(startElement, "input-events", "start-instance");
      String end = endElement == null ? null : instance(endElement, "input-events", "end-instance");
      if (start != null) {
        checkRange(name, start, end, location(element));
      }
      out.add(new DataIn(name, dataset, instances, start, end));
    }
    return out;
  }

  /** Both ends of a range use the same function (or absolute to current), and start is not after end. */
  private static void checkRange(String name, String start, String end, Location where) throws WorkflowException {
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
    if (startSpec instanceof InstanceSpec.Current s && endSpec instanceof InstanceSpec.Current e && s.n() > e.n()) {
      throw new WorkflowException(ErrorCode.E1021, where, "data-in " + name + ": start-instance current("
          + s.n() + ") is after end-instance current(" + e.n() + "). Swap them.");
    }
    if (startSpec instanceof InstanceSpec.Latest s && endSpec instanceof InstanceSpec.Latest e && s.n() > e.n()) {
      throw new WorkflowException(ErrorCode.E1021, where, "data-in " + name + ": start-instance latest("
          + s.n() + ") is after end-instance latest(" + e.n() + "). Swap them.");
    }
  }

  List<DataOut> outputs(Element events) throws WorkflowException {
    List<DataOut> out = new ArrayList<>();
    if (events == null) {
      return out;
    }
    for (Element element : children(events, "data-out")) {
      String name = element.getAttribute("name");
      String dataset = dataset(element, "data-out");
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

  private String dataset(Element element, String kind) throws WorkflowException {
    Location where = location(element);
    String name = element.getAttribute("name");
    if (!eventNames.add(name)) {
      throw new WorkflowException(ErrorCode.E0803, where, "duplicate " + kind + " name " + name
          + ". Give every data-in and data-out a unique name.");
    }
    String dataset = values.value(element.getAttribute("dataset"), Phase.INSTANCES_CHECK, where,
        "the dataset attribute of " + kind + " " + name);
    if (dataset != null && !datasets.containsKey(dataset) && !(values.lenient() && datasets.isEmpty())) {
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
    values.check(text, new CoordElContext(Phase.INSTANCES_CHECK, values.conf()), where, "<" + tag + ">");
    String evaluatedKind = InstanceSpec.parse(text).kind();
    if (evaluatedKind.equals("expression") && !ElEvaluator.hasEl(text)) {
      throw new WorkflowException(ErrorCode.E1021, where, events + " " + tag + " '" + text + "' is not valid."
          + " Use ${coord:current(n)}, ${coord:latest(n)}, ${coord:future(n, limit)}, ${coord:offset(n, 'UNIT')},"
          + " ${coord:absolute('date')} or a date such as 2009-01-01T00:00Z.");
    }
    return text;
  }
}
