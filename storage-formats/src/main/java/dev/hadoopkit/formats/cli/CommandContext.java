package dev.hadoopkit.formats.cli;

import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;

/** What a command runs with: Hadoop configuration (with -D settings), and where to print. */
record CommandContext(Configuration conf, PrintStream out, PrintStream err) {
}
