package dev.hadoopkit.workflow.launcher;

import java.util.List;

/**
 * A launcher command that starts a Java main on the container's class path ({@code @JAVA@ <jvm options> -cp
 * @CLASSPATH@ <main> <args>}): the launcher runs that main in its own JVM, started with those options, instead of a
 * second JVM (one JVM start and one load of Hadoop's classes fewer per action, as Oozie's LauncherAM runs its
 * action's main). Null from {@link #of} for any other command (a shell action's).
 */
record JavaCommand(List<String> jvmOptions, String mainClass, List<String> args) {
  JavaCommand {
    jvmOptions = List.copyOf(jvmOptions);
    args = List.copyOf(args);
  }

  static JavaCommand of(List<String> command) {
    if (command.size() < 4 || !LauncherAM.JAVA_PLACEHOLDER.equals(command.get(0))) {
      return null;
    }
    for (int i = 1; i < command.size(); i++) {
      String arg = command.get(i);
      if (arg.equals("-cp") || arg.equals("-classpath")) {
        if (i + 2 >= command.size() || !LauncherAM.CLASSPATH_PLACEHOLDER.equals(command.get(i + 1))) {
          return null;
        }
        return new JavaCommand(command.subList(1, i), command.get(i + 2), command.subList(i + 3, command.size()));
      }
      if (!arg.startsWith("-")) {
        return null; // an option with a separate value, or a main before any class path: run it as a process
      }
    }
    return null;
  }

  /** Whether the options set the heap (else the launcher's default heap applies). */
  boolean setsHeap() {
    return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxRAMPercentage"));
  }
}
