package dev.hadoopkit.ingest;

import dev.hadoopkit.formats.localfs.NioLocalFileSystem;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionsFiles;
import dev.hadoopkit.ingest.commands.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.HelpFormatter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.apache.hadoop.util.VersionInfo;

/**
 * {@code sqoop TOOL [GENERIC-ARGS] [TOOL-ARGS]}: the entry point of bin/sqoop and bin/ingest. Each tool runs through
 * {@link ToolRunner}, so Hadoop's generic options ({@code -D k=v}, {@code -conf}, {@code -fs}, {@code -libjars}) work
 * before the tool options, as in Sqoop 1.4.7.
 */
public final class IngestMain {
  private final ToolRegistry tools;
  private final Console console;

  public IngestMain(Console console) {
    this.console = console;
    this.tools = ToolRegistry.standard();
  }

  public static void main(String[] args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    if (!verbose) {
      quietTaskFailureLogs();
    }
    System.exit(new IngestMain(Console.system(verbose)).run(args, new Configuration()));
  }

  /**
   * A failed local task is reported by this program in one line (from the task's own report); Hadoop's local runner
   * would also print the whole stack trace at WARN, and MariaDB Connector/J logs every server error it receives
   * ("WARN server.ErrorPacket: Error: 1366-22007: ...") before the same error reaches this program. Shown again
   * with --verbose. Set here rather than in conf/log4j.properties so that a cluster's own log4j configuration
   * ($HADOOP_CONF_DIR) gets the same one-line errors.
   */
  private static void quietTaskFailureLogs() {
    for (String name : new String[] {"org.apache.hadoop.mapred.LocalJobRunner", "org.apache.hadoop.mapred.Task",
        "org.apache.hadoop.mapred.MapTask", "org.apache.hadoop.mapreduce.Job",
        "org.mariadb.jdbc.message.server.ErrorPacket"}) {
      org.apache.log4j.Logger.getLogger(name).setLevel(org.apache.log4j.Level.ERROR);
    }
  }

  /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 usage error). */
  public int run(String[] args, Configuration conf) {
    if (args.length == 0) {
      console.error("No tool given. Try 'sqoop help' for usage.");
      return 2;
    }
    try {
      // Sqoop expands options files before it reads the tool name: the file may hold the tool ("import" first line).
      List<String> expanded = OptionsFiles.expand(Arrays.asList(args));
      if (expanded.isEmpty()) {
        throw new UsageException("No tool given (the options file is empty). Try 'sqoop help' for usage.");
      }
      String tool = expanded.get(0);
      List<String> rest = expanded.subList(1, expanded.size());
      switch (tool) {
        case "help":
        case "--help":
        case "-h":
          return help(rest.isEmpty() ? null : rest.get(0));
        case "version":
        case "--version":
          console.out().println(versionLine());
          console.out().println("Hadoop " + VersionInfo.getVersion());
          return 0;
        default:
          break;
      }
      SqoopTool command = tools.get(tool);
      if (command == null) {
        throw new UsageException("No such sqoop tool: " + tool + ". See 'sqoop help'.");
      }
      if (rest.contains("--help") || rest.contains("-h")) {
        return help(tool);
      }
      // Hadoop's generic option parser would swallow a lone "--": keep what follows it for the tool (job --create/--exec).
      int split = rest.indexOf("--");
      List<String> before = split < 0 ? rest : rest.subList(0, split);
      List<String> after = split < 0 ? List.of() : rest.subList(split, rest.size());
      return ToolRunner.run(conf, new HadoopToolAdapter(command, console, after), before.toArray(new String[0]));
    } catch (UsageException e) {
      console.error(e.getMessage());
      return 2;
    } catch (IngestException e) {
      console.error(e.getMessage());
      if (console.verbose() && e.getCause() != null) {
        e.getCause().printStackTrace();
      }
      return 1;
    } catch (Exception e) {
      console.error("Failed: " + e + (console.verbose() ? "" : " (run with --verbose for the stack trace)"));
      if (console.verbose()) {
        e.printStackTrace();
      }
      return 1;
    }
  }

  private int help(String tool) {
    if (tool == null) {
      console.out().println("usage: sqoop COMMAND [ARGS]   (bin/ingest is the same program)");
      console.out().println();
      console.out().println("Available commands:");
      console.out().printf("  %-18s %s%n", "eval", tools.get("eval").description());
      for (SqoopTool c : tools.all()) {
        if (!c.name().equals("eval")) {
          console.out().printf("  %-18s %s%n", c.name(), c.description());
        }
      }
      console.out().printf("  %-18s %s%n", "help", "List available commands");
      console.out().printf("  %-18s %s%n", "version", "Display version information");
      console.out().println();
      console.out().println("See 'sqoop help COMMAND' for information on a specific command.");
      console.out().println("Generic Hadoop options (-D key=value, -conf file, -fs uri, -libjars jars) go right after COMMAND.");
      return 0;
    }
    SqoopTool c = tools.get(tool);
    if (c == null) {
      throw new UsageException("No such sqoop tool: " + tool + ". See 'sqoop help'.");
    }
    PrintWriter w = new PrintWriter(console.out(), true);
    HelpFormatter f = new HelpFormatter();
    f.setWidth(110);
    f.setOptionComparator(null);
    f.printHelp(w, 110, "sqoop " + c.name() + " [GENERIC-ARGS] [TOOL-ARGS]", c.description() + "\n\n", c.options(), 2, 2,
        "\nGeneric Hadoop options (-D key=value, -conf, -fs, -libjars) come before the tool arguments.\n\nExamples:\n"
            + c.examples(), false);
    w.flush();
    return 0;
  }

  static String versionLine() {
    Properties p = new Properties();
    try (InputStream in = IngestMain.class.getResourceAsStream("/dev/hadoopkit/ingest/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return "Sqoop 1.4.7-compatible hadoopkit ingest-sqoopish " + p.getProperty("version", "unknown");
  }

  /** The tools that submit MapReduce jobs. */
  private static final java.util.Set<String> RUNS_JOBS = java.util.Set.of("import", "export", "import-all-tables", "job",
      "merge");

  /** Adapts a SqoopTool to Hadoop's Tool so ToolRunner applies the generic options first. */
  private static final class HadoopToolAdapter extends Configured implements Tool {
    private final SqoopTool command;
    private final Console console;

    private final List<String> tail;

    HadoopToolAdapter(SqoopTool command, Console console, List<String> tail) {
      this.command = command;
      this.console = console;
      this.tail = tail;
    }

    @Override
    public int run(String[] args) throws Exception {
      List<String> all = new java.util.ArrayList<>(Arrays.asList(args));
      all.addAll(tail);
      Args parsed = Args.parse(command.name(), command.options(), all.toArray(new String[0]));
      // A JobConf also reads mapred-site.xml, where a cluster's client configuration names its framework.
      if ("local".equals(new org.apache.hadoop.mapred.JobConf(getConf()).get("mapreduce.framework.name", "local"))) {
        // Without Hadoop's native library every chmod forks a process: about 45 per import, 3-8 ms each.
        NioLocalFileSystem.useUnlessChosen(getConf(), "hadoopkit ingest local mode");
        if (RUNS_JOBS.contains(command.name())) {
          JobWarmUp.start(getConf());
        }
      }
      return command.run(parsed, getConf(), console);
    }
  }
}
