package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestCounters;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.JobRunner;
import dev.hadoopkit.ingest.Leftovers;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import java.sql.Connection;
import java.util.List;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * {@code sqoop export}: text, Avro, Parquet or ORC files into a table, as a map-only MapReduce job whose tasks are never
 * retried. Each file's format comes from its magic bytes; binary fields are matched to columns by name. The options
 * are read once ({@link ExportOptions}), the target read from the database ({@link ExportPlan}), the job set up
 * ({@link ExportJobSetup}); a staging table is moved into the target at the end ({@link ExportStaging}).
 */
final class ExportCommand implements SqoopTool {
  private static final String WORK_SUFFIX = ".hk-export-";

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String description() {
    return "Export an HDFS directory to a database table";
  }

  @Override
  public Options options() {
    return OptionSets.forExport();
  }

  @Override
  public String examples() {
    return "  sqoop export --connect jdbc:mysql://localhost/movielens -m 1 --driver com.mysql.jdbc.Driver \\\n"
        + "      --table exported_movies --export-dir /apps/hive/warehouse/movies --input-fields-terminated-by '\\0001'\n"
        + "  sqoop export --connect jdbc:postgresql://localhost/shop --username etl -P --table orders --export-dir /data/orders \\\n"
        + "      --update-key id --update-mode allowinsert\n"
        + "  sqoop export --connect jdbc:mysql://localhost/db --table t --staging-table t_stage --clear-staging-table --export-dir /d\n"
        + "  sqoop export --connect jdbc:mysql://localhost/db --table t --export-dir /d --direct   (LOAD DATA LOCAL INFILE / COPY)\n"
        + "  sqoop export --connect jdbc:mysql://localhost/movielens --table ratings_copy --export-dir /data/ratings_parquet\n"
        + "      (Avro, Parquet and ORC directories are recognised by their files' magic bytes; fields match columns by name)\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) throws Exception {
    ExportOptions options = ExportOptions.from(args);
    console.warnLines(options.warnings());
    Path dir = new Path(options.exportDir());
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      throw new IngestException("Export directory " + fs.makeQualified(dir) + " does not exist (check --export-dir)");
    }
    ContentSummary summary = fs.getContentSummary(dir);
    List<Path> binaryFiles = ExportFiles.binaryFiles(conf, dir);

    Session session = Session.from(args, conf, console);
    ExportPlan plan;
    boolean utcSession;
    try (Connection connection = session.open()) {
      plan = ExportPlan.read(connection, session, options, conf, binaryFiles);
      utcSession = session.spec().dialect() == dev.hadoopkit.ingest.db.Dialect.MYSQL
          && dev.hadoopkit.ingest.db.MysqlSessionZone.systemZoneIsUtc(connection, session.spec());
    }

    String cleaned = Leftovers.removeAbandoned(fs, fs.makeQualified(dir), WORK_SUFFIX);
    if (cleaned != null) {
      console.info(cleaned);
    }
    Leftovers.Owner owner = Leftovers.Owner.current();
    Path reports = new Path(fs.makeQualified(dir).getParent(), Leftovers.workName(dir.getName(), WORK_SUFFIX, owner));
    Leftovers.claim(fs, reports, owner);
    Job job = ExportJobSetup.create(conf, session, options, plan, dir, summary.getLength(), reports, utcSession);

    String table = options.table();
    String staging = options.staging();
    String into = staging == null ? table : table + " through staging table " + staging;
    console.info("Beginning export of " + fs.makeQualified(dir) + " into " + into + (options.direct() ? " (direct)" : "")
        + (binaryFiles.isEmpty() ? "" : " from " + binaryFiles.size() + " Avro/Parquet/ORC file(s)"));
    JobRunner.Outcome outcome;
    Configuration jc = job.getConfiguration();
    try {
      outcome = JobRunner.run(job, console, IngestCounters.ROWS_EXPORTED, IngestCounters.BYTES_READ, reports,
          options.mappers());
      if (!outcome.success()) {
        List<String> errors = TaskReports.errors(jc, reports);
        long committed = TaskReports.committed(jc, reports);
        String cause = errors.isEmpty() ? "the job " + job.getJobID() + " failed" : errors.get(0);
        if (staging != null) {
          throw new IngestException("Export failed: " + cause + ". Table " + table + " was not changed; staging table " + staging
              + " holds the " + committed + " rows written so far (rerun with --clear-staging-table).");
        }
        throw new IngestException("Export failed: " + cause + ". Exactly " + committed + " rows were committed to table "
            + table + " before the failure.");
      }
    } finally {
      fs.delete(reports, true);
    }
    long rows = outcome.counter(IngestCounters.ROWS_EXPORTED);
    if (staging != null) {
      rows = ExportStaging.moveIntoTarget(session, session.spec().dialect(), plan.target(), staging, console);
    }
    console.info(JobRunner.transferLine(outcome.counter(IngestCounters.BYTES_READ), rows, outcome.seconds()));
    console.info("Exported " + rows + " records.");
    return 0;
  }
}
