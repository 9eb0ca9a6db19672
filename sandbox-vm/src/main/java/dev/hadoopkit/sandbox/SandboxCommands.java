package dev.hadoopkit.sandbox;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.db.StandaloneDatabase;
import dev.hadoopkit.sandbox.movielens.MovieLensLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The commands of {@code bin/sandbox}, one entry each: name, arguments, options and what it runs. The table is the
 * only place a command is declared; {@link SandboxCli} parses, dispatches and maps errors to exit codes.
 */
final class SandboxCommands {

  /** What a command runs; returns the exit code. */
  interface Action {
    int run(Invocation in) throws Exception;
  }

  /** One command: {@code arguments} is the synopsis after its name (" NAME", " [PATH]" or ""). */
  record Command(String name, String arguments, List<Option> ownOptions, Action action) {
    /** The command's own options plus the ones every command takes. */
    Options options() {
      Options o = new Options();
      o.addOption(Option.builder().longOpt("home").hasArg().argName("DIR").desc("sandbox home (default ~/.sandbox)")
          .build());
      o.addOption(Option.builder().longOpt("verbose").desc("stack traces on errors").build());
      o.addOption(Option.builder("h").longOpt("help").desc("this help").build());
      ownOptions.forEach(o::addOption);
      return o;
    }
  }

  private SandboxCommands() {
  }

  /** Every command, in the order of {@code bin/sandbox --help}. */
  static Map<String, Command> all() {
    return register(
        new Command("up", "", List.of(
            intOption("datanodes", "N", "number of DataNodes (1-9; default 1, or as before)"),
            intOption("nodemanagers", "N", "number of NodeManagers (1-9; default 1, or as before)"),
            intOption("replication", "N", "HDFS replication (default min(DataNodes, 3))"),
            intOption("port-offset", "N", "add N to every port (default 0)"),
            intOption("db-port", "P", "database port (default 3306 + offset)"),
            intOption("timeout", "SECONDS", "how long to wait for health (default 240)"),
            flag("no-db", "no database")), SandboxCommands::up),
        new Command("status", "", List.of(), in -> {
          in.noArgs();
          return in.sandbox().status() ? 0 : 1;
        }),
        new Command("env", "", List.of(), in -> {
          in.noArgs();
          in.out().print(in.sandbox().env());
          return 0;
        }),
        new Command("down", "", List.of(flag("wipe", "also delete the sandbox home: HDFS data, database data, logs")),
            in -> {
              in.noArgs();
              in.sandbox().down(in.line().hasOption("wipe"));
              return 0;
            }),
        new Command("stop-node", " NAME", List.of(), in -> {
          in.sandbox().stopNode(in.nodeName());
          return 0;
        }),
        new Command("start-node", " NAME", List.of(intOption("timeout", "SECONDS", "how long to wait (default 120)")),
            in -> {
              String node = in.nodeName();
              in.sandbox().startNode(node, Duration.ofSeconds(in.number("timeout", 120)));
              return 0;
            }),
        new Command("load-movielens", " [PATH]", List.of(
            intOption("ratings", "N", "generated data only: number of ratings (default 100000)"),
            seedOption(),
            valueOption("hdfs-dir", "DIR", "HDFS target (default /user/$USER/ml-100k)"),
            valueOption("db-name", "NAME", "database name (default movielens)")), SandboxCommands::loadMovieLens),
        new Command("bench", "", List.of(
            intOption("ratings", "N", "ratings in the job's input (default 1000000)"),
            intOption("port-offset", "N", "port offset of the benchmark's own sandbox (default 20000)"),
            valueOption("job-jar", "JAR", "job jar to run (default: hadoop-mapreduce-examples wordcount-style)")),
            in -> {
              in.noArgs();
              new SandboxBench(in.home(), SandboxCli.webroot(), in.out()).run(in.number("ratings", 1_000_000),
                  in.number("port-offset", 20000), in.line().getOptionValue("job-jar"));
              return 0;
            }),
        new Command("db-up", "", List.of(
            intOption("db-port", "P", "port of a local server to use when it answers (default 3306)"),
            dbHomeOption(),
            intOption("owner-pid", "PID", "an embedded server stops itself when this process exits"),
            intOption("timeout", "SECONDS", "how long to wait for the embedded server (default 180)")),
            SandboxCommands::dbUp),
        new Command("db-load", " [PATH]", List.of(
            valueOption("url", "URL", "server JDBC URL, e.g. jdbc:mariadb://127.0.0.1:3306/ (as db-up prints it)"),
            valueOption("username", "USER", "default root"),
            valueOption("password-env", "VAR", "environment variable holding the password (default: none)"),
            valueOption("db-name", "NAME", "database name (default movielens)"),
            intOption("ratings", "N", "generated data only: number of ratings (default 100000)"),
            seedOption()), SandboxCommands::dbLoad),
        new Command("db-down", "", List.of(dbHomeOption()), in -> {
          in.noArgs();
          Path dbHome = in.dbHome();
          boolean stopped = new StandaloneDatabase(dbHome, in.err()).down(Duration.ofSeconds(30));
          in.err().println(stopped ? "database: embedded MariaDB stopped"
              : "database: no embedded MariaDB running for " + dbHome + " (nothing to stop)");
          return 0;
        }));
  }

  private static Map<String, Command> register(Command... all) {
    Map<String, Command> table = new LinkedHashMap<>();
    for (Command command : all) {
      if (table.put(command.name(), command) != null) {
        throw new IllegalStateException("Duplicate command name: " + command.name());
      }
    }
    return Collections.unmodifiableMap(table);
  }

  private static int up(Invocation in) throws Exception {
    in.noArgs();
    Integer timeout = in.number("timeout", 240);
    in.sandbox().up(new UpRequest(in.number("datanodes", null), in.number("nodemanagers", null),
        in.number("replication", null), in.number("port-offset", null), in.line().hasOption("no-db"),
        in.number("db-port", null), Duration.ofSeconds(timeout)));
    return 0;
  }

  private static int loadMovieLens(Invocation in) throws Exception {
    Path source = in.optionalSource();
    CommandLine cl = in.line();
    String hdfsDir = cl.getOptionValue("hdfs-dir", "/user/" + System.getProperty("user.name") + "/ml-100k");
    long seed = in.number("seed", 42L);
    int ratings = in.number("ratings", 100_000);
    new MovieLensLoader(in.sandbox(), in.out()).load(source, hdfsDir, cl.getOptionValue("db-name", "movielens"),
        seed, ratings);
    return 0;
  }

  private static int dbUp(Invocation in) throws Exception {
    in.noArgs();
    StandaloneDatabase db = new StandaloneDatabase(in.dbHome(), in.err());
    Integer owner = in.number("owner-pid", null);
    StandaloneDatabase.Endpoint e = db.up(in.number("db-port", 3306),
        owner == null ? OptionalLong.empty() : OptionalLong.of(owner),
        Duration.ofSeconds(in.number("timeout", 180)));
    in.out().println("jdbcUrl=" + e.jdbcUrl());
    in.out().println("port=" + e.port());
    in.out().println("embedded=" + e.embedded());
    in.out().println("server=" + e.serverVersion());
    return 0;
  }

  private static int dbLoad(Invocation in) throws Exception {
    Path source = in.optionalSource();
    CommandLine cl = in.line();
    if (!cl.hasOption("url")) {
      throw new UsageException("sandbox db-load: --url is required, e.g. --url jdbc:mariadb://127.0.0.1:3306/"
          + " (db-up prints it)");
    }
    String passwordEnv = cl.getOptionValue("password-env");
    String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
    if (password == null) {
      throw new UsageException("sandbox db-load: environment variable " + passwordEnv + " is not set");
    }
    long seed = in.number("seed", 42L);
    int ratings = in.number("ratings", 100_000);
    Map<String, Long> counts = MovieLensLoader.loadDatabase(cl.getOptionValue("url"),
        cl.getOptionValue("username", "root"), password, cl.getOptionValue("db-name", "movielens"), source, seed,
        ratings, in.out());
    counts.forEach((table, n) -> in.out().println(table + "=" + n));
    return 0;
  }

  /** One parsed command line of {@code command}, with the streams it prints to. */
  record Invocation(String command, CommandLine line, PrintStream out, PrintStream err) {
    SandboxHome home() {
      return new SandboxHome(line.hasOption("home") ? Path.of(line.getOptionValue("home"))
          : SandboxCli.defaultHome());
    }

    Sandbox sandbox() {
      return new Sandbox(home(), SandboxCli.webroot(), out);
    }

    Path dbHome() {
      return line.hasOption("db-home") ? Path.of(line.getOptionValue("db-home"))
          : home().root().resolve("standalone-db");
    }

    /**
     * The value of a number option (typed by {@link #intOption} or {@link #seedOption}), or {@code absent} when it
     * was not given; a value that is not a whole number is a usage error naming the option.
     */
    <T extends Number> T number(String name, T absent) throws UsageException {
      try {
        T value = line.getParsedOptionValue(name);
        return value == null ? absent : value;
      } catch (ParseException | ClassCastException e) {
        throw new UsageException("Invalid --" + name + " '" + line.getOptionValue(name) + "': expected a whole number");
      }
    }

    void noArgs() throws UsageException {
      if (!line.getArgList().isEmpty()) {
        throw new UsageException("sandbox " + command + ": unexpected argument '" + line.getArgList().get(0) + "'");
      }
    }

    String nodeName() throws UsageException {
      if (line.getArgList().size() != 1) {
        throw new UsageException("sandbox " + command + ": give one node name, e.g. datanode-2");
      }
      return line.getArgList().get(0);
    }

    /** The optional PATH of load-movielens and db-load: an ml-100k directory or a MySQL dump; null for none. */
    Path optionalSource() throws UsageException {
      List<String> rest = line.getArgList();
      if (rest.size() > 1) {
        throw new UsageException("sandbox " + command + ": give at most one PATH (an ml-100k directory or a"
            + " MySQL dump)");
      }
      // db-load takes an empty PATH as none (a workflow passes its unset property); load-movielens never did
      boolean none = rest.isEmpty() || command.equals("db-load") && rest.get(0).isBlank();
      Path source = none ? null : Path.of(rest.get(0));
      if (source != null && !Files.exists(source)) {
        throw new UsageException("sandbox " + command + ": " + source + " does not exist");
      }
      return source;
    }
  }

  private static Option intOption(String name, String arg, String desc) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).type(Integer.class).build();
  }

  private static Option seedOption() {
    return Option.builder().longOpt("seed").hasArg().argName("N").desc("generated data only: random seed (default 42)")
        .type(Long.class).build();
  }

  private static Option valueOption(String name, String arg, String desc) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).build();
  }

  private static Option flag(String name, String desc) {
    return Option.builder().longOpt(name).desc(desc).build();
  }

  private static Option dbHomeOption() {
    return valueOption("db-home", "DIR",
        "state directory of the embedded server: binaries, data, log, PID (default <home>/standalone-db)");
  }
}
