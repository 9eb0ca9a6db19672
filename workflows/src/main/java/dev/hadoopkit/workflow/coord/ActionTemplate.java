package dev.hadoopkit.workflow.coord;

import java.util.Map;

/** {@code <action><workflow>}: the app path (job properties resolved) and the configuration, values as written. */
record ActionTemplate(String appPath, Map<String, String> configuration) {
  public ActionTemplate {
    configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
  }
}
