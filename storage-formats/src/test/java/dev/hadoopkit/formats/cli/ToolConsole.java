package dev.hadoopkit.formats.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/** Runs a Tool that prints to the streams it is made with, keeping what the last run printed. */
final class ToolConsole {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs {@code bin/formats}' {@link Main} with {@code args}; returns the exit code. */
  int run(String... args) throws Exception {
    return run(Main::new, args);
  }

  /** Runs the tool {@code factory} makes from (stdout, stderr); the previous run's output is forgotten. */
  int run(BiFunction<PrintStream, PrintStream, Tool> factory, String... args) throws Exception {
    out.reset();
    err.reset();
    PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
    return ToolRunner.run(new Configuration(), factory.apply(stdout, stderr), args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
