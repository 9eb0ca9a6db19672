package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import dev.hadoopkit.ingest.imports.HiveStatement;
import dev.hadoopkit.ingest.imports.OutputPlacement;
import java.sql.Connection;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * {@code sqoop import}: a table or free-form query into files, as a map-only MapReduce job. The options are read once
 * ({@link ImportOptions}), the SELECT and splits planned ({@link ImportPlanner}), the job set up
 * ({@link ImportJobSetup}), then run and committed ({@link ImportCommit}).
 */
final class ImportCommand implements SqoopTool {
  /** What an import did: rows and the next --last-value of an incremental import. */
  public record Result(long rows, String nextLastValue) {
  }

  @Override
  public String name() {
    return "import";
  }

  @Override
  public String description() {
    return "Import a table from a database to HDFS";
  }

  @Override
  public Options options() {
    return OptionSets.forImport();
  }

  @Override
  public String examples() {
    return "  sqoop import --connect jdbc:mysql://localhost/movielens --driver com.mysql.jdbc.Driver --table movies -m 1\n"
        + "  sqoop import -D mapreduce.job.queuename=etl --connect jdbc:mysql://127.0.0.1/movielens --username root \\\n"
        + "      --table ratings -m 4 --split-by id --target-dir /data/ratings --fields-terminated-by '\\t' -z\n"
        + "  sqoop import --connect jdbc:postgresql://localhost/shop --username etl --password-file /user/etl/.pw \\\n"
        + "      --query 'SELECT o.id, o.total FROM orders o WHERE $CONDITIONS' --split-by o.id --target-dir /data/orders\n"
        + "  sqoop import --connect jdbc:mysql://localhost/movielens --table ratings --incremental append \\\n"
        + "      --check-column id --last-value 100000 --target-dir /data/ratings\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) throws Exception {
    runImport(args, conf, console, null);
    return 0;
  }

  /**
   * Runs one import.
   *
   * @param tableOverride the table to import instead of --table (import-all-tables), or null
   */
  public Result runImport(Args args, Configuration conf, Console console, String tableOverride) throws Exception {
    ImportOptions options = ImportOptions.from(args, conf, tableOverride);
    console.warnLines(options.warnings());
    Session session = Session.from(args, conf, console);
    try (Connection connection = session.open()) {
      ImportPlanner planner = new ImportPlanner(connection, session, options, console);
      ImportPlanner.Select select = planner.select();
      if (select.nothingNew()) {
        console.info("No new rows detected since last import.");
        return new Result(0, select.nextLastValue());
      }
      Path target = ImportOutput.targetDir(options);
      if (options.hiveRequested()) {
        refuseHiveImport(options, select, target, conf, console);
      }
      ImportPlan plan = planner.splits(select, conf);
      boolean mergeOnto = ImportOutput.mergesOnto(options, conf, target);
      OutputPlacement placement = ImportOutput.prepare(options, conf, target, mergeOnto);
      if (placement.leftovers() != null) {
        console.info(placement.leftovers());
      }
      boolean utcSession = ImportPlanner.rawText(session.spec().dialect(), options)
          && dev.hadoopkit.ingest.db.MysqlSessionZone.systemZoneIsUtc(connection, session.spec());
      Job job = ImportJobSetup.create(conf, session, options, plan, placement, utcSession);
      int mappers = plan.splits().size();
      console.info("Beginning import of " + options.sourceName() + " into " + placement.target() + " with " + mappers
          + " mapper(s)" + (options.kind().isBinary() ? " as " + options.kind().displayName() + " files ("
          + options.binaryCodec().displayName() + ")" : ""));
      long rows = new ImportCommit(conf, console, session, options).run(job, plan, placement, mergeOnto);
      return new Result(rows, plan.nextLastValue());
    }
  }

  /** --hive-import: prints the statement to run in Hive, then refuses (this build runs no Hive). */
  private static void refuseHiveImport(ImportOptions options, ImportPlanner.Select select, Path target,
      Configuration conf, Console console) throws java.io.IOException {
    FileSystem fs = target.getFileSystem(conf);
    String table = options.table();
    console.out().println(HiveStatement.createExternalTable(options.hiveTable() != null ? options.hiveTable()
        : table == null ? target.getName() : table, select.columns(), options.delimiters(),
        fs.makeQualified(target).toString(), options.nullString()));
    throw new UsageException("--hive-import is not supported in this build: run the import without the Hive options, then "
        + "run the CREATE EXTERNAL TABLE statement printed above in Hive to read the imported directory");
  }

  /** The option rules that need no database (also checked by {@code job --create}). */
  @Override
  public void validate(Args args) {
    ImportOptions.checkRules(args);
  }
}
