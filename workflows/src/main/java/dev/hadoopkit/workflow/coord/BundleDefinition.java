package dev.hadoopkit.workflow.coord;

import java.time.Instant;
import java.util.List;

/** A bundle application after submission-time EL: kick-off time (null = now) and its coordinators in order. */
public record BundleDefinition(String name, String namespace, Instant kickOffTime, List<BundleCoordinator> coordinators,
    String xml, String file) {
  public BundleDefinition {
    coordinators = List.copyOf(coordinators);
  }
}
