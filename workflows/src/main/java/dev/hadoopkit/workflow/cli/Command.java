package dev.hadoopkit.workflow.cli;

import java.util.List;

/** One sub-command of {@code bin/workflow}: its name, a one-line description, usage and examples. */
interface Command {
  String name();

  String description();

  /** Usage line after {@code bin/workflow}, e.g. {@code validate <app-dir | workflow.xml>}. */
  String usage();

  List<String> examples();

  /** Runs the command; returns the exit code (0 ok, 1 failure, 2 usage or bad input). */
  int run(Invocation invocation) throws Exception;
}
