package dev.hadoopkit.sandbox;

import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.db.StandaloneDatabase;
import dev.hadoopkit.sandbox.movielens.MovieLensLoader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code bin/sandbox}: a pseudo-distributed Hadoop cluster of real daemons plus a MySQL-compatible database.
 * Exit codes: 0 success, 1 failure, 2 usage error.
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

  private static Options commonOptions() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("home").hasArg().argName("DIR").desc("sandbox home (default ~/.sandbox)")
        .build());
    o.addOption(Option.builder().longOpt("verbose").desc("stack traces on errors").build());
    o.addOption(Option.builder("h").longOpt("help").desc("this help").build());
    return o;
  }

  static Options optionsFor(String command) {
    Options o = commonOptions();
    switch (command) {
      case "up" -> {
        o.addOption(intOption("datanodes", "N", "number of DataNodes (1-9; default 1, or as before)"));
        o.addOption(intOption("nodemanagers", "N", "number of NodeManagers (1-9; default 1, or as before)"));
        o.addOption(intOption("replication", "N", "HDFS replication (default min(DataNodes, 3))"));
        o.addOption(intOption("port-offset", "N", "add N to every port (default 0)"));
        o.addOption(intOption("db-port", "P", "database port (default 3306 + offset)"));
        o.addOption(intOption("timeout", "SECONDS", "how long to wait for health (default 240)"));
        o.addOption(Option.builder().longOpt("no-db").desc("no database").build());
      }
      case "down" -> o.addOption(Option.builder().longOpt("wipe")
          .desc("also delete the sandbox home: HDFS data, database data, logs").build());
      case "start-node" -> o.addOption(intOption("timeout", "SECONDS", "how long to wait (default 120)"));
      case "load-movielens" -> {
        o.addOption(intOption("ratings", "N", "generated data only: number of ratings (default 100000)"));
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N")
            .desc("generated data only: random seed (default 42)").build());
        o.addOption(Option.builder().longOpt("hdfs-dir").hasArg().argName("DIR")
            .desc("HDFS target (default /user/$USER/ml-100k)").build());
        o.addOption(Option.builder().longOpt("db-name").hasArg().argName("NAME")
            .desc("database name (default movielens)").build());
      }
      case "bench" -> {
        o.addOption(intOption("ratings", "N", "ratings in the job's input (default 1000000)"));
        o.addOption(intOption("port-offset", "N", "port offset of the benchmark's own sandbox (default 20000)"));
        o.addOption(Option.builder().longOpt("job-jar").hasArg().argName("JAR")
            .desc("job jar to run (default: hadoop-mapreduce-examples wordcount-style)").build());
      }
      case "db-up" -> {
        o.addOption(intOption("db-port", "P", "port of a local server to use when it answers (default 3306)"));
        o.addOption(dbHomeOption());
        o.addOption(intOption("owner-pid", "PID", "an embedded server stops itself when this process exits"));
        o.addOption(intOption("timeout", "SECONDS", "how long to wait for the embedded server (default 180)"));
      }
      case "db-down" -> o.addOption(dbHomeOption());
      case "db-load" -> {
        o.addOption(Option.builder().longOpt("url").hasArg().argName("URL")
            .desc("server JDBC URL, e.g. jdbc:mariadb://127.0.0.1:3306/ (as db-up prints it)").build());
        o.addOption(Option.builder().longOpt("username").hasArg().argName("USER").desc("default root").build());
        o.addOption(Option.builder().longOpt("password-env").hasArg().argName("VAR")
            .desc("environment variable holding the password (default: none)").build());
        o.addOption(Option.builder().longOpt("db-name").hasArg().argName("NAME")
            .desc("database name (default movielens)").build());
        o.addOption(intOption("ratings", "N", "generated data only: number of ratings (default 100000)"));
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N")
            .desc("generated data only: random seed (default 42)").build());
      }
      default -> {
        // status, env, stop-node, start-node: common options only.
      }
    }
    return o;
  }

  private static Option dbHomeOption() {
    return Option.builder().longOpt("db-home").hasArg().argName("DIR")
        .desc("state directory of the embedded server: binaries, data, log, PID (default <home>/standalone-db)")
        .build();
  }

  private static Option intOption(String name, String arg, String desc) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).build();
  }

  private static final List<String> COMMANDS =
      List.of("up", "status", "env", "down", "stop-node", "start-node", "load-movielens", "bench", "db-up",
          "db-load", "db-down");

  int run(String[] args) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    String command = args[0];
    if (command.equals("-h") || command.equals("--help") || command.equals("help")) {
      out.print(USAGE);
      return 0;
    }
    if (!COMMANDS.contains(command)) {
      err.println("sandbox: unknown command '" + command + "'. Commands: " + String.join(", ", COMMANDS)
          + ". Run 'bin/sandbox --help'.");
      return 2;
    }
    Options options = optionsFor(command);
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
    } catch (ParseException e) {
      err.println("sandbox " + command + ": " + e.getMessage() + ". Run 'bin/sandbox " + command + " --help'.");
      return 2;
    }
    if (cl.hasOption("help")) {
      printCommandHelp(command, options);
      return 0;
    }
    boolean verbose = cl.hasOption("verbose");
    try {
      SandboxHome home = new SandboxHome(cl.hasOption("home") ? Path.of(cl.getOptionValue("home")) : defaultHome());
      Sandbox sandbox = new Sandbox(home, webroot(), out);
      List<String> rest = cl.getArgList();
      switch (command) {
        case "up" -> {
          noArgs(command, rest);
          sandbox.up(new UpRequest(intOpt(cl, "datanodes"), intOpt(cl, "nodemanagers"),
              intOpt(cl, "replication"), intOpt(cl, "port-offset"), cl.hasOption("no-db"), intOpt(cl, "db-port"),
              Duration.ofSeconds(intOpt(cl, "timeout") == null ? 240 : intOpt(cl, "timeout"))));
          return 0;
        }
        case "status" -> {
          noArgs(command, rest);
          return sandbox.status() ? 0 : 1;
        }
        case "env" -> {
          noArgs(command, rest);
          out.print(sandbox.env());
          return 0;
        }
        case "down" -> {
          noArgs(command, rest);
          sandbox.down(cl.hasOption("wipe"));
          return 0;
        }
        case "stop-node", "start-node" -> {
          if (rest.size() != 1) {
            throw new UsageException("sandbox " + command + ": give one node name, e.g. datanode-2");
          }
          if (command.equals("stop-node")) {
            sandbox.stopNode(rest.get(0));
          } else {
            sandbox.startNode(rest.get(0),
                Duration.ofSeconds(intOpt(cl, "timeout") == null ? 120 : intOpt(cl, "timeout")));
          }
          return 0;
        }
        case "load-movielens" -> {
          if (rest.size() > 1) {
            throw new UsageException("sandbox load-movielens: give at most one PATH (an ml-100k directory or a"
                + " MySQL dump)");
          }
          Path source = rest.isEmpty() ? null : Path.of(rest.get(0));
          if (source != null && !Files.exists(source)) {
            throw new UsageException("sandbox load-movielens: " + source + " does not exist");
          }
          String hdfsDir = cl.getOptionValue("hdfs-dir", "/user/" + System.getProperty("user.name") + "/ml-100k");
          long seed = Long.parseLong(cl.getOptionValue("seed", "42"));
          int ratings = intOpt(cl, "ratings") == null ? 100_000 : intOpt(cl, "ratings");
          new MovieLensLoader(sandbox, out).load(source, hdfsDir, cl.getOptionValue("db-name", "movielens"),
              seed, ratings);
          return 0;
        }
        case "bench" -> {
          noArgs(command, rest);
          new SandboxBench(home, webroot(), out).run(intOpt(cl, "ratings") == null ? 1_000_000 : intOpt(cl, "ratings"),
              intOpt(cl, "port-offset") == null ? 20000 : intOpt(cl, "port-offset"), cl.getOptionValue("job-jar"));
          return 0;
        }
        case "db-up" -> {
          noArgs(command, rest);
          StandaloneDatabase db = new StandaloneDatabase(dbHome(cl, home), err);
          Integer owner = intOpt(cl, "owner-pid");
          StandaloneDatabase.Endpoint e = db.up(intOpt(cl, "db-port") == null ? 3306 : intOpt(cl, "db-port"),
              owner == null ? OptionalLong.empty() : OptionalLong.of(owner),
              Duration.ofSeconds(intOpt(cl, "timeout") == null ? 180 : intOpt(cl, "timeout")));
          out.println("jdbcUrl=" + e.jdbcUrl());
          out.println("port=" + e.port());
          out.println("embedded=" + e.embedded());
          out.println("server=" + e.serverVersion());
          return 0;
        }
        case "db-down" -> {
          noArgs(command, rest);
          boolean stopped = new StandaloneDatabase(dbHome(cl, home), err).down(Duration.ofSeconds(30));
          err.println(stopped ? "database: embedded MariaDB stopped"
              : "database: no embedded MariaDB running for " + dbHome(cl, home) + " (nothing to stop)");
          return 0;
        }
        case "db-load" -> {
          if (rest.size() > 1) {
            throw new UsageException("sandbox db-load: give at most one PATH (an ml-100k directory or a MySQL dump)");
          }
          Path source = rest.isEmpty() || rest.get(0).isBlank() ? null : Path.of(rest.get(0));
          if (source != null && !Files.exists(source)) {
            throw new UsageException("sandbox db-load: " + source + " does not exist");
          }
          if (!cl.hasOption("url")) {
            throw new UsageException("sandbox db-load: --url is required, e.g. --url jdbc:mariadb://127.0.0.1:3306/"
                + " (db-up prints it)");
          }
          String passwordEnv = cl.getOptionValue("password-env");
          String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
          if (password == null) {
            throw new UsageException("sandbox db-load: environment variable " + passwordEnv + " is not set");
          }
          Map<String, Long> counts = MovieLensLoader.loadDatabase(cl.getOptionValue("url"),
              cl.getOptionValue("username", "root"), password, cl.getOptionValue("db-name", "movielens"), source,
              Long.parseLong(cl.getOptionValue("seed", "42")),
              intOpt(cl, "ratings") == null ? 100_000 : intOpt(cl, "ratings"), out);
          counts.forEach((table, n) -> out.println(table + "=" + n));
          return 0;
        }
        default -> throw new IllegalStateException(command);
      }
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    } catch (Sandbox.SandboxException e) {
      err.println("sandbox " + command + ": " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    } catch (Exception e) {
      err.println("sandbox " + command + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
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

  private void printCommandHelp(String command, Options options) {
    PrintWriter pw = new PrintWriter(out);
    HelpFormatter f = new HelpFormatter();
    String args = switch (command) {
      case "stop-node", "start-node" -> " NAME";
      case "load-movielens", "db-load" -> " [PATH]";
      default -> "";
    };
    f.printHelp(pw, 100, "bin/sandbox " + command + args + " [options]", "", options, 2, 2,
        "\nSee `bin/sandbox --help` for every command and examples.");
    pw.flush();
  }

  private static Path dbHome(CommandLine cl, SandboxHome home) {
    return cl.hasOption("db-home") ? Path.of(cl.getOptionValue("db-home")) : home.root().resolve("standalone-db");
  }

  private static void noArgs(String command, List<String> rest) throws UsageException {
    if (!rest.isEmpty()) {
      throw new UsageException("sandbox " + command + ": unexpected argument '" + rest.get(0) + "'");
    }
  }

  private static Integer intOpt(CommandLine cl, String name) throws UsageException {
    String v = cl.getOptionValue(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("Invalid --" + name + " '" + v + "': expected a whole number");
    }
  }

  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
