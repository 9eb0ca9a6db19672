package dev.hadoopkit.workflow.coord;

import java.util.List;

/**
 * {@code <data-in>}: either {@code instances} (one or more {@code <instance>} texts) or a
 * {@code startInstance}/{@code endInstance} range; the texts are EL as written ({@code ${coord:current(-23)}}).
 */
record DataIn(String name, String dataset, List<String> instances, String startInstance, String endInstance) {
  public DataIn {
    instances = List.copyOf(instances);
  }

  public boolean isRange() {
    return startInstance != null;
  }
}
