package dev.hadoopkit.workflow.engine;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The jars an action of a type runs with: the app's and oozie.libpath's plus that type's system library and, as
 * Oozie gives every launched action, the system libpath's launcher library ({@code oozie/}).
 */
final class ActionJars {
  private final Map<String, String> runConf;
  private final Configuration hadoop;
  private final List<String> libJars;
  /** Computed once per type: listing the system library reads the file system. */
  private final Map<String, List<String>> jarsByType = new ConcurrentHashMap<>();

  ActionJars(Map<String, String> runConf, Configuration hadoop, List<String> libJars) {
    this.runConf = runConf;
    this.hadoop = hadoop;
    this.libJars = libJars;
  }

  List<String> forType(String actionType) throws IOException {
    List<String> jars = jarsByType.get(actionType);
    if (jars == null) {
      List<String> system = new java.util.ArrayList<>(LibPaths.systemJars(runConf, actionType, hadoop));
      LibPaths.launcherJars(hadoop).stream().filter(jar -> !system.contains(jar)).forEach(system::add);
      jars = system.isEmpty() ? libJars : java.util.stream.Stream.concat(libJars.stream(), system.stream()).toList();
      jarsByType.put(actionType, jars);
    }
    return jars;
  }
}
