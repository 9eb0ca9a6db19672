package dev.hadoopkit.workflow.definition;

import java.util.List;
import java.util.Map;

/** The {@code <global>} section: defaults applied to every action that does not set them itself. */
public record GlobalSpec(String jobTracker, String resourceManager, String nameNode, List<String> jobXmls,
    Map<String, String> configuration) {
  public static final GlobalSpec EMPTY = new GlobalSpec(null, null, null, List.of(), Map.of());

  public GlobalSpec {
    jobXmls = List.copyOf(jobXmls);
    configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
  }
}
