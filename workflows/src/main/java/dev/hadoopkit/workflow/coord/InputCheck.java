package dev.hadoopkit.workflow.coord;

import java.util.List;
import java.util.Map;

/**
 * The result of checking an action's inputs: ready or not, what is missing (URIs, or a sentence for an unresolved
 * latest/future), and the URIs of each data-in (latest/future resolved now) and of each named input-logic node, for
 * {@code coord:dataIn}.
 */
public record InputCheck(boolean ready, List<String> missing, Map<String, List<String>> resolvedInputs) {
  public InputCheck {
    missing = List.copyOf(missing);
    resolvedInputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resolvedInputs));
  }
}
