package dev.hadoopkit.formats.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One {@code bin/formats} command: its options, a one-line description, examples, and what it does. */
interface Command {

  String name();

  String description();

  /** The arguments after the options, e.g. {@code <input> <output>}. */
  String arguments();

  /** The command's own options; {@code --help} and {@code --verbose} are added by {@link Main}. */
  Options options();

  List<String> examples();

  /** Runs the command; returns the exit code. */
  int run(CommandLine command, CommandContext context) throws Exception;
}
