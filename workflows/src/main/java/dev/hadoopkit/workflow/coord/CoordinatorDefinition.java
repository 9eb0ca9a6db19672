package dev.hadoopkit.workflow.coord;

import dev.hadoopkit.workflow.coord.time.Frequency;
import dev.hadoopkit.workflow.coord.time.NominalTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A coordinator application after submission-time resolution: attributes, controls and datasets evaluated (the
 * submit-phase EL of Oozie), events and the action kept as EL text for each action. {@code xml} is the document as
 * submitted, {@code file} where it came from (for messages).
 */
public record CoordinatorDefinition(String name, String namespace, Frequency frequency, Instant start, Instant end,
    ZoneId timezone, Controls controls, Map<String, Dataset> datasets, List<DataIn> inputs, InputLogic inputLogic,
    List<DataOut> outputs, ActionTemplate action, SlaDefinition sla, String xml, String file) {

  public CoordinatorDefinition {
    datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The action times: start, start + frequency, … before end, in the coordinator's timezone. */
  public NominalTimes nominalTimes() {
    return new NominalTimes(start, end, timezone, frequency);
  }

  public DataIn input(String dataInName) {
    return inputs.stream().filter(d -> d.name().equals(dataInName)).findFirst().orElse(null);
  }

  public DataOut output(String dataOutName) {
    return outputs.stream().filter(d -> d.name().equals(dataOutName)).findFirst().orElse(null);
  }
}
