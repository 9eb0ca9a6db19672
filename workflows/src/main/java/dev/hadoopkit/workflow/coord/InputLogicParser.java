package dev.hadoopkit.workflow.coord;

import static dev.hadoopkit.workflow.definition.LocatedXml.attribute;
import static dev.hadoopkit.workflow.definition.LocatedXml.children;
import static dev.hadoopkit.workflow.definition.LocatedXml.location;

import dev.hadoopkit.workflow.coord.CoordElContext.Phase;
import dev.hadoopkit.workflow.definition.ErrorCode;
import dev.hadoopkit.workflow.definition.Location;
import dev.hadoopkit.workflow.definition.WorkflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <input-logic>} → {@link InputLogic}, with Oozie's rules (E1028): references name a {@code <data-in>}, min and
 * wait are whole numbers, combine holds data-in references whose events are current ranges. Several top-level nodes
 * are an implicit AND.
 */
final class InputLogicParser {
  private InputLogicParser() {
  }

  static InputLogic parse(org.w3c.dom.Element element, List<DataIn> inputs, Map<String, String> conf)
      throws WorkflowException {
    List<InputLogic> nodes = new ArrayList<>();
    for (org.w3c.dom.Element child : children(element)) {
      nodes.add(node(child, inputs, conf));
    }
    if (nodes.isEmpty()) {
      throw new WorkflowException(ErrorCode.E1028, location(element), "<input-logic> is empty. Give it an <and>,"
          + " <or>, <combine> or <data-in dataset=\"name of a data-in\"/>.");
    }
    return nodes.size() == 1 ? nodes.get(0) : new InputLogic.And(null, null, null, nodes);
  }

  /** Adds the names of the named nodes (for coord:dataIn). */
  static void names(InputLogic logic, Set<String> out) {
    if (logic.name() != null && !logic.name().isEmpty()) {
      out.add(logic.name());
    }
    if (logic instanceof InputLogic.And and) {
      and.children().forEach(c -> names(c, out));
    } else if (logic instanceof InputLogic.Or or) {
      or.children().forEach(c -> names(c, out));
    } else if (logic instanceof InputLogic.Combine combine) {
      combine.children().forEach(c -> names(c, out));
    }
  }

  private static InputLogic node(org.w3c.dom.Element element, List<DataIn> inputs, Map<String, String> conf)
      throws WorkflowException {
    Location where = location(element);
    String name = text(attribute(element, "name"), conf, where);
    Integer min = number(element, "min", conf);
    Integer wait = number(element, "wait", conf);
    switch (element.getLocalName()) {
      case "data-in" -> {
        String ref = text(element.getAttribute("dataset"), conf, where);
        if (inputs.stream().noneMatch(d -> d.name().equals(ref))) {
          throw new WorkflowException(ErrorCode.E1028, where, "input-logic data-in '" + ref + "' is not the name"
              + " of a <data-in> of <input-events>. In <input-logic>, dataset=\"…\" names a data-in (known: "
              + String.join(", ", inputs.stream().map(DataIn::name).toList()) + ").");
        }
        return new InputLogic.DataInRef(name, min, wait, ref);
      }
      case "combine" -> {
        List<InputLogic.DataInRef> refs = new ArrayList<>();
        for (org.w3c.dom.Element child : children(element)) {
          InputLogic.DataInRef ref = (InputLogic.DataInRef) node(child, inputs, conf);
          DataIn in = inputs.stream().filter(d -> d.name().equals(ref.dataIn())).findFirst().orElseThrow();
          if (!in.isRange() || !(InstanceSpec.parse(in.startInstance()) instanceof InstanceSpec.Current)
              || !(InstanceSpec.parse(in.endInstance()) instanceof InstanceSpec.Current)) {
            throw new WorkflowException(ErrorCode.E1028, location(child), "combine: data-in " + ref.dataIn()
                + " must be a start-instance/end-instance range of coord:current (combine does not support"
                + " latest, future or single instances).");
          }
          refs.add(ref);
        }
        if (refs.size() < 2) {
          throw new WorkflowException(ErrorCode.E1028, where, "combine needs at least two data-in references.");
        }
        return new InputLogic.Combine(name, min, wait, refs);
      }
      default -> {
        List<InputLogic> nodes = new ArrayList<>();
        for (org.w3c.dom.Element child : children(element)) {
          nodes.add(node(child, inputs, conf));
        }
        if (nodes.isEmpty()) {
          throw new WorkflowException(ErrorCode.E1028, where, "<" + element.getLocalName() + "> is empty.");
        }
        return element.getLocalName().equals("and") ? new InputLogic.And(name, min, wait, nodes)
            : new InputLogic.Or(name, min, wait, nodes);
      }
    }
  }

  private static String text(String raw, Map<String, String> conf, Location where) throws WorkflowException {
    if (raw == null) {
      return null;
    }
    return CoordEl.evaluate(raw, new CoordElContext(Phase.NOFUNCS, conf), where, "an <input-logic> attribute")
        .trim();
  }

  private static Integer number(org.w3c.dom.Element element, String attribute, Map<String, String> conf)
      throws WorkflowException {
    String text = text(attribute(element, attribute), conf, location(element));
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new WorkflowException(ErrorCode.E1028, location(element), "input-logic " + attribute + "='" + text
          + "' is not a whole number >= 0" + (attribute.equals("wait") ? " of minutes." : "."));
    }
  }
}
