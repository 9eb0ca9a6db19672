package dev.hadoopkit.ingest.cli;

import dev.hadoopkit.formats.tool.UsageException;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

/** One Sqoop tool (import, export, eval, ...): its options, a one-line description, examples, and how it runs. */
public interface SqoopTool {
  String name();

  String description();

  Options options();

  /** Example command lines shown by {@code sqoop help NAME}. */
  String examples();

  /**
   * Checks the option combinations that need no database, so that {@code job --create} refuses a command line that
   * could never run; {@link #run} checks them again. Throws UsageException.
   */
  default void validate(Args args) {
  }

  /**
   * Runs the tool.
   *
   * @return 0 on success, 1 on failure (usage problems are thrown as UsageException)
   */
  int run(Args args, Configuration conf, Console console) throws Exception;
}
