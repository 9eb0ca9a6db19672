package dev.hadoopkit.formats.bench;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Preset;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.source.TextSchema;
import dev.hadoopkit.formats.tool.ConsoleTool;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code bin/formats bench}: conversion throughput of generated MovieLens ratings text to Parquet, ORC and Avro by
 * {@code formats convert}, next to the released reference tools run as separate JVMs in the same run on the same file:
 * parquet-cli {@code convert-csv} (same field names and types, {@code --schema} avsc, same codec) and orc-tools
 * {@code convert} (matching {@code -s} struct, same codec through {@code -D orc.compress}). avro-tools has no
 * CSV/TSV conversion ({@code fromtext} stores each line as one bytes value), so Avro's reference is the in-JVM
 * {@link LibraryLoop}. Every process row is wall time from process start to exit, JVM start included; this tool is
 * also run that way ({@code formats convert} in a fresh JVM), and a trivial command of each shows the start cost alone.
 *
 * <p>The in-JVM rows (warmed up first) stay as a second reference: this tool's convert, and the simplest correct
 * loop over each library's own writer API, same schema and codec. A benchmark harness, not one of the user tool's
 * commands: {@code bin/formats bench} runs this class. Exit codes: 0 done, 1 failure, 2 usage error.
 */
public final class ConversionBench extends ConsoleTool {

  private static final String USAGE = "formats bench [options] <work-directory>";

  public ConversionBench(PrintStream out, PrintStream err) {
    super(out, err);
  }

  public ConversionBench() {
    this(System.out, System.err);
  }

  public static void main(String[] args) throws Exception {
    exit(new ConversionBench(), args);
  }

  @Override
  protected Options options() {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("ratings").hasArg().argName("n").type(Long.class)
        .converter(value -> Long.parseLong(value.replace("_", ""))).desc("generated ratings, default 10,000,000").build());
    options.addOption(Option.builder().longOpt("input").hasArg().argName("u.data").desc("use this ratings text instead of generating one").build());
    options.addOption(Option.builder().longOpt("codec").hasArg().argName("codec").desc("codec for both sides, default zstd").build());
    options.addOption(Option.builder().longOpt("formats").hasArg().argName("list").desc("formats to measure, default parquet,orc,avro").build());
    options.addOption(Option.builder().longOpt("no-tools").desc("skip the separate-JVM runs (this tool's convert and the reference tools)").build());
    options.addOption(Option.builder().longOpt("tool-jvm-options").hasArg().argName("options")
        .desc("JVM options of every separate-JVM run, default this JVM's -X options (heap, GC, JIT), so both sides get the same").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  @Override
  protected Help help() {
    return new Help(110, USAGE, "measure text -> Parquet/ORC/Avro conversion (rows/s, MB/s, sizes) against "
        + "parquet-cli, orc-tools and library loops; prints a Markdown table\n\nOptions:",
        "\nExamples:\n  formats bench /tmp/formats-bench\n  formats bench --ratings 1000000 --formats parquet,orc /tmp/formats-bench\n"
            + "  formats bench --tool-jvm-options '-Xmx2g' /tmp/formats-bench\n"
            + "\nExit codes: 0 done, 1 failure, 2 usage error.\n", true);
  }

  @Override
  protected int run(CommandLine command) throws Exception {
    try {
      return measure(command);
    } catch (UsageError e) {
      return usage(e.getMessage());
    } catch (IOException | RuntimeException e) {
      err.println("formats bench: " + e.getMessage());
      return 1;
    }
  }

  @Override
  protected String toolName() {
    return "formats bench";
  }

  @Override
  protected String usageLine() {
    return USAGE;
  }

  /** A command line the bench cannot run: exit code 2. */
  private static final class UsageError extends Exception {
    UsageError(String message) {
      super(message);
    }
  }

  private static Path onlyArgument(CommandLine command) throws UsageError {
    List<String> arguments = command.getArgList();
    if (arguments.size() != 1) {
      throw new UsageError("Expected one work directory, got " + (arguments.isEmpty() ? "none" : arguments.size() + ": "
          + String.join(" ", arguments)));
    }
    return new Path(arguments.get(0));
  }

  private static long ratings(CommandLine command) throws UsageError {
    long ratings;
    try {
      ratings = command.getParsedOptionValue("ratings", 10_000_000L);
    } catch (ParseException | RuntimeException e) {
      throw new UsageError("Invalid --ratings '" + command.getOptionValue("ratings") + "': not a whole number");
    }
    if (ratings < 0) {
      throw new UsageError("Invalid --ratings " + ratings + ": must not be negative");
    }
    return ratings;
  }

  private int measure(CommandLine command) throws IOException, UsageError {
    Path work = onlyArgument(command);
    long ratings = ratings(command);
    Codec codec;
    try {
      codec = command.hasOption("codec") ? Codec.of(command.getOptionValue("codec")) : Codec.DEFAULT;
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    Configuration conf = getConf() == null ? new Configuration() : getConf();
    FileSystem fs = work.getFileSystem(conf);
    fs.mkdirs(work);

    Path input;
    if (command.hasOption("input")) {
      input = new Path(command.getOptionValue("input"));
    } else {
      input = new Path(work, "u.data");
      if (!fs.exists(input) || !fs.exists(new Path(work, ".u.data-" + ratings))) {
        long started = System.nanoTime();
        MovieLensGenerator generator = MovieLensGenerator.builder().ratings(ratings).users(Math.max(100, (int) (ratings / 100)))
            .movies(Math.max(100, (int) Math.min(60_000, ratings / 500))).seed(42).build();
        try (OutputStream stream = new BufferedOutputStream(fs.create(input, true), 1 << 20)) {
          generator.writeRatings(stream);
        }
        fs.create(new Path(work, ".u.data-" + ratings), true).close();
        out.printf(Locale.ROOT, "generated %,d ratings in %.1f s%n", ratings, (System.nanoTime() - started) / 1e9);
      }
    }
    long inputBytes = fs.getFileStatus(input).getLen();
    Path sample = new Path(work, "warmup.data");
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(fs.open(input), StandardCharsets.US_ASCII), 1 << 16);
        OutputStream stream = fs.create(sample, true)) {
      String line;
      for (int i = 0; i < 300_000 && (line = lines.readLine()) != null; i++) {
        stream.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    boolean tools = !command.hasOption("no-tools");
    List<String> jvmOptions = command.hasOption("tool-jvm-options")
        ? List.of(command.getOptionValue("tool-jvm-options").trim().split("\\s+")) : SeparateJvms.heapGcAndJitOptions();
    java.nio.file.Path localWork = null;
    if (tools) {
      if (!"file".equals(fs.getUri().getScheme()) || !"file".equals(input.getFileSystem(conf).getUri().getScheme())) {
        throw new UsageError("Invalid work directory " + work + " for the reference tools: they run on local files; use a local "
            + "directory and --input, or --no-tools");
      }
      localWork = SeparateJvms.localPath(conf, work);
      for (ReferenceTool tool : List.of(ReferenceTool.PARQUET_CLI, ReferenceTool.ORC_TOOLS)) {
        tool.classpath();
      }
    }
    out.printf(Locale.ROOT, "input: %s, %,d bytes; codec %s; %d cores, max heap %,d MB%n", input, inputBytes, codec.displayName(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    if (tools) {
      out.printf(Locale.ROOT, "separate JVMs: %s%n", String.join(" ", jvmOptions));
    }
    out.println();
    out.println("| format | side | rows | seconds | rows/s | MB/s (text in) | output bytes | output / text | rows/s ÷ reference's |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    Schema schema = Preset.MOVIELENS_RATINGS.schema();
    List<String> notes = new ArrayList<>();
    for (String name : command.getOptionValue("formats", "parquet,orc,avro").split(",")) {
      FileFormat format;
      try {
        format = FileFormat.ofBinaryName(name.trim());
      } catch (IllegalArgumentException e) {
        throw new UsageError(e.getMessage());
      }
      List<Measurement> rows = new ArrayList<>();
      Path ours = new Path(work, "ours." + format.extension());
      Path reference = new Path(work, "reference." + format.extension());
      convertOurs(conf, sample, new Path(work, "warm-ours." + format.extension()), format, codec);
      LibraryLoop.of(format).convert(conf, sample, new Path(work, "warm-ref." + format.extension()), codec, schema);
      long started = System.nanoTime();
      long count = convertOurs(conf, input, ours, format, codec);
      rows.add(new Measurement("hadoopkit formats convert, in this JVM (warm)", count, System.nanoTime() - started,
          fs.getFileStatus(ours).getLen(), false, false));
      started = System.nanoTime();
      count = LibraryLoop.of(format).convert(conf, input, reference, codec, schema);
      rows.add(new Measurement(LibraryLoop.of(format).label() + ", in this JVM (warm)", count, System.nanoTime() - started,
          fs.getFileStatus(reference).getLen(), false, true));
      if (tools) {
        Path oursProcess = new Path(work, "ours-process." + format.extension());
        rows.add(SeparateJvms.runProcess(conf, "hadoopkit `formats convert`, own JVM", oursProcess, false, localWork,
            SeparateJvms.oursCommand(jvmOptions, List.of("convert", SeparateJvms.localPath(conf, input).toString(), SeparateJvms.localPath(conf, oursProcess).toString(), "--to", format.extension(),
                "--preset", Preset.MOVIELENS_RATINGS.presetName(), "--codec", codec.displayName(), "--overwrite"))));
        ReferenceTool tool = SeparateJvms.toolFor(format);
        if (tool == null) {
          notes.add(format.displayName() + ": avro-tools has no CSV/TSV conversion (fromtext writes each line as one bytes value), "
              + "so the reference is the in-JVM DataFileWriter loop.");
        } else {
          Path toolOutput = new Path(work, "tool." + format.extension());
          rows.add(SeparateJvms.runProcess(conf, SeparateJvms.toolLabel(tool), toolOutput, true, localWork,
              tool.command(jvmOptions, SeparateJvms.toolArguments(tool, localWork, SeparateJvms.localPath(conf, input), SeparateJvms.localPath(conf, toolOutput), codec))));
          notes.add(format.displayName() + ": " + SeparateJvms.toolNote(tool));
        }
      }
      for (Measurement row : rows) {
        Measurement denominator = rows.stream().filter(other -> other.reference() && other.ownJvm() == row.ownJvm()).findFirst().orElse(null);
        report(out, format, row, inputBytes, denominator);
      }
    }
    out.println();
    out.println("rows/s ÷ reference's: own-JVM rows against the reference tool's own JVM, in-JVM rows against the library loop.");
    if (tools) {
      out.println("Start cost of a separate JVM (a trivial command, wall seconds):");
      out.printf(Locale.ROOT, "  hadoopkit `formats --help`: %.2f%n", SeparateJvms.startSeconds(localWork, null, jvmOptions, List.of("--help")));
      out.printf(Locale.ROOT, "  parquet-cli `help`: %.2f%n", SeparateJvms.startSeconds(localWork, ReferenceTool.PARQUET_CLI, jvmOptions, List.of("help")));
      out.printf(Locale.ROOT, "  orc-tools `version`: %.2f%n", SeparateJvms.startSeconds(localWork, ReferenceTool.ORC_TOOLS, jvmOptions, List.of("version")));
      for (String note : notes) {
        out.println(note);
      }
    }
    out.flush();
    return 0;
  }

  private static void report(PrintStream out, FileFormat format, Measurement row, long inputBytes, Measurement reference) {
    double seconds = row.nanos() / 1e9;
    double rowsPerSecond = row.rowsPerSecond();
    String ratio = reference == null ? "" : String.format(Locale.ROOT, "%.2f", rowsPerSecond / reference.rowsPerSecond());
    out.printf(Locale.ROOT, "| %s | %s | %,d | %.1f | %,.0f | %.1f | %,d | %.2f | %s |%n", format.displayName(), row.side(), row.rows(),
        seconds, rowsPerSecond, inputBytes / 1e6 / seconds, row.outputBytes(), row.outputBytes() / (double) inputBytes, ratio);
    out.flush();
  }

  private static long convertOurs(Configuration conf, Path input, Path output, FileFormat format, Codec codec) throws IOException {
    try (RecordReader reader = Inputs.open(conf, input, new TextSchema(Preset.MOVIELENS_RATINGS, null, false), null);
        FileAppender appender = Formats.write(output).format(format).conf(conf).schema(reader.schema()).codec(codec).overwrite(true).build()) {
      GenericRecord record;
      while ((record = reader.next()) != null) {
        appender.add(record);
      }
      return appender.count();
    }
  }
}
