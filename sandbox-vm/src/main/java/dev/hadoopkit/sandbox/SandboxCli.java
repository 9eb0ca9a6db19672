package dev.hadoopkit.sandbox;

import dev.hadoopkit.formats.tool.UsageException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code bin/sandbox}: a pseudo-distributed Hadoop cluster of real daemons plus a MySQL-compatible database.
 * Parses the command line and hands it to the command's entry in {@link SandboxCommands}, the one table of
 * commands. Exit codes: 0 success, 1 failure, 2 usage error.
 */
public final class SandboxCli {

  static final String USAGE = """
      Usage: bin/sandbox COMMAND [options]

      A real pseudo-distributed Hadoop cluster on this machine: NameNode, DataNodes, ResourceManager, NodeManagers
      and JobHistoryServer, each its own JVM from this project's jars, plus a MySQL-compatible database.

      Commands:
        up [--datanodes N] [--nodemanagers N] [--replication N] [--no-db] [--db-port P] [--port-offset N]
                                   start (or complete) the sandbox and wait until it is healthy
        status                     each daemon: pid, ports, health; HDFS, YARN and the database
        env                        shell exports so bin/hadoop, bin/hdfs, bin/yarn, bin/mapred use the sandbox
        load-movielens [PATH]      MovieLens into HDFS /user/$USER/ml-100k and the database `movielens`;
                                   PATH: an ml-100k directory or movielens-mysql.sql; none: generated data
        stop-node NAME             stop one worker (datanode-N, nodemanager-N) to watch the cluster cope
        start-node NAME            start it again
        down [--wipe]              stop everything the sandbox started; --wipe also deletes its home
        bench                      measure cold up, down, memory and a job on YARN vs local mode

      The database alone (no Hadoop daemons), for workflows and scripts:
        db-up [--db-port P] [--db-home DIR] [--owner-pid PID]
                                   the server on 127.0.0.1:P (default 3306) when one answers, else an embedded
                                   MariaDB in the background; prints jdbcUrl=..., embedded=..., as properties
        db-load --url URL [--db-name NAME] [PATH | --ratings N --seed S]
                                   MovieLens tables (movielens-mysql.sql's layout) into NAME (default movielens)
        db-down [--db-home DIR]    stop the embedded MariaDB that db-up started (the local server is left alone)

      Options for every command:
        --home DIR                 the sandbox home (default ~/.sandbox): conf, data, logs, PID files
        --verbose                  stack traces on errors
        -h, --help                 this help (or `bin/sandbox COMMAND --help`)

      Examples:
        bin/sandbox up --datanodes 3 --nodemanagers 2
        eval "$(bin/sandbox env)" && bin/hadoop fs -ls /
        bin/sandbox load-movielens ../shared/datasets/ml-100k
        bin/sandbox stop-node datanode-2 && bin/sandbox status
        bin/sandbox down --wipe
        bin/sandbox db-up && bin/sandbox db-load --url jdbc:mariadb://127.0.0.1:3306/ --ratings 100000

      Ports (Hadoop's usual ones, all moved by --port-offset): NameNode 9000/9870, DataNode i 9866/9864/9867
      (+10 per node), ResourceManager 8030-8033/8088, NodeManager i 8040-8042 (+100 per node), shuffle 13562+i-1,
      JobHistory 10020/10033/19888, database 3306.
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, SandboxCommands.Command> commands = SandboxCommands.all();

  SandboxCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new SandboxCli(System.out, System.err).run(args));
  }

  static Path defaultHome() {
    return Path.of(System.getProperty("user.home"), ".sandbox").toAbsolutePath().normalize();
  }

  /** The HDFS webapps unpacked next to this module's jar at build time (target/webroot). */
  static Path webroot() {
    String prop = System.getProperty("sandbox.webroot");
    if (prop != null) {
      return Path.of(prop);
    }
    try {
      Path jar = Path.of(SandboxCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().resolve("webroot");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the sandbox-vm jar", e);
    }
  }

  int run(String[] args) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    String name = args[0];
    if (name.equals("-h") || name.equals("--help") || name.equals("help")) {
      out.print(USAGE);
      return 0;
    }
    SandboxCommands.Command command = commands.get(name);
    if (command == null) {
      err.println("sandbox: unknown command '" + name + "'. Commands: " + String.join(", ", commands.keySet())
          + ". Run 'bin/sandbox --help'.");
      return 2;
    }
    Options options = command.options();
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
    } catch (ParseException e) {
      err.println("sandbox " + name + ": " + e.getMessage() + ". Run 'bin/sandbox " + name + " --help'.");
      return 2;
    }
    if (cl.hasOption("help")) {
      printCommandHelp(command, options);
      return 0;
    }
    boolean verbose = cl.hasOption("verbose");
    try {
      return command.action().run(new SandboxCommands.Invocation(name, cl, out, err));
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    } catch (Sandbox.SandboxException e) {
      err.println("sandbox " + name + ": " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    } catch (Exception e) {
      err.println("sandbox " + name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
          + (verbose ? "" : " (run with --verbose for details)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return 1;
    }
  }

  private void printCommandHelp(SandboxCommands.Command command, Options options) {
    PrintWriter pw = new PrintWriter(out);
    HelpFormatter f = new HelpFormatter();
    f.printHelp(pw, 100, "bin/sandbox " + command.name() + command.arguments() + " [options]", "", options, 2, 2,
        "\nSee `bin/sandbox --help` for every command and examples.");
    pw.flush();
  }
}
