package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.action.ActionRegistry;
import dev.hadoopkit.workflow.engine.EngineSettings;
import dev.hadoopkit.workflow.engine.WorkflowEngine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * One command's arguments: positional words, flags ({@code -config f}, {@code --resume id}, {@code -dryrun}) and the
 * {@code -D name=value} properties, which may appear anywhere.
 */
final class Invocation {
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final PrintStream out;
  private final PrintStream err;
  private final Configuration conf;
  private final Map<String, String> env;
  private WorkflowEngine engine;

  Invocation(List<String> args, List<String> flagsWithValue, PrintStream out, PrintStream err, Configuration conf,
      Map<String, String> env) throws UsageException {
    this.out = out;
    this.err = err;
    this.conf = conf;
    this.env = env;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-D")) {
        if (i + 1 >= args.size()) {
          throw new UsageException("-D needs name=value");
        }
        property(args.get(++i));
      } else if (arg.startsWith("-D") && arg.length() > 2) {
        property(arg.substring(2));
      } else if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("-")) {
        String name = arg.replaceFirst("^--?", "");
        int eq = name.indexOf('=');
        if (eq > 0) {
          options.put(name.substring(0, eq), name.substring(eq + 1));
        } else if (flagsWithValue.contains(name)) {
          if (i + 1 >= args.size()) {
            throw new UsageException(arg + " needs a value");
          }
          options.put(name, args.get(++i));
        } else {
          options.put(name, "true");
        }
      } else {
        positional.add(arg);
      }
    }
  }

  private void property(String pair) throws UsageException {
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new UsageException("-D " + pair + ": expected name=value");
    }
    properties.put(pair.substring(0, eq), pair.substring(eq + 1));
  }

  List<String> positional() {
    return positional;
  }

  String positional(int index, String what) throws UsageException {
    if (positional.size() <= index) {
      throw new UsageException("missing " + what);
    }
    return positional.get(index);
  }

  /**
   * A run id given on the command line: checked for the id format before it is used as a directory name, so that
   * {@code ../x} cannot make the engine create or read files outside the state directory.
   */
  String runId(int index) throws UsageException {
    return checkRunId(positional(index, "the run id"));
  }

  static String checkRunId(String id) throws UsageException {
    if (!dev.hadoopkit.workflow.state.RunStore.isRunId(id)) {
      throw new UsageException("'" + id + "' is not a run id (ids look like 0000003-261121203000123-hk-W;"
          + " 'bin/workflow jobs' lists the runs)");
    }
    return id;
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  String option(String name) {
    return options.get(name);
  }

  /**
   * The whole number of {@code --name} from {@code min} (default when absent); anything else is a usage error naming
   * the option as {@code prefix} + name (Oozie's spelling is -len, bin/workflow's --port).
   */
  int number(String prefix, String name, int defaultValue, int min) throws UsageException {
    return NumberOption.parse(prefix + name, option(name), defaultValue, min, Integer.MAX_VALUE);
  }

  Map<String, String> options() {
    return options;
  }

  Map<String, String> properties() {
    return properties;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  Configuration conf() {
    return conf;
  }

  void rejectUnknown(List<String> known) throws UsageException {
    for (String option : options.keySet()) {
      if (!known.contains(option)) {
        throw new UsageException("unknown option -" + option + " (known: "
            + (known.isEmpty() ? "none" : "-" + String.join(", -", known)) + ")");
      }
    }
  }

  /** Engine settings from system properties, then -D, then the environment. */
  EngineSettings settings() throws UsageException {
    Map<String, String> all = new LinkedHashMap<>();
    System.getProperties().forEach((k, v) -> all.put(k.toString(), v.toString()));
    for (Map.Entry<String, String> e : conf) {
      if (e.getKey().startsWith("hk.workflow.")) {
        all.put(e.getKey(), e.getValue());
      }
    }
    all.putAll(properties);
    try {
      EngineSettings settings = EngineSettings.from(all, env);
      if (options.containsKey("pool")) {
        settings = settings.withPoolSize(NumberOption.parse("--pool", options.get("pool"), 1, Integer.MAX_VALUE));
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  WorkflowEngine engine() throws UsageException {
    if (engine == null) {
      engine = new WorkflowEngine(settings(), ActionRegistry.standard(), conf, err);
    }
    return engine;
  }
}
