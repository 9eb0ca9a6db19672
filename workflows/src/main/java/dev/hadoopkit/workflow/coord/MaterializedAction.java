package dev.hadoopkit.workflow.coord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One materialized action: its number (1-based), nominal time, the URIs of each data-in that could be resolved now
 * (current, offset, absolute; ranges expanded newest first, as Oozie), the URIs of each data-out, and a description of
 * each {@code coord:latest}/{@code coord:future} that waits for the input check.
 */
public record MaterializedAction(int number, Instant nominalTime, Map<String, List<String>> inputs,
    Map<String, List<String>> outputs, List<String> pendingLatestFuture) {
  public MaterializedAction {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    pendingLatestFuture = List.copyOf(pendingLatestFuture);
  }
}
