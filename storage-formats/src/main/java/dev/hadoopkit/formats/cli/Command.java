package dev.hadoopkit.formats.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One {@code bin/formats} command: its name, a one-line description, arguments, examples, options, and what it does. */
abstract class Command {

  private final String name;
  private final String description;
  private final String arguments;
  private final List<String> examples;

  /**
   * @param arguments the arguments after the options, e.g. {@code <input> <output>}
   */
  Command(String name, String description, String arguments, List<String> examples) {
    this.name = name;
    this.description = description;
    this.arguments = arguments;
    this.examples = List.copyOf(examples);
  }

  final String name() {
    return name;
  }

  final String description() {
    return description;
  }

  /** The arguments after the options, e.g. {@code <input> <output>}. */
  final String arguments() {
    return arguments;
  }

  final List<String> examples() {
    return examples;
  }

  /** The command's own options; {@code --help} and {@code --verbose} are added by {@link Main}. */
  abstract Options options();

  /** Runs the command; returns the exit code. */
  abstract int run(CommandLine command, CommandContext context) throws Exception;
}
