package dev.hadoopkit.jobs.bench;

import dev.hadoopkit.formats.tool.ConsoleTool;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.jobs.cli.NumberOptions;
import dev.hadoopkit.jobs.generate.GenerateJob;
import dev.hadoopkit.jobs.runtime.JobReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code bin/formats-bench-jobs}: {@code lowest-rated --movies u.item} on the same generated ratings stored as text,
 * Parquet, ORC and Avro (Hadoop local mode), as a Markdown table. Generates the ratings with {@link GenerateJob},
 * converts every part with {@code formats convert} (both in this JVM), then runs the job {@code --repeat} times per
 * format as its own {@code hadoop jar} process (the launcher given, on the jar this class was loaded from), rounds
 * alternating between formats, and takes the best of each: the whole command's wall seconds (JVM start to exit), the
 * job's own seconds and its map phase, both from the {@link JobReport} the job writes (no log is read), bytes read and
 * input sizes. The four outputs must be identical byte for byte.
 */
public final class FormatsJobsBench extends ConsoleTool {

  public static final String DESCRIPTION = "Benchmark lowest-rated on text, Parquet, ORC and Avro copies of the same ratings (Markdown table).";

  private static final long JOB_TIMEOUT_MINUTES = 30;

  public FormatsJobsBench() {
    this(System.out, System.err);
  }

  public FormatsJobsBench(PrintStream out, PrintStream err) {
    super(out, err);
  }

  public static void main(String[] args) throws Exception {
    exit(new FormatsJobsBench(), args);
  }

  @Override
  protected Options options() {
    Options options = new Options();
    options.addOption(NumberOptions.wholeNumber("ratings").desc("generated ratings (default 20,000,000)").build());
    options.addOption(NumberOptions.integer("parts").desc("ratings part files (default 4)").build());
    options.addOption(Option.builder().longOpt("codec").hasArg().argName("codec").desc("zstd (default), snappy, gzip or none").build());
    options.addOption(NumberOptions.integer("repeat").desc("runs per format, rounds alternating (default 2)").build());
    options.addOption(Option.builder().longOpt("keep").desc("keep the converted copies and outputs (they are deleted otherwise)").build());
    options.addOption(Option.builder().longOpt("launcher").hasArg().argName("bin/hadoop")
        .desc("the hadoop command each run goes through (bin/formats-bench-jobs passes the project's bin/hadoop)").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  @Override
  protected int run(CommandLine command) throws Exception {
    Settings settings;
    try {
      settings = Settings.of(command);
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
    try {
      measure(settings);
      return 0;
    } catch (IOException e) {
      err.println("formats-bench-jobs: " + e.getMessage());
      return 1;
    }
  }

  /** What one bench run is asked to do. */
  record Settings(long ratings, int parts, String codec, int repeat, boolean keep, String launcher, Path work) {
    static Settings of(CommandLine command) throws UsageException {
      if (command.getArgList().size() != 1) {
        throw new UsageException(command.getArgList().isEmpty() ? "Expected a work directory"
            : "Expected one work directory, got " + String.join(" ", command.getArgList()));
      }
      String codec = command.getOptionValue("codec", "zstd");
      if (!List.of("zstd", "snappy", "gzip", "none").contains(codec)) {
        throw new UsageException("Invalid --codec " + codec + ": expected zstd, snappy, gzip or none");
      }
      String launcher = command.getOptionValue("launcher");
      if (launcher == null) {
        throw new UsageException("Missing --launcher: the hadoop command to run each job with (e.g. bin/hadoop)");
      }
      return new Settings(NumberOptions.atLeast(command, "ratings", 20_000_000L, 1L), NumberOptions.atLeast(command, "parts", 4, 1),
          codec, NumberOptions.atLeast(command, "repeat", 2, 1), command.hasOption("keep"), launcher,
          Path.of(command.getArgList().get(0)).toAbsolutePath().normalize());
    }
  }

  private void measure(Settings settings) throws Exception {
    Path jar = jobJar();
    Path work = Files.createDirectories(settings.work());
    Inputs inputs = new Inputs(work);
    Path marker = inputs.text().resolve(".done-" + settings.ratings() + "-" + settings.parts());
    if (!Files.exists(marker)) {
      err.printf(Locale.ROOT, "generating %d ratings in %d parts...%n", settings.ratings(), settings.parts());
      runTool(new GenerateJob(err, err), "generate", "--ratings", Long.toString(settings.ratings()), "--parts",
          Integer.toString(settings.parts()), "--overwrite", inputs.text().toString());
      Files.createFile(marker);
    }
    Map<InputFormat, String> convertSeconds = new EnumMap<>(InputFormat.class);
    for (InputFormat format : InputFormat.BINARY) {
      convertSeconds.put(format, convert(settings, inputs, format));
    }
    Map<InputFormat, Best> best = new EnumMap<>(InputFormat.class);
    for (int round = 1; round <= settings.repeat(); round++) {
      for (InputFormat format : InputFormat.values()) {
        Run run = runJob(settings, jar, inputs, format);
        err.printf(Locale.ROOT, "round %d: %s %.2f s (job %.1f s, map phase %.2f s)%n", round, format.label(), run.wallSeconds(),
            run.report().jobSeconds(), run.report().mapPhaseSeconds());
        best.merge(format, Best.of(run), Best::min);
      }
    }
    new ResultTable(inputs, best, convertSeconds).print(out);
    for (InputFormat format : InputFormat.BINARY) {
      if (!Arrays.equals(Files.readAllBytes(inputs.output(InputFormat.TEXT).resolve("part-r-00000")),
          Files.readAllBytes(inputs.output(format).resolve("part-r-00000")))) {
        throw new IOException("lowest-rated on " + format.label() + " differs from text");
      }
    }
    out.println();
    out.println("results identical across formats (part-r-00000 compared byte for byte); logs and data in " + work);
    if (!settings.keep()) {
      for (InputFormat format : InputFormat.BINARY) {
        FileUtils.deleteDirectory(inputs.input(format).toFile());
      }
      for (InputFormat format : InputFormat.values()) {
        FileUtils.deleteDirectory(inputs.output(format).toFile());
      }
    }
  }

  /** Converts every text part to the format with {@code formats convert} (cached by a marker); its seconds or "(cached)". */
  private String convert(Settings settings, Inputs inputs, InputFormat format) throws Exception {
    Path directory = inputs.input(format);
    Path marker = directory.resolve(".done-" + settings.ratings() + "-" + settings.parts() + "-" + settings.codec());
    if (Files.exists(marker)) {
      return "(cached)";
    }
    FileUtils.deleteDirectory(directory.toFile());
    Files.createDirectories(directory);
    long started = System.nanoTime();
    List<Path> parts;
    try (Stream<Path> listing = Files.list(inputs.text().resolve("ratings"))) {
      parts = listing.filter(path -> path.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    for (Path part : parts) {
      ByteArrayOutputStream messages = new ByteArrayOutputStream();
      PrintStream quiet = new PrintStream(messages, true, StandardCharsets.UTF_8);
      try {
        runTool(new dev.hadoopkit.formats.cli.Main(quiet, quiet), "formats convert", "convert", part.toString(),
            directory.resolve(part.getFileName() + "." + format.label()).toString(), "--to", format.label(), "--codec", settings.codec(),
            "--preset", "movielens-ratings");
      } catch (IOException e) {
        throw new IOException(e.getMessage() + ": " + messages.toString(StandardCharsets.UTF_8).trim(), e);
      }
    }
    Files.createFile(marker);
    return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - started) / 1e9);
  }

  /** One {@code <launcher> jar <jar> lowest-rated} process, timed from start to exit, with the report it wrote. */
  private Run runJob(Settings settings, Path jar, Inputs inputs, InputFormat format) throws IOException, InterruptedException {
    Path report = inputs.work().resolve("lowest-rated-" + format.label() + ".report");
    Path log = inputs.work().resolve("lowest-rated-" + format.label() + ".log");
    Files.deleteIfExists(report);
    List<String> command = new ArrayList<>(List.of(settings.launcher(), "jar", jar.toString(), "lowest-rated",
        "-D", JobReport.FILE_KEY + "=" + report.toUri(), "--overwrite", "--movies", inputs.movies().toString(),
        inputs.input(format).toString(), inputs.output(format).toString()));
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(JOB_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("lowest-rated on " + format.label() + " did not finish in " + JOB_TIMEOUT_MINUTES + " minutes, see " + log);
    }
    double wall = (System.nanoTime() - started) / 1e9;
    if (process.exitValue() != 0) {
      throw new IOException("lowest-rated on " + format.label() + " failed (exit " + process.exitValue() + "), see " + log);
    }
    return new Run(wall, JobReport.read(getConf(), new org.apache.hadoop.fs.Path(report.toUri())));
  }

  private void runTool(Tool tool, String what, String... args) throws Exception {
    int code = ToolRunner.run(new Configuration(getConf()), tool, args);
    if (code != 0) {
      throw new IOException(what + " failed with exit code " + code + ": " + String.join(" ", args));
    }
  }

  /** The jar this class was loaded from: the one every job run uses. */
  private static Path jobJar() throws IOException {
    try {
      Path location = Path.of(FormatsJobsBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        throw new IOException("Cannot find the job jar: this class was loaded from " + location
            + ", not a jar; run it with: bin/hadoop jar mapreduce-jobs/target/movielens-jobs.jar bench-formats");
      }
      return location;
    } catch (URISyntaxException e) {
      throw new IOException("Cannot find the job jar: " + e.getMessage(), e);
    }
  }

  @Override
  protected String toolName() {
    return "formats-bench-jobs";
  }

  @Override
  protected String usageLine() {
    return "bin/formats-bench-jobs [--ratings N] [--parts P] [--codec zstd|snappy|gzip|none] [--repeat R] [--keep] WORK_DIR";
  }


  @Override
  protected Help help() {
    return new Help(110, "bin/formats-bench-jobs [options] WORK_DIR", DESCRIPTION
        + "\n\nGenerates N ratings in P part files (generate), converts every part to Parquet, ORC and Avro (formats convert),"
        + " then runs lowest-rated --movies u.item R times on each copy, rounds alternating between the formats, and prints per"
        + " format: the best wall seconds of the whole command (JVM start to exit), the ratio to text, the best seconds the job"
        + " itself took (submission to completion) and its map phase (first map task's reader opened to last one's closed),"
        + " both from the job's report (-D " + JobReport.FILE_KEY + "), bytes the job read (Parquet, ORC: the readers' own"
        + " count; text, Avro: File Input Format Counters: Bytes Read, which over-counts when map tasks overlap) and the input"
        + " size.\n\nOptions:",
        "\nExample: bin/formats-bench-jobs --ratings 2000000 /tmp/formats-bench-jobs\nExit codes: 0 done, 1 a step failed, 2 usage error.\n", true);
  }

  /** One timed job run. */
  record Run(double wallSeconds, JobReport report) {
  }

  /** The best of a format's runs, each measure on its own. */
  record Best(double wallSeconds, double jobSeconds, double mapPhaseSeconds, long inputBytesRead) {
    static Best of(Run run) {
      return new Best(run.wallSeconds(), run.report().jobSeconds(), run.report().mapPhaseSeconds(), run.report().inputBytesRead());
    }

    Best min(Best other) {
      return new Best(Math.min(wallSeconds, other.wallSeconds), Math.min(jobSeconds, other.jobSeconds),
          Math.min(mapPhaseSeconds, other.mapPhaseSeconds), other.inputBytesRead);
    }
  }

  /** Where the bench keeps what it generates, converts and writes, under its work directory. */
  record Inputs(Path work) {
    Path text() {
      return work.resolve("text");
    }

    Path movies() {
      return text().resolve("u.item");
    }

    Path input(InputFormat format) {
      return format == InputFormat.TEXT ? text().resolve("ratings") : work.resolve(format.label());
    }

    Path output(InputFormat format) {
      return work.resolve("out-" + format.label());
    }

    /** Bytes of the format's part files. */
    long bytes(InputFormat format) throws IOException {
      try (Stream<Path> files = Files.walk(input(format))) {
        long total = 0;
        for (Path file : files.filter(path -> Files.isRegularFile(path) && path.getFileName().toString().startsWith("part-")).toList()) {
          total += Files.size(file);
        }
        return total;
      }
    }
  }

  /** The four inputs, in the table's order. */
  enum InputFormat {
    TEXT, PARQUET, ORC, AVRO;

    static final List<InputFormat> BINARY = List.of(PARQUET, ORC, AVRO);

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The Markdown table of docs/benchmarks.md. */
  record ResultTable(Inputs inputs, Map<InputFormat, Best> best, Map<InputFormat, String> convertSeconds) {
    void print(PrintStream out) throws IOException {
      out.println("| input | best wall seconds | text / format | best job seconds | text / format | best map phase seconds"
          + " | text / format | input bytes read | input bytes | input / text | convert seconds |");
      out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      Best text = best.get(InputFormat.TEXT);
      long textBytes = inputs.bytes(InputFormat.TEXT);
      for (InputFormat format : InputFormat.values()) {
        Best row = best.get(format);
        long bytes = inputs.bytes(format);
        out.printf(Locale.ROOT, "| %s | %.2f | %.2fx | %.1f | %.2fx | %.2f | %.2fx | %,d | %,d | %.2f | %s |%n", format.label(),
            row.wallSeconds(), text.wallSeconds() / row.wallSeconds(), row.jobSeconds(), text.jobSeconds() / row.jobSeconds(),
            row.mapPhaseSeconds(), text.mapPhaseSeconds() / row.mapPhaseSeconds(), row.inputBytesRead(), bytes,
            bytes / (double) textBytes, format == InputFormat.TEXT ? "-" : convertSeconds.get(format));
      }
    }
  }
}
