package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.JobRunner;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.db.ConnectionSpec;
import dev.hadoopkit.ingest.exports.ExportInputFormat;
import dev.hadoopkit.ingest.exports.ExportMapper;
import dev.hadoopkit.ingest.exports.ExportOutputFormat;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/** The map-only MapReduce job of one planned export: connection, target table, input parsing, split size. */
final class ExportJobSetup {
  private ExportJobSetup() {
  }

  /**
   * @param dir the export directory
   * @param inputBytes the bytes under it, divided between the mappers
   * @param reports where the tasks leave their one-line reports
   */
  /**
   * @param utcSession the server's SYSTEM time zone is UTC and the session kept it
   *     ({@link dev.hadoopkit.ingest.db.MysqlSessionZone}): the tasks then name UTC as their session zone, which
   *     spares the server the C library's conversion of every TIMESTAMP value they load
   */
  static Job create(Configuration conf, Session session, ExportOptions options, ExportPlan plan, Path dir,
      long inputBytes, Path reports, boolean utcSession) throws IOException {
    Job job = Job.getInstance(conf, options.jobName() != null ? options.jobName() : options.table() + ".jar");
    Configuration jc = job.getConfiguration();
    jc.setBoolean(IngestKeys.UTC_SESSION, utcSession && conf.getBoolean(IngestKeys.UTC_SESSION, true));
    session.spec().store(jc);
    ConnectionSpec.storePassword(job, session.password());
    boolean userBatchSize = jc.get(IngestKeys.EXPORT_RECORDS_PER_STATEMENT) != null;
    (options.staging() == null ? plan.target() : plan.target().withTable(options.staging())).store(jc);
    options.delimiters().store(jc, ExportMapper.KEY_DELIMITERS);
    jc.setInt(IngestKeys.EXPORT_LINE_DELIMITER, options.delimiters().linesTerminatedBy());
    if (options.nullString() != null) {
      jc.set(ExportMapper.KEY_NULL_STRING, options.nullString());
    }
    if (options.nullNonString() != null) {
      jc.set(ExportMapper.KEY_NULL_NON_STRING, options.nullNonString());
    }
    jc.set(IngestKeys.REPORTS_DIR, reports.toString());
    if (!plan.binaryFiles().isEmpty()) {
      // Binary records are converted to typed values in Java; --direct then sends them in its text stream format.
      jc.setBoolean(ExportMapper.KEY_DIRECT_PARSE, true);
    }
    if (jc.get(ExportMapper.KEY_MARIADB_BULK) == null) {
      jc.setBoolean(ExportMapper.KEY_MARIADB_BULK, plan.mariaDbServer());
    }
    if (!userBatchSize && jc.getBoolean(ExportMapper.KEY_MARIADB_BULK, false)
        && plan.target().mode() == dev.hadoopkit.ingest.exports.ExportTarget.Mode.INSERT) {
      // A bulk batch is one binary packet, not SQL text: larger batches keep the two connections of a task
      // (hadoopkit.ingest.export.connections.per.task) in separate pages of the table's primary key (docs/benchmarks.md).
      jc.setInt(IngestKeys.EXPORT_RECORDS_PER_STATEMENT, IngestKeys.DEFAULT_EXPORT_BULK_RECORDS_PER_BATCH);
    }
    // A retried export task would insert its committed rows a second time.
    jc.setInt(MRJobConfig.MAP_MAX_ATTEMPTS, 1);
    job.setJarByClass(ExportMapper.class);
    job.setInputFormatClass(ExportInputFormat.class);
    FileInputFormat.addInputPath(job, dir);
    FileInputFormat.setInputDirRecursive(job, true);
    long perSplit = Math.max(1, (inputBytes + options.mappers() - 1) / options.mappers());
    ExportInputFormat.setMaxInputSplitSize(job, perSplit);
    job.setMapperClass(ExportMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(ExportOutputFormat.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    JobRunner.configure(job, conf, options.mappers());
    return job;
  }
}
