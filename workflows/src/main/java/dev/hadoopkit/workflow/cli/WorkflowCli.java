package dev.hadoopkit.workflow.cli;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.workflow.definition.WorkflowException;
import dev.hadoopkit.workflow.engine.ConfigKeys;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code bin/workflow}: the embedded Oozie-compatible workflow engine. Every command is registered once in
 * {@link #COMMANDS}. Exit codes: 0 ok, 1 failure (e.g. the run did not succeed), 2 usage error or bad input.
 */
public final class WorkflowCli extends Configured implements Tool {
  static final List<Command> COMMANDS = List.of(new ValidateCommand(), new RunCommand(), new InfoCommand(),
      new LogCommand(), new KillCommand(), new RerunCommand(), new GraphCommand(), new ListCommand(),
      new SubmitCommand(), new StartCommand(), new SuspendCommand(true), new SuspendCommand(false),
      new StatusCommand(), new DefinitionCommand(), new BenchCommand(), new ServeCommand(), new DeployCommand());
  private static final List<String> FLAGS_WITH_VALUE = List.of("config", "resume", "pool", "format", "run",
      "oozie", "chain", "fork", "sleep", "port", "bind", "state", "coords", "flags", "actions", "mass",
      "mass-actions", "records", "backlog", "others", "lead", "flag-wait", "repeat", "only",
      "runs", "changes", "warmup", "samples", "filter", "offset", "len", "jobtype");

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  public WorkflowCli(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /** Sets the Hadoop configuration (as ToolRunner does) and returns this, for in-process use. */
  public WorkflowCli withConf(Configuration conf) {
    setConf(conf);
    return this;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new Configuration(), new WorkflowCli(System.out, System.err, System.getenv()), args));
  }

  static {
    Map<String, Command> seen = new LinkedHashMap<>();
    for (Command command : COMMANDS) {
      if (seen.put(command.name(), command) != null) {
        throw new IllegalStateException("Duplicate command name: " + command.name());
      }
    }
  }

  @Override
  public int run(String[] argv) {
    List<String> args = new ArrayList<>(Arrays.asList(argv));
    boolean verbose = args.remove("--verbose");
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
      if (args.size() > 1) {
        return commandHelp(args.get(1));
      }
      usage(args.isEmpty() ? err : out);
      return args.isEmpty() ? 2 : 0;
    }
    Command command = COMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst().orElse(null);
    if (command == null) {
      err.println("workflow: unknown command '" + args.get(0) + "'. Run 'bin/workflow --help'.");
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      return commandHelp(command.name());
    }
    try {
      Invocation invocation = new Invocation(rest, FLAGS_WITH_VALUE, out, err, getConf(), env);
      return command.run(invocation);
    } catch (UsageException e) {
      err.println("workflow " + command.name() + ": " + e.getMessage() + ". Usage: bin/workflow " + command.usage());
      return 2;
    } catch (WorkflowException e) {
      err.println("workflow " + command.name() + ": " + e.describe());
      if (verbose) {
        e.printStackTrace(err);
      }
      return 2;
    } catch (java.io.IOException | IllegalStateException | IllegalArgumentException e) {
      err.println("workflow " + command.name() + ": " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    } catch (Exception e) {
      err.println("workflow " + command.name() + ": " + e + (verbose ? "" : " (run with --verbose for details)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  private int commandHelp(String name) {
    Command command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    if (command == null) {
      err.println("workflow: unknown command '" + name + "'. Run 'bin/workflow --help'.");
      return 2;
    }
    out.println("Usage: bin/workflow " + command.usage());
    out.println();
    out.println(command.description());
    out.println();
    out.println("Examples:");
    command.examples().forEach(e -> out.println("  " + e));
    return 0;
  }

  private static void usage(PrintStream stream) {
    stream.println("Usage: bin/workflow COMMAND [options]   (bin/workflow help COMMAND for details)");
    stream.println();
    stream.println("An embedded Oozie-compatible workflow engine: runs workflow.xml apps (uri:oozie:workflow:0.1-1.0)"
        + " on this machine,");
    stream.println("Hadoop work going to local mode (jobTracker=local, nameNode=file:///) or the cluster in"
        + " $HADOOP_CONF_DIR.");
    stream.println();
    stream.println("Commands:");
    for (Command command : COMMANDS) {
      stream.println(String.format("  %-10s %s", command.name(), command.description()));
    }
    stream.println();
    stream.println("Examples:");
    stream.println("  bin/workflow validate my-app/");
    stream.println("  bin/workflow run -config my-app/job.properties -D queueName=etl");
    stream.println("  bin/workflow info 0000001-261121203000123-hk-W");
    stream.println();
    stream.println("Settings (-D name=value, or system properties):");
    for (ConfigKeys.Key key : ConfigKeys.ALL) {
      stream.println(String.format("  %-28s default %-24s %s", key.name(),
          key.defaultValue().isEmpty() ? "-" : key.defaultValue(), key.description()));
    }
    stream.println();
    stream.println("Exit codes: 0 ok, 1 failure (the run did not succeed), 2 usage error or invalid input."
        + " --verbose prints stack traces.");
  }
}
