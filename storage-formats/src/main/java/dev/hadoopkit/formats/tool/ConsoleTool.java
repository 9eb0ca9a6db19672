package dev.hadoopkit.formats.tool;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * A program that is a Hadoop {@link Tool} with one command line ({@code generate}, {@code pipeline}, the benches):
 * results go to {@code out} and messages to {@code err}; {@code --help} prints {@link #help()}; a usage error prints
 * one line naming the problem and the usage line, and exits with 2. Subclasses declare their options and run the
 * parsed command line; parsing and help are done here, the same way for every such program.
 */
public abstract class ConsoleTool extends Configured implements Tool {

  protected static final int EXIT_USAGE = 2;

  protected final PrintStream out;
  protected final PrintStream err;

  protected ConsoleTool(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs {@code tool} as a program (its {@code main}): the exit code ends the JVM. */
  protected static void exit(Tool tool, String[] args) throws Exception {
    System.exit(ToolRunner.run(tool, args));
  }

  /** The name messages start with, e.g. {@code generate}. */
  protected abstract String toolName();

  /** {@code hadoop jar movielens-jobs.jar generate [options] <output-dir>} and the like. */
  protected abstract String usageLine();

  /** Every option, {@code -h/--help} included. */
  protected abstract Options options();

  /** What {@code --help} prints. */
  protected abstract Help help();

  /** Runs a command line that parsed and did not ask for help; returns the exit code. */
  protected abstract int run(CommandLine command) throws Exception;

  @Override
  public final int run(String[] args) throws Exception {
    Options options = options();
    CommandLine command;
    try {
      command = new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      return usage(e.getMessage());
    }
    if (command.hasOption("help")) {
      help().print(out, options);
      return 0;
    }
    return run(command);
  }

  /** Prints {@code message} and the usage line; returns the exit code of a usage error. */
  protected final int usage(String message) {
    err.println(toolName() + ": " + message);
    err.println("Usage: " + usageLine() + "   (--help for details)");
    return EXIT_USAGE;
  }

  /**
   * The {@code --help} text: commons-cli's, {@code width} columns wide.
   *
   * @param declaredOrder options in the order they were added (else sorted by name, commons-cli's default)
   */
  public record Help(int width, String usage, String header, String footer, boolean declaredOrder) {

    void print(PrintStream out, Options options) {
      PrintWriter writer = new PrintWriter(out);
      HelpFormatter formatter = new HelpFormatter();
      if (declaredOrder) {
        formatter.setOptionComparator(null);
      }
      formatter.printHelp(writer, width, usage, header, options, 2, 2, footer);
      writer.flush();
    }
  }
}
