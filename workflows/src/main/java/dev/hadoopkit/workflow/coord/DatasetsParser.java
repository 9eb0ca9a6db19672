package dev.hadoopkit.workflow.coord;

import static dev.hadoopkit.workflow.definition.LocatedXml.child;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;
import static dev.hadoopkit.workflow.definition.LocatedXml.location;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.coord.time.CoordTimes;
import dev.hadoopkit.workflow.coord.time.DatasetCalendar;
import dev.hadoopkit.workflow.coord.time.Frequency;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.LocatedXml;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.w3c.dom.Element;

/**
 * A coordinator's {@code <datasets>}: its own datasets and those of its includes (read through Hadoop's file
 * systems, relative to the coordinator's directory; E1001 when unreadable, E0803 for a duplicate among includes),
 * each with its frequency, initial instance (E1021 before 1970), zone, URI template and done flag.
 */
final class DatasetsParser {
  private final CoordValues values;
  private final Configuration hadoop;
  private final String file;

  DatasetsParser(CoordValues values, Configuration hadoop, String file) {
    this.values = values;
    this.hadoop = hadoop;
    this.file = file;
  }

  /** The datasets by name, in document order (includes first); empty without {@code <datasets>}. */
  Map<String, Dataset> parse(Element datasets) throws WorkflowException {
    Map<String, Dataset> out = new LinkedHashMap<>();
    if (datasets == null) {
      return out;
    }
    for (Element include : children(datasets, "include")) {
      String path = values.value(include.getTextContent().trim(), Phase.NOFUNCS, location(include), "<include>");
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
    Frequency frequency = values.frequency(element, where, "frequency of dataset " + name, false);
    Instant initial = values.date(element, "initial-instance", Phase.INITIAL_INSTANCE, where);
    if (initial != null && initial.isBefore(Instant.EPOCH)) {
      throw new WorkflowException(ErrorCode.E1021, where, "dataset " + name + " initial-instance "
          + CoordTimes.format(initial) + " is earlier than the default initial instance 1970-01-01T00:00Z. Move"
          + " it to 1970 or later.");
    }
    ZoneId zone = values.zone(element, where);
    Element templateElement = child(element, "uri-template");
    String template = values.value(templateElement.getTextContent().trim(), Phase.NOFUNCS,
        location(templateElement), "the <uri-template> of dataset " + name);
    Element doneFlagElement = child(element, "done-flag");
    String doneFlag = null;
    if (doneFlagElement != null) {
      doneFlag = values.value(doneFlagElement.getTextContent().trim(), Phase.NOFUNCS, location(doneFlagElement),
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
}
