package dev.hadoopkit.formats.cli;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Preset;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.source.TextSchema;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.TimestampColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * {@code bench}: conversion throughput of generated MovieLens ratings text to Parquet, ORC and Avro by this tool,
 * next to the released reference tools run as separate JVMs in the same run on the same file: parquet-cli
 * {@code convert-csv} (same field names and types, {@code --schema} avsc, same codec) and orc-tools
 * {@code convert} (matching {@code -s} struct, same codec through {@code -D orc.compress}). avro-tools has no
 * CSV/TSV conversion ({@code fromtext} stores each line as one bytes value), so Avro's reference is the in-JVM
 * loop below. Every process row is wall time from process start to exit, JVM start included; this tool is also
 * run that way ({@code formats convert} in a fresh JVM), and a trivial command of each shows the start cost alone.
 *
 * <p>The in-JVM rows (warmed up first) stay as a second reference: this tool's convert, and the simplest correct
 * loop over each library's own writer API ({@code String.split} + AvroParquetWriter, orc-core's vectorized
 * writer, avro's DataFileWriter), same schema and codec.
 */
final class BenchCommand implements Command {

  private static final long PROCESS_TIMEOUT_SECONDS = 3600;

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String description() {
    return "measure text -> Parquet/ORC/Avro conversion (rows/s, MB/s, sizes) against parquet-cli, orc-tools and library loops";
  }

  @Override
  public String arguments() {
    return "<work-directory>";
  }

  @Override
  public Options options() {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("ratings").hasArg().argName("n").desc("generated ratings, default 10,000,000").build());
    options.addOption(Option.builder().longOpt("input").hasArg().argName("u.data").desc("use this ratings text instead of generating one").build());
    options.addOption(Option.builder().longOpt("codec").hasArg().argName("codec").desc("codec for both sides, default zstd").build());
    options.addOption(Option.builder().longOpt("formats").hasArg().argName("list").desc("formats to measure, default parquet,orc,avro").build());
    options.addOption(Option.builder().longOpt("no-tools").desc("skip the separate-JVM runs (this tool's convert and the reference tools)").build());
    options.addOption(Option.builder().longOpt("tool-jvm-options").hasArg().argName("options")
        .desc("JVM options of every separate-JVM run, default this JVM's -X options (heap, GC, JIT), so both sides get the same").build());
    return options;
  }

  @Override
  public List<String> examples() {
    return List.of("formats bench /tmp/formats-bench", "formats bench --ratings 1000000 --formats parquet,orc /tmp/formats-bench",
        "formats bench --tool-jvm-options '-Xmx2g' /tmp/formats-bench");
  }

  @Override
  public int run(CommandLine command, CommandContext context) throws Exception {
    Path work = CommonOptions.onlyArgument(command, "work directory");
    long ratings = CommonOptions.longOption(command, "ratings", 10_000_000L);
    Codec codec;
    try {
      codec = command.hasOption("codec") ? Codec.of(command.getOptionValue("codec")) : Codec.DEFAULT;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Configuration conf = context.conf();
    FileSystem fs = work.getFileSystem(conf);
    fs.mkdirs(work);
    PrintStream out = context.out();
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
        ? List.of(command.getOptionValue("tool-jvm-options").trim().split("\\s+")) : heapGcAndJitOptions();
    java.nio.file.Path localWork = null;
    if (tools) {
      if (!"file".equals(fs.getUri().getScheme()) || !"file".equals(input.getFileSystem(conf).getUri().getScheme())) {
        throw new UsageException("Invalid work directory " + work + " for the reference tools: they run on local files; use a local "
            + "directory and --input, or --no-tools");
      }
      localWork = localPath(conf, work);
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
        throw new UsageException(e.getMessage());
      }
      List<Measurement> rows = new ArrayList<>();
      Path ours = new Path(work, "ours." + format.extension());
      Path reference = new Path(work, "reference." + format.extension());
      convertOurs(conf, sample, new Path(work, "warm-ours." + format.extension()), format, codec);
      convertReference(conf, sample, new Path(work, "warm-ref." + format.extension()), format, codec, schema);
      long started = System.nanoTime();
      long count = convertOurs(conf, input, ours, format, codec);
      rows.add(new Measurement("hadoopkit formats convert, in this JVM (warm)", count, System.nanoTime() - started,
          fs.getFileStatus(ours).getLen(), false, false));
      started = System.nanoTime();
      count = convertReference(conf, input, reference, format, codec, schema);
      rows.add(new Measurement(referenceName(format) + ", in this JVM (warm)", count, System.nanoTime() - started,
          fs.getFileStatus(reference).getLen(), false, true));
      if (tools) {
        Path oursProcess = new Path(work, "ours-process." + format.extension());
        rows.add(runProcess(conf, "hadoopkit `formats convert`, own JVM", oursProcess, false, localWork,
            oursCommand(jvmOptions, List.of("convert", localPath(conf, input).toString(), localPath(conf, oursProcess).toString(), "--to", format.extension(),
                "--preset", Preset.MOVIELENS_RATINGS.presetName(), "--codec", codec.displayName(), "--overwrite"))));
        ReferenceTool tool = toolFor(format);
        if (tool == null) {
          notes.add(format.displayName() + ": avro-tools has no CSV/TSV conversion (fromtext writes each line as one bytes value), "
              + "so the reference is the in-JVM DataFileWriter loop.");
        } else {
          Path toolOutput = new Path(work, "tool." + format.extension());
          rows.add(runProcess(conf, toolLabel(tool), toolOutput, true, localWork,
              tool.command(jvmOptions, toolArguments(tool, localWork, localPath(conf, input), localPath(conf, toolOutput), codec))));
          notes.add(format.displayName() + ": " + toolNote(tool));
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
      out.printf(Locale.ROOT, "  hadoopkit `formats --help`: %.2f%n", startSeconds(localWork, null, jvmOptions, List.of("--help")));
      out.printf(Locale.ROOT, "  parquet-cli `help`: %.2f%n", startSeconds(localWork, ReferenceTool.PARQUET_CLI, jvmOptions, List.of("help")));
      out.printf(Locale.ROOT, "  orc-tools `version`: %.2f%n", startSeconds(localWork, ReferenceTool.ORC_TOOLS, jvmOptions, List.of("version")));
      for (String note : notes) {
        out.println(note);
      }
    }
    out.flush();
    return 0;
  }

  /**
   * One row of the table. {@code ownJvm}: a separate JVM timed from start to exit, else a warm run in this JVM;
   * {@code reference}: the denominator of the last column for the rows of the same kind (the tool's process, or
   * the library loop in this JVM).
   */
  private record Measurement(String side, long rows, long nanos, long outputBytes, boolean ownJvm, boolean reference) {
    double rowsPerSecond() {
      return rows / (nanos / 1e9);
    }
  }

  /** This JVM's heap, GC and JIT options (what bin/formats set), for the separate JVMs of both sides. */
  private static List<String> heapGcAndJitOptions() {
    List<String> options = new ArrayList<>();
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-X")) {
        options.add(argument);
      }
    }
    return options;
  }

  private static ReferenceTool toolFor(FileFormat format) {
    switch (format) {
      case PARQUET:
        return ReferenceTool.PARQUET_CLI;
      case ORC:
        return ReferenceTool.ORC_TOOLS;
      default:
        return null;
    }
  }

  private static String toolLabel(ReferenceTool tool) {
    return tool == ReferenceTool.PARQUET_CLI ? "reference: parquet-cli 1.15.2 `convert-csv`, own JVM"
        : "reference: orc-tools 2.1.2 `convert`, own JVM";
  }

  private static String toolNote(ReferenceTool tool) {
    return tool == ReferenceTool.PARQUET_CLI
        ? "parquet-cli convert-csv --no-header --delimiter TAB --schema (userId, movieId, rating int; timestamp long, the file's"
            + " Unix seconds, as CSV gives no way to multiply by 1000) --compression-codec; this tool writes timestamp-millis."
        : "orc-tools convert -S TAB -s struct<userId:int,movieId:int,rating:int,timestamp:bigint> (its CSV reader parses"
            + " timestamps only from date-time text; u.data has Unix seconds) -D orc.compress; reads the file through a"
            + " symlink ending in .csv (it picks the reader by extension); this tool writes timestamp with local time zone.";
  }

  /** {@code formats convert} in a fresh JVM: this JVM's classpath and system properties, the given heap/GC/JIT options. */
  private static List<String> oursCommand(List<String> jvmOptions, List<String> arguments) {
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

  private static java.nio.file.Path localPath(Configuration conf, Path path) throws IOException {
    return Paths.get(path.getFileSystem(conf).makeQualified(path).toUri());
  }

  private static List<String> toolArguments(ReferenceTool tool, java.nio.file.Path localWork, java.nio.file.Path local,
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
  private static Measurement runProcess(Configuration conf, String side, Path output, boolean tool, java.nio.file.Path localWork,
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
  private static double startSeconds(java.nio.file.Path localWork, ReferenceTool tool, List<String> jvmOptions, List<String> arguments)
      throws IOException {
    List<String> command = tool == null ? oursCommand(jvmOptions, arguments) : tool.command(jvmOptions, arguments);
    long started = System.nanoTime();
    ReferenceTool.execute(localWork, command, PROCESS_TIMEOUT_SECONDS, null);
    return (System.nanoTime() - started) / 1e9;
  }

  private static String tail(String text) {
    String[] lines = text.split("\n");
    return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 20), lines.length));
  }

  private static String referenceName(FileFormat format) {
    switch (format) {
      case PARQUET:
        return "reference: split + AvroParquetWriter";
      case ORC:
        return "reference: split + orc-core vectorized writer";
      default:
        return "reference: split + avro DataFileWriter";
    }
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

  /** The simplest correct loop over each library's own API, as the reference tools do it. */
  private static long convertReference(Configuration conf, Path input, Path output, FileFormat format, Codec codec, Schema schema)
      throws IOException {
    FileSystem fs = output.getFileSystem(conf);
    fs.delete(output, false);
    long rows = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(fs.open(input), StandardCharsets.US_ASCII), 1 << 16)) {
      String line;
      switch (format) {
        case PARQUET:
          try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(output, conf))
              .withSchema(schema).withConf(conf).withCompressionCodec(CompressionCodecName.valueOf(codec == Codec.NONE ? "UNCOMPRESSED" : codec.name()))
              .build()) {
            while ((line = lines.readLine()) != null) {
              String[] fields = line.split("\t");
              GenericData.Record record = new GenericData.Record(schema);
              record.put(0, Integer.parseInt(fields[0]));
              record.put(1, Integer.parseInt(fields[1]));
              record.put(2, Integer.parseInt(fields[2]));
              record.put(3, Long.parseLong(fields[3]) * 1000L);
              writer.write(record);
              rows++;
            }
          }
          break;
        case ORC:
          TypeDescription type = TypeDescription.fromString("struct<userId:int,movieId:int,rating:int,timestamp:timestamp with local time zone>");
          try (Writer writer = OrcFile.createWriter(output, OrcFile.writerOptions(conf).setSchema(type)
              .compress(CompressionKind.valueOf(codec == Codec.GZIP ? "ZLIB" : codec.name())).useUTCTimestamp(true))) {
            VectorizedRowBatch batch = type.createRowBatch();
            while ((line = lines.readLine()) != null) {
              String[] fields = line.split("\t");
              int row = batch.size++;
              ((LongColumnVector) batch.cols[0]).vector[row] = Integer.parseInt(fields[0]);
              ((LongColumnVector) batch.cols[1]).vector[row] = Integer.parseInt(fields[1]);
              ((LongColumnVector) batch.cols[2]).vector[row] = Integer.parseInt(fields[2]);
              TimestampColumnVector time = (TimestampColumnVector) batch.cols[3];
              time.time[row] = Long.parseLong(fields[3]) * 1000L;
              time.nanos[row] = 0;
              if (batch.size == batch.getMaxSize()) {
                writer.addRowBatch(batch);
                batch.reset();
              }
              rows++;
            }
            if (batch.size > 0) {
              writer.addRowBatch(batch);
            }
          }
          break;
        default:
          try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
            writer.setCodec(codec == Codec.NONE ? CodecFactory.nullCodec() : codec == Codec.SNAPPY ? CodecFactory.snappyCodec()
                : codec == Codec.GZIP ? CodecFactory.deflateCodec(6) : CodecFactory.zstandardCodec(3));
            writer.create(schema, fs.create(output, true));
            while ((line = lines.readLine()) != null) {
              String[] fields = line.split("\t");
              GenericData.Record record = new GenericData.Record(schema);
              record.put(0, Integer.parseInt(fields[0]));
              record.put(1, Integer.parseInt(fields[1]));
              record.put(2, Integer.parseInt(fields[2]));
              record.put(3, Long.parseLong(fields[3]) * 1000L);
              writer.append(record);
              rows++;
            }
          }
      }
    }
    return rows;
  }

}
