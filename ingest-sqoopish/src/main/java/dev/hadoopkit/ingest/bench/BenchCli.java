package dev.hadoopkit.ingest.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** The command line of bin/ingest-bench: options, usage, exit codes (0 ok, 1 a check or command failed, 2 usage). */
final class BenchCli {
  private BenchCli() {
  }

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("rows").hasArg().argName("N")
        .desc("rows in ratings_big (multiple of 100000, default 5000000)").build());
    o.addOption(Option.builder().longOpt("db").hasArg().argName("NAME")
        .desc("scratch database (default hk_bench; created if missing)").build());
    o.addOption(Option.builder().longOpt("parquet")
        .desc("also measure import -m 1/2/4 --as-parquetfile and an export of the Parquet files").build());
    o.addOption(Option.builder().longOpt("orc").desc("also measure import -m 1/2/4 --as-orcfile").build());
    o.addOption(Option.builder().longOpt("repeat").hasArg().argName("N")
        .desc("measure every command (each after its reference) N times and report medians (default 1)").build());
    o.addOption(Option.builder().longOpt("write")
        .desc("also put the table into the \"ingest-sqoopish\" section of the --doc file").build());
    o.addOption(Option.builder().longOpt("sqoop").hasArg().argName("PATH")
        .desc("the launcher measured (bin/ingest-bench passes the repository's bin/sqoop)").build());
    o.addOption(Option.builder().longOpt("doc").hasArg().argName("FILE")
        .desc("the benchmarks document --write updates (bin/ingest-bench passes docs/benchmarks.md)").build());
    o.addOption(Option.builder().longOpt("dump").hasArg().argName("FILE")
        .desc("the MovieLens MySQL dump (default $MOVIELENS_SQL)").build());
    o.addOption(Option.builder().longOpt("mariadb").hasArg().argName("COMMAND")
        .desc("the mariadb client of the references (default mariadb on the PATH)").build());
    o.addOption(Option.builder().longOpt("host").hasArg().desc("MariaDB host (default 127.0.0.1)").build());
    o.addOption(Option.builder().longOpt("port").hasArg().desc("MariaDB port (default 3306)").build());
    o.addOption(Option.builder().longOpt("user").hasArg().desc("MariaDB user without a password (default root)").build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return o;
  }

  static void usage(PrintStream out) {
    PrintWriter w = new PrintWriter(out);
    new HelpFormatter().printHelp(w, 110, "bin/ingest-bench [--rows N] [--db NAME] [--parquet] [--orc] [--repeat N] [--write]",
        "\nMeasures ingest-sqoopish against the mariadb client's dump and LOAD DATA LOCAL INFILE, in the same run, "
            + "as real processes; checks every output, then prints a markdown table.\n\n", options(), 2, 4,
        "\nNeeds the local MariaDB and the MovieLens dump. Exit codes: 0 ok, 1 a command or check failed, 2 usage error.");
    w.flush();
  }

  static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    BenchOptions options;
    try {
      CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options(), args);
      if (line.hasOption("help")) {
        usage(out);
        return 0;
      }
      if (!line.getArgList().isEmpty()) {
        throw new ParseException("unexpected argument '" + line.getArgList().get(0) + "'");
      }
      options = parse(line);
    } catch (ParseException | IllegalArgumentException e) {
      err.println("ingest-bench: " + e.getMessage());
      usage(err);
      return 2;
    }
    boolean ok = false;
    try {
      String section = new IngestBench(options, err, clock).run();
      out.print(section);
      if (options.write()) {
        BenchDocument.write(options.doc(), section);
        err.println("wrote " + options.doc());
      }
      ok = true;
      return 0;
    } catch (BenchFailure e) {
      err.println("ingest-bench: " + e.getMessage());
      return 1;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("ingest-bench: " + e + " (is MariaDB at " + options.host() + ":" + options.port() + " running?)");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("ingest-bench: interrupted");
      return 1;
    } finally {
      try {
        if (!ok) {
          err.println("ingest-bench: the commands' logs are in " + options.work().resolve("logs"));
          IngestBench.deleteExcept(options.work(), "logs");
        } else {
          IngestBench.delete(options.work());
        }
      } catch (IOException e) {
        err.println("ingest-bench: could not remove " + options.work() + ": " + e.getMessage());
      }
    }
  }

  /** The last value of a repeatable option (the launcher passes defaults first, the user's own come after). */
  private static String last(CommandLine line, String name, String fallback) {
    String[] values = line.getOptionValues(name);
    return values == null || values.length == 0 ? fallback : values[values.length - 1];
  }

  static BenchOptions parse(CommandLine line) {
    long rows = number(last(line, "rows", "5000000"), "--rows");
    if (rows < 100_000 || rows % 100_000 != 0) {
      throw new IllegalArgumentException("--rows must be a multiple of 100000, got " + rows);
    }
    int repeat = (int) number(last(line, "repeat", "1"), "--repeat");
    if (repeat < 1 || repeat > 9) {
      throw new IllegalArgumentException("--repeat must be 1 to 9, got " + repeat);
    }
    String db = last(line, "db", "hk_bench");
    if (!db.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("--db must be a plain name (letters, digits, _), got '" + db + "'");
    }
    String sqoop = last(line, "sqoop", null);
    if (sqoop == null || !Files.isExecutable(Path.of(sqoop))) {
      throw new IllegalArgumentException("--sqoop must name the executable launcher to measure (bin/sqoop), got " + sqoop);
    }
    String dump = last(line, "dump", System.getenv("MOVIELENS_SQL"));
    if (dump == null || !Files.isRegularFile(Path.of(dump))) {
      throw new IllegalArgumentException("--dump (or $MOVIELENS_SQL) must name the MovieLens MySQL dump, got " + dump);
    }
    String doc = last(line, "doc", null);
    if (line.hasOption("write") && doc == null) {
      throw new IllegalArgumentException("--write needs --doc FILE");
    }
    int port = (int) number(last(line, "port", "3306"), "--port");
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "ingest-bench-" + ProcessHandle.current().pid());
    return new BenchOptions(rows, db, line.hasOption("parquet"), line.hasOption("orc"), line.hasOption("write"), repeat,
        Path.of(sqoop), Arrays.asList(last(line, "mariadb", "mariadb").split(" ")), last(line, "host", "127.0.0.1"), port,
        last(line, "user", "root"), Path.of(dump), doc == null ? null : Path.of(doc), work);
  }

  private static long number(String text, String option) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, got '" + text + "'");
    }
  }

}
