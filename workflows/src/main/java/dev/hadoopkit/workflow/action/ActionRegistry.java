package dev.hadoopkit.workflow.action;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The one table of action executors, by action type. A duplicate type fails at start. */
public final class ActionRegistry {
  private final Map<String, ActionExecutor> executors = new LinkedHashMap<>();

  public ActionRegistry register(ActionExecutor executor) {
    if (executors.putIfAbsent(executor.type(), executor) != null) {
      throw new IllegalStateException("Cannot register action type twice: " + executor.type());
    }
    return this;
  }

  /** The executors this engine ships. */
  public static ActionRegistry standard() {
    return new ActionRegistry()
        .register(new FsActionExecutor())
        .register(new ShellActionExecutor())
        .register(new JavaActionExecutor())
        .register(new MapReduceActionExecutor())
        .register(new SubWorkflowActionExecutor())
        .register(new DistcpActionExecutor())
        .register(new EmailActionExecutor())
        .register(new Hive2ActionExecutor())
        .register(new SqoopActionExecutor())
        .register(new UnsupportedActionExecutor("pig", "rewrite the script as a map-reduce or java action"))
        .register(new UnsupportedActionExecutor("hive", "run the script with a hive2 action instead"
            + " (uri:oozie:hive2-action:1.0: the same <script> and <param>s, plus <jdbc-url> of HiveServer2)"))
        .register(new UnsupportedActionExecutor("spark", "submit the job from a shell action (spark-submit)"))
        .register(new UnsupportedActionExecutor("ssh", "run the remote command from a shell action"))
        .register(new UnsupportedActionExecutor("git", "clone in a shell action"));
  }

  public ActionExecutor get(String type) {
    return executors.get(type);
  }

  public Set<String> types() {
    return executors.keySet();
  }
}
