package dev.hadoopkit.ingest;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RowAppender;
import dev.hadoopkit.ingest.cli.Console;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * The build's training run for bin/sqoop's class-sharing archive (docs/launchers.md): {@code mvn package} runs
 * {@code HK_CDS=record bin/sqoop WORK_DIR}, which runs this class instead of {@link IngestMain} in the same JVM
 * setup, and the JVM writes the classes it loaded into {@code target/cds/sqoop.jsa} at exit. A build has no database,
 * so it runs what every import and export runs besides the database's rows: the tool table and option parsing, both
 * drivers' connection code (against a closed port), a local map-only MapReduce job as JobRunner configures one, and
 * the Parquet, ORC and Avro writers of binary imports. Never part of a user's command.
 */
public final class ClassArchiveTraining {
  private static final int ROWS = 2_000;

  private ClassArchiveTraining() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("Usage: HK_CDS=record bin/sqoop WORK_DIR (run by mvn package, see docs/launchers.md)");
      System.exit(2);
    }
    java.nio.file.Path work = java.nio.file.Path.of(args[0]).toAbsolutePath();
    FileUtils.deleteDirectory(work.toFile());
    Files.createDirectories(work);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(log, true, StandardCharsets.UTF_8);
    IngestMain ingest = new IngestMain(new Console(quiet, quiet, false, false));
    Configuration conf = new Configuration();
    for (String[] help : List.of(new String[] {"help"}, new String[] {"help", "import"}, new String[] {"help", "export"})) {
      expect(0, ingest.run(help, conf), help, log);
    }
    // Port 1 refuses at once: the drivers load their connection code, the tool reports the failure (exit 1).
    for (String url : List.of("jdbc:mysql://127.0.0.1:1/training", "jdbc:postgresql://127.0.0.1:1/training")) {
      String[] eval = {"eval", "--connect", url, "--username", "training", "-e", "SELECT 1"};
      expect(1, ingest.run(eval, conf), eval, log);
    }
    runLocalJob(conf, work);
    writeBinaryFiles(conf, work);
    System.out.println("class-sharing training: help, eval against a closed port, a local map-only job and the "
        + "Parquet, ORC and Avro writers, in " + work);
    FileUtils.deleteDirectory(work.toFile());
  }

  private static void expect(int code, int actual, String[] step, ByteArrayOutputStream log) {
    if (actual != code) {
      System.err.print(log.toString(StandardCharsets.UTF_8));
      throw new IllegalStateException("class-sharing training step exited " + actual + " instead of " + code + ": sqoop "
          + String.join(" ", step));
    }
    log.reset();
  }

  /** Copies the fields of each line as an export task reads them. */
  static final class FieldsMapper extends Mapper<LongWritable, Text, NullWritable, Text> {
    @Override
    protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
      context.write(NullWritable.get(), new Text(String.join("\t", line.toString().split(",", -1))));
    }
  }

  private static void runLocalJob(Configuration conf, java.nio.file.Path work) throws Exception {
    java.nio.file.Path input = Files.createDirectories(work.resolve("in"));
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= ROWS; i++) {
      lines.append(i).append(',').append(i % 943 + 1).append(',').append(i % 1682 + 1).append(',').append(i % 5 + 1)
          .append(",1997-12-04 15:55:49\n");
    }
    Files.writeString(input.resolve("part-m-00000"), lines);
    Job job = Job.getInstance(conf, "class-sharing training");
    JobRunner.configure(job, conf, 1);
    job.setJarByClass(ClassArchiveTraining.class);
    job.setInputFormatClass(TextInputFormat.class);
    FileInputFormat.addInputPath(job, new Path(input.toUri()));
    job.setMapperClass(FieldsMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(TextOutputFormat.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    FileOutputFormat.setOutputPath(job, new Path(work.resolve("out").toUri()));
    if (!job.waitForCompletion(false)) {
      throw new IllegalStateException("class-sharing training: the local job failed");
    }
  }

  private static void writeBinaryFiles(Configuration conf, java.nio.file.Path work) throws IOException {
    Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    Schema schema = SchemaBuilder.record("training").fields().requiredInt("id").optionalString("name")
        .name("rated_at").type().unionOf().nullType().and().type(timestamp).endUnion().nullDefault().endRecord();
    for (FileFormat format : List.of(FileFormat.PARQUET, FileFormat.ORC, FileFormat.AVRO)) {
      Codec codec = format == FileFormat.ORC ? Codec.ZSTD : Codec.SNAPPY;
      Path file = new Path(work.resolve("ratings." + format.name().toLowerCase(java.util.Locale.ROOT)).toUri());
      try (RowAppender rows = Formats.write(file).format(format).conf(conf).schema(schema).codec(codec).buildRows()) {
        for (int i = 1; i <= ROWS; i++) {
          rows.setInt(0, i);
          rows.setString(1, "name " + i);
          rows.setLong(2, 881_250_949_000L + i);
          rows.endRow();
        }
      }
    }
  }
}
