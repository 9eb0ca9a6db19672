package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.JobRunner;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.db.ConnectionSpec;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.imports.BinaryRowWriter;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import dev.hadoopkit.ingest.imports.ImportInputFormat;
import dev.hadoopkit.ingest.imports.ImportMapper;
import dev.hadoopkit.ingest.imports.ImportOutputFormat;
import dev.hadoopkit.ingest.imports.OutputKind;
import dev.hadoopkit.ingest.imports.OutputPlacement;
import dev.hadoopkit.ingest.imports.TextRowWriter;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/** The map-only MapReduce job of one planned import: connection, query, splits, columns and output format. */
final class ImportJobSetup {
  private ImportJobSetup() {
  }

  /** The directory where the tasks leave their one-line reports (errors, rows). */
  static Path reportsDir(OutputPlacement placement) {
    return new Path(placement.work(), "_hk_reports");
  }

  /**
   * True when every temporal column is a DATE, DATETIME or TIMESTAMP, the shapes whose packed binary form the writers
   * read ({@code RawText#binary}); YEAR, which the driver also types DATE, arrives as a bare short.
   */
  private static boolean onlyDatesAndTimestamps(ImportPlan plan) {
    return plan.columns().stream().filter(c -> c.jdbcType() == java.sql.Types.DATE || c.jdbcType() == java.sql.Types.TIMESTAMP)
        .allMatch(c -> java.util.Set.of("DATE", "DATETIME", "TIMESTAMP").contains(c.typeName().toUpperCase(java.util.Locale.ROOT)));
  }

  /**
   * @param utcSession the server's SYSTEM time zone is UTC and the session kept it
   *     ({@link dev.hadoopkit.ingest.db.MysqlSessionZone}): the tasks then name UTC as their session zone
   */
  static Job create(Configuration conf, Session session, ImportOptions options, ImportPlan plan,
      OutputPlacement placement, boolean utcSession) throws IOException {
    Job job = Job.getInstance(conf, options.jobName() != null ? options.jobName()
        : (options.table() != null ? options.table() : "QueryResult") + ".jar");
    Configuration jc = job.getConfiguration();
    session.spec().store(jc);
    ConnectionSpec.storePassword(job, session.password());
    jc.set(ImportMapper.KEY_QUERY, plan.template());
    ImportInputFormat.storeSplits(jc, plan.splits());
    ColumnInfo.store(jc, plan.columns());
    OutputKind kind = options.kind();
    jc.set(IngestKeys.IMPORT_OUTPUT_KIND, kind.name());
    if (kind.isBinary()) {
      jc.set(BinaryRowWriter.KEY_SCHEMA, plan.avroSchema().toString());
      jc.set(BinaryRowWriter.KEY_CODEC, options.binaryCodec().name());
    }
    options.delimiters().store(jc, TextRowWriter.KEY_DELIMITERS);
    jc.set(TextRowWriter.KEY_NULL_STRING, options.nullString());
    jc.set(TextRowWriter.KEY_NULL_NON_STRING, options.nullNonString());
    if (options.hiveDelimsReplacement() != null) {
      TextRowWriter.storeHiveDelimsReplacement(jc, options.hiveDelimsReplacement());
    }
    if (options.textCodec() != null) {
      jc.set(IngestKeys.IMPORT_CODEC, options.textCodec());
    }
    jc.setBoolean(TextRowWriter.KEY_TEMPORAL_AS_TEXT, session.spec().dialect() == Dialect.MYSQL);
    boolean rawText = ImportPlanner.rawText(session.spec().dialect(), options);
    jc.setBoolean(TextRowWriter.KEY_RAW_TEXT, rawText);
    jc.setBoolean(IngestKeys.UTC_SESSION, utcSession && conf.getBoolean(IngestKeys.UTC_SESSION, true));
    // The binary protocol costs the server about a fifth less CPU per row than the text protocol (no number or date
    // formatting) and the tasks no number parsing.
    jc.setBoolean(IngestKeys.IMPORT_BINARY_PROTOCOL, conf.getBoolean(IngestKeys.IMPORT_BINARY_PROTOCOL, true)
        && rawText && plan.asString().isEmpty() && onlyDatesAndTimestamps(plan));
    if (!plan.asString().isEmpty()) {
      jc.setStrings(TextRowWriter.KEY_AS_STRING, plan.asString().toArray(new String[0]));
    }
    jc.set(IngestKeys.REPORTS_DIR, reportsDir(placement).toString());
    job.setJarByClass(ImportMapper.class);
    job.setInputFormatClass(ImportInputFormat.class);
    job.setMapperClass(ImportMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(ImportOutputFormat.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    FileOutputFormat.setOutputPath(job, placement.work());
    JobRunner.configure(job, conf, plan.splits().size());
    return job;
  }
}
