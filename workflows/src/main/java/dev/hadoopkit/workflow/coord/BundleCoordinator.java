package dev.hadoopkit.workflow.coord;

import java.util.Map;

/**
 * One {@code <coordinator>} of a bundle: name, app path and {@code <configuration>} (EL resolved with the bundle's
 * properties), whether it is critical and whether it is enabled ({@code enabled="false"} coordinators are not
 * started, as in Oozie 4.1+).
 */
public record BundleCoordinator(String name, String appPath, Map<String, String> configuration, boolean critical,
    boolean enabled) {
  public BundleCoordinator {
    configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
  }
}
