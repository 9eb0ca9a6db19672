package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.tool.UsageException;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code bin/formats}: convert and inspect Avro, Parquet, ORC and text files on any Hadoop filesystem. A Hadoop
 * {@link Tool}, so generic options ({@code -D key=value}, {@code -conf file.xml}, {@code -fs uri}) come first.
 * Exit codes: 0 done, 1 failure (unreadable or corrupt input, write failed), 2 usage error.
 */
public final class Main extends Configured implements Tool {

  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private final Map<String, Command> commands;
  private final PrintStream out;
  private final PrintStream err;

  public Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
    this.commands = register(new ConvertCommand(), new SchemaCommand(), new MetaCommand(), new HeadCommand(),
        new CatCommand(), new CountCommand(), new StatsCommand());
  }

  public Main() {
    this(System.out, System.err);
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

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new Configuration(), new Main(), args));
  }

  @Override
  public int run(String[] args) {
    if (args.length == 0) {
      printCommands(err);
      return EXIT_USAGE;
    }
    String name = args[0];
    if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
      printCommands(out);
      return 0;
    }
    Command command = commands.get(name);
    if (command == null) {
      err.println("formats: unknown command '" + name + "'. Commands: " + String.join(", ", commands.keySet()));
      return EXIT_USAGE;
    }
    Options options = command.options();
    options.addOption(Option.builder().longOpt("verbose").desc("print stack traces of errors").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    boolean verbose = Arrays.asList(rest).contains("--verbose");
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, rest);
    } catch (ParseException e) {
      return usageError(command, e.getMessage());
    }
    if (line.hasOption("help")) {
      printHelp(command, options);
      return 0;
    }
    try {
      Configuration conf = getConf() == null ? new Configuration() : getConf();
      return command.run(line, new CommandContext(conf, out, err));
    } catch (UsageException e) {
      return usageError(command, e.getMessage());
    } catch (Exception | LinkageError e) {
      err.println("formats " + command.name() + ": " + message(e));
      if (verbose) {
        e.printStackTrace(err);
      }
      return EXIT_FAILURE;
    } finally {
      out.flush();
    }
  }

  private static String message(Throwable e) {
    if (e instanceof CorruptFileException || e instanceof FileNotFoundException) {
      return e.getMessage();
    }
    return CorruptFileException.reason(e);
  }

  private int usageError(Command command, String message) {
    err.println("formats " + command.name() + ": " + message);
    err.println("Usage: formats " + command.name() + " [options] " + command.arguments() + "   (--help for details)");
    return EXIT_USAGE;
  }

  private void printHelp(Command command, Options options) {
    PrintWriter writer = new PrintWriter(out);
    HelpFormatter formatter = new HelpFormatter();
    formatter.setOptionComparator(null);
    StringBuilder footer = new StringBuilder("\nExamples:\n");
    for (String example : command.examples()) {
      footer.append("  ").append(example).append('\n');
    }
    footer.append("\nPaths: local files or any Hadoop filesystem URI (hdfs://...), files or directories of part files.\n")
        .append("Generic options go before the command: formats -D key=value -conf site.xml ").append(command.name()).append(" ...\n")
        .append("Exit codes: 0 done, 1 failure (unreadable or corrupt input, failed write), 2 usage error.\n");
    formatter.printHelp(writer, 110, "formats " + command.name() + " [options] " + command.arguments(),
        command.description() + "\n\nOptions:", options, 2, 2, footer.toString());
    writer.flush();
  }

  private void printCommands(PrintStream stream) {
    stream.println("Usage: formats [generic options] <command> [options] <args>   (formats <command> --help for details)");
    stream.println();
    stream.println("Commands:");
    for (Command command : commands.values()) {
      stream.printf("  %-8s %s%n", command.name(), command.description());
    }
    stream.println();
    stream.println("Formats are recognised by their magic bytes (Avro Obj1, Parquet PAR1, ORC ORC); anything else is text,");
    stream.println("read with --preset, --schema file.avsc or --infer. Generic options: -D key=value, -conf file.xml, -fs uri.");
    stream.println("Exit codes: 0 done, 1 failure, 2 usage error.");
    stream.println("The conversion benchmark is a harness of its own: bin/formats bench --help.");
  }

  List<String> commandNames() {
    return List.copyOf(commands.keySet());
  }
}
