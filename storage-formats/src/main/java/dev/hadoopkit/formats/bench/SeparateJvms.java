package dev.hadoopkit.formats.bench;

import dev.hadoopkit.formats.cli.Main;
import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The separate-JVM rows of the bench: {@code formats convert} in a fresh JVM and the reference tools (parquet-cli
 * {@code convert-csv}, orc-tools {@code convert}), each timed from process start to exit with the same JVM options.
 */
final class SeparateJvms {

  static final long PROCESS_TIMEOUT_SECONDS = 3600;

  private SeparateJvms() {
  }

  /** This JVM's heap, GC and JIT options (what bin/formats set), for the separate JVMs of both sides. */
  static List<String> heapGcAndJitOptions() {
    List<String> options = new ArrayList<>();
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-X")) {
        options.add(argument);
      }
    }
    return options;
  }

  static ReferenceTool toolFor(FileFormat format) {
    switch (format) {
      case PARQUET:
        return ReferenceTool.PARQUET_CLI;
      case ORC:
        return ReferenceTool.ORC_TOOLS;
      default:
        return null;
    }
  }

  static String toolLabel(ReferenceTool tool) {
    return tool == ReferenceTool.PARQUET_CLI ? "reference: parquet-cli 1.15.2 `convert-csv`, own JVM"
        : "reference: orc-tools 2.1.2 `convert`, own JVM";
  }

  static String toolNote(ReferenceTool tool) {
    return tool == ReferenceTool.PARQUET_CLI
        ? "parquet-cli convert-csv --no-header --delimiter TAB --schema (userId, movieId, rating int; timestamp long, the file's"
            + " Unix seconds, as CSV gives no way to multiply by 1000) --compression-codec; this tool writes timestamp-millis."
        : "orc-tools convert -S TAB -s struct<userId:int,movieId:int,rating:int,timestamp:bigint> (its CSV reader parses"
            + " timestamps only from date-time text; u.data has Unix seconds) -D orc.compress; reads the file through a"
            + " symlink ending in .csv (it picks the reader by extension); this tool writes timestamp with local time zone.";
  }

  /** {@code formats convert} in a fresh JVM: this JVM's classpath and system properties, the given heap/GC/JIT options. */
  static List<String> oursCommand(List<String> jvmOptions, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!argument.startsWith("-X")) {
        command.add(argument);
      }
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(arguments);
    return command;
  }

  static java.nio.file.Path localPath(Configuration conf, Path path) throws IOException {
    return Paths.get(path.getFileSystem(conf).makeQualified(path).toUri());
  }

  static List<String> toolArguments(ReferenceTool tool, java.nio.file.Path localWork, java.nio.file.Path local,
      java.nio.file.Path outputFile, Codec codec) throws IOException {
    Files.deleteIfExists(outputFile);
    if (tool == ReferenceTool.PARQUET_CLI) {
      java.nio.file.Path avsc = localWork.resolve("parquet-cli-ratings.avsc");
      Files.writeString(avsc, "{\"type\": \"record\", \"name\": \"Rating\", \"namespace\": \"dev.hadoopkit.movielens\", \"fields\": [\n"
          + "  {\"name\": \"userId\", \"type\": \"int\"}, {\"name\": \"movieId\", \"type\": \"int\"},\n"
          + "  {\"name\": \"rating\", \"type\": \"int\"}, {\"name\": \"timestamp\", \"type\": \"long\"}]}\n", StandardCharsets.UTF_8);
      return List.of("convert-csv", local.toString(), "-o", outputFile.toString(), "--no-header", "--delimiter", "\t", "--schema",
          avsc.toString(), "--compression-codec", codec == Codec.NONE ? "uncompressed" : codec.displayName());
    }
    // orc-tools picks its reader by the file name's extension.
    java.nio.file.Path csv = localWork.resolve("u.data.orc-tools.csv");
    Files.deleteIfExists(csv);
    try {
      Files.createSymbolicLink(csv, local.toAbsolutePath());
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(local, csv);
    }
    String compress = codec == Codec.GZIP ? "ZLIB" : codec.name();
    return List.of("--define", "orc.compress=" + compress, "convert", "-S", "\t", "-s",
        "struct<userId:int,movieId:int,rating:int,timestamp:bigint>", "-o", outputFile.toString(), csv.toString());
  }

  /** Runs one separate JVM, timed from start to exit; its output file is counted with this module's reader. */
  static Measurement runProcess(Configuration conf, String side, Path output, boolean tool, java.nio.file.Path localWork,
      List<String> command) throws IOException {
    long started = System.nanoTime();
    ReferenceTool.Result result = ReferenceTool.execute(localWork, command, PROCESS_TIMEOUT_SECONDS, null);
    long nanos = System.nanoTime() - started;
    if (result.exitCode() != 0) {
      throw new IOException("Cannot benchmark " + side + ": exit code " + result.exitCode() + "\n" + tail(result.err()));
    }
    long rows = Formats.count(conf, output);
    return new Measurement(side, rows, nanos, output.getFileSystem(conf).getFileStatus(output).getLen(), true, tool);
  }

  /** Wall seconds of a trivial command in a separate JVM: this tool when {@code tool} is null. */
  static double startSeconds(java.nio.file.Path localWork, ReferenceTool tool, List<String> jvmOptions, List<String> arguments)
      throws IOException {
    List<String> command = tool == null ? oursCommand(jvmOptions, arguments) : tool.command(jvmOptions, arguments);
    long started = System.nanoTime();
    ReferenceTool.execute(localWork, command, PROCESS_TIMEOUT_SECONDS, null);
    return (System.nanoTime() - started) / 1e9;
  }

  static String tail(String text) {
    String[] lines = text.split("\n");
    return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 20), lines.length));
  }
}
