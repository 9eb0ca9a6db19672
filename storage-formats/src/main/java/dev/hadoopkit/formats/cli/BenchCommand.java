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
 * next to a reference conversion in the same JVM and run: a plain loop over each library's own writer API
 * (parquet-avro's AvroParquetWriter as parquet-cli convert-csv uses it, orc-core's vectorized writer as orc-tools
 * convert uses it, avro's DataFileWriter), same schema and codec. Each side is warmed up first.
 */
final class BenchCommand implements Command {

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String description() {
    return "measure text -> Parquet/ORC/Avro conversion (rows/s, MB/s, sizes) against each library's reference writer loop";
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
    return options;
  }

  @Override
  public List<String> examples() {
    return List.of("formats bench /tmp/formats-bench", "formats bench --ratings 1000000 --formats parquet,orc /tmp/formats-bench");
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
    out.printf(Locale.ROOT, "input: %s, %,d bytes; codec %s; %d cores, max heap %,d MB%n", input, inputBytes, codec.displayName(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    out.println();
    out.println("| format | side | rows | seconds | rows/s | MB/s (text in) | output bytes | output / text |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    Schema schema = Preset.MOVIELENS_RATINGS.schema();
    for (String name : command.getOptionValue("formats", "parquet,orc,avro").split(",")) {
      FileFormat format;
      try {
        format = FileFormat.ofBinaryName(name.trim());
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      Path ours = new Path(work, "ours." + format.extension());
      Path reference = new Path(work, "reference." + format.extension());
      convertOurs(conf, sample, new Path(work, "warm-ours." + format.extension()), format, codec);
      convertReference(conf, sample, new Path(work, "warm-ref." + format.extension()), format, codec, schema);
      long started = System.nanoTime();
      long rows = convertOurs(conf, input, ours, format, codec);
      report(out, format, "hadoopkit formats convert", rows, System.nanoTime() - started, inputBytes, fs.getFileStatus(ours).getLen());
      started = System.nanoTime();
      rows = convertReference(conf, input, reference, format, codec, schema);
      report(out, format, referenceName(format), rows, System.nanoTime() - started, inputBytes, fs.getFileStatus(reference).getLen());
    }
    return 0;
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

  private static void report(PrintStream out, FileFormat format, String side, long rows, long nanos, long inputBytes, long outputBytes) {
    double seconds = nanos / 1e9;
    out.printf(Locale.ROOT, "| %s | %s | %,d | %.1f | %,.0f | %.1f | %,d | %.2f |%n", format.displayName(), side, rows, seconds,
        rows / seconds, inputBytes / 1e6 / seconds, outputBytes, outputBytes / (double) inputBytes);
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
