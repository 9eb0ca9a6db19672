package dev.hadoopkit.formats.tool;

import java.io.PrintStream;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;

/**
 * A program of the job jar that is not a MovieLens job ({@code generate}, {@code pipeline}, the benches): a Hadoop
 * {@link Tool} printing results to {@code out} and messages to {@code err}, whose usage errors print one line naming
 * the problem and the usage line, and exit with 2.
 */
public abstract class ConsoleTool extends Configured implements Tool {

  protected static final int EXIT_USAGE = 2;

  protected final PrintStream out;
  protected final PrintStream err;

  protected ConsoleTool(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** The name messages start with, e.g. {@code generate}. */
  protected abstract String toolName();

  /** {@code hadoop jar movielens-jobs.jar generate [options] <output-dir>} and the like. */
  protected abstract String usageLine();

  /** Prints {@code message} and the usage line; returns the exit code of a usage error. */
  protected final int usage(String message) {
    err.println(toolName() + ": " + message);
    err.println("Usage: " + usageLine() + "   (--help for details)");
    return EXIT_USAGE;
  }
}
