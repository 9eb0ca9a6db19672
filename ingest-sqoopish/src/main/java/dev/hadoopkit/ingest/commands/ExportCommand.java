package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.ingest.IngestCounters;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.JobRunner;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.UsageException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.Command;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import dev.hadoopkit.ingest.db.ConnectionSpec;
import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.exports.ExportInputFormat;
import dev.hadoopkit.ingest.exports.ExportMapper;
import dev.hadoopkit.ingest.exports.ExportTarget;
import dev.hadoopkit.ingest.exports.RecordValues;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.avro.Schema;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * {@code sqoop export}: text, Avro, Parquet or ORC files into a table, as a map-only MapReduce job whose tasks are never
 * retried. Each file's format comes from its magic bytes; binary fields are matched to columns by name.
 */
public final class ExportCommand implements Command {
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
    if (args.has("call")) {
      throw new UsageException("--call (stored procedure export) is not supported in this build: export into a table with --table");
    }
    if (args.has("hive-import") || args.has("hcatalog-table")) {
      throw new UsageException("Hive/HCatalog options are not supported in this build: export the table's directory with --export-dir");
    }
    String table = args.require("table", "name the table to fill");
    String exportDir = args.require("export-dir", "name the directory of files to export");
    int mappers = args.getInt("num-mappers") == null ? 4 : args.getInt("num-mappers");
    if (mappers < 1) {
      throw new UsageException("Invalid -m " + mappers + ": give 1 or more mappers");
    }
    List<String> updateKeys = args.getList("update-key");
    String updateMode = args.get("update-mode", "updateonly");
    if (!updateMode.equals("updateonly") && !updateMode.equals("allowinsert")) {
      throw new UsageException("Invalid --update-mode " + updateMode + ": use updateonly or allowinsert");
    }
    if (args.has("update-mode") && updateKeys.isEmpty()) {
      throw new UsageException("--update-mode needs --update-key (the columns that identify a row)");
    }
    boolean direct = args.has("direct");
    if (direct && !updateKeys.isEmpty()) {
      throw new UsageException("--direct loads new rows only; drop --direct to export with --update-key");
    }
    String staging = args.get("staging-table");
    if (args.has("clear-staging-table") && staging == null) {
      throw new UsageException("--clear-staging-table needs --staging-table");
    }
    Delimiters delimiters = args.inputDelimiters();
    console.warnLines(args.warnings());
    String nullString = args.has("input-null-string") ? EscapeSyntax.unescapeNullString(args.get("input-null-string")) : null;
    String nullNonString = args.has("input-null-non-string") ? EscapeSyntax.unescapeNullString(args.get("input-null-non-string")) : null;

    Path dir = new Path(exportDir);
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      throw new IngestException("Export directory " + fs.makeQualified(dir) + " does not exist (check --export-dir)");
    }
    ContentSummary summary = fs.getContentSummary(dir);
    List<Path> binaryFiles = binaryFiles(conf, dir);

    Session session = Session.from(args, conf, console);
    Dialect dialect = session.spec().dialect();
    ExportTarget.Mode mode = direct ? ExportTarget.Mode.DIRECT : updateKeys.isEmpty() ? ExportTarget.Mode.INSERT
        : updateMode.equals("allowinsert") ? ExportTarget.Mode.UPSERT : ExportTarget.Mode.UPDATE_ONLY;
    ExportTarget target;
    boolean mariaDbServer;
    try (Connection connection = session.open()) {
      List<String> all = ImportCommand.tableColumns(connection, dialect, table, session);
      List<String> columns = args.has("columns") ? ImportCommand.resolveColumns(args.getList("columns"), all, table) : all;
      List<String> keys = ImportCommand.resolveColumns(updateKeys, all, table);
      for (String k : keys) {
        if (!columns.contains(k)) {
          throw new UsageException("Update key " + k + " must be one of the exported --columns: " + String.join(", ", columns));
        }
      }
      if (mode == ExportTarget.Mode.UPDATE_ONLY && keys.size() == columns.size()) {
        throw new UsageException("Nothing to update: every exported column is an --update-key");
      }
      int[] types = columnTypes(connection, dialect, table, columns);
      String product = connection.getMetaData().getDatabaseProductVersion();
      mariaDbServer = dialect == Dialect.MYSQL && product != null && product.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
      target = new ExportTarget(table, columns, types, mode, keys, 1000, 10, 32 << 20);
      checkBinaryFiles(conf, binaryFiles, target);
      if (staging != null) {
        ImportCommand.tableColumns(connection, dialect, staging, session);
        prepareStaging(connection, dialect, staging, args.has("clear-staging-table"), session);
      }
    }

    String cleaned = dev.hadoopkit.ingest.Leftovers.removeAbandoned(fs, fs.makeQualified(dir), ".hk-export-");
    if (cleaned != null) {
      console.info(cleaned);
    }
    dev.hadoopkit.ingest.Leftovers.Owner owner = dev.hadoopkit.ingest.Leftovers.Owner.current();
    Path reports = new Path(fs.makeQualified(dir).getParent(),
        dev.hadoopkit.ingest.Leftovers.workName(dir.getName(), ".hk-export-", owner));
    dev.hadoopkit.ingest.Leftovers.claim(fs, reports, owner);
    Job job = Job.getInstance(conf, args.get("mapreduce-job-name", table + ".jar"));
    Configuration jc = job.getConfiguration();
    session.spec().store(jc);
    ConnectionSpec.storePassword(job, session.password());
    (staging == null ? target : target.withTable(staging)).store(jc);
    delimiters.store(jc, ExportMapper.KEY_DELIMITERS);
    jc.setInt(ExportInputFormat.KEY_LINE_DELIMITER, delimiters.linesTerminatedBy());
    if (nullString != null) {
      jc.set(ExportMapper.KEY_NULL_STRING, nullString);
    }
    if (nullNonString != null) {
      jc.set(ExportMapper.KEY_NULL_NON_STRING, nullNonString);
    }
    jc.set(TaskReports.KEY_DIR, reports.toString());
    if (!binaryFiles.isEmpty()) {
      // Binary records are converted to typed values in Java; --direct then sends them in its text stream format.
      jc.setBoolean(ExportMapper.KEY_DIRECT_PARSE, true);
    }
    if (jc.get(ExportMapper.KEY_MARIADB_BULK) == null) {
      jc.setBoolean(ExportMapper.KEY_MARIADB_BULK, mariaDbServer);
    }
    // A retried export task would insert its committed rows a second time.
    jc.setInt(MRJobConfig.MAP_MAX_ATTEMPTS, 1);
    job.setJarByClass(ExportMapper.class);
    job.setInputFormatClass(ExportInputFormat.class);
    FileInputFormat.addInputPath(job, dir);
    FileInputFormat.setInputDirRecursive(job, true);
    long perSplit = Math.max(1, (summary.getLength() + mappers - 1) / mappers);
    ExportInputFormat.setMaxInputSplitSize(job, perSplit);
    job.setMapperClass(ExportMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(dev.hadoopkit.ingest.exports.ExportOutputFormat.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    JobRunner.configure(job, conf, mappers);

    String into = staging == null ? table : table + " through staging table " + staging;
    console.info("Beginning export of " + fs.makeQualified(dir) + " into " + into + (direct ? " (direct)" : "")
        + (binaryFiles.isEmpty() ? "" : " from " + binaryFiles.size() + " Avro/Parquet/ORC file(s)"));
    JobRunner.Outcome outcome;
    try {
      outcome = JobRunner.run(job, console, IngestCounters.ROWS_EXPORTED, IngestCounters.BYTES_READ, reports, mappers);
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
      rows = moveFromStaging(session, dialect, target, staging, console);
    }
    console.info(JobRunner.transferLine(outcome.counter(IngestCounters.BYTES_READ), rows, outcome.seconds()));
    console.info("Exported " + rows + " records.");
    return 0;
  }

  /**
   * The Avro, Parquet and ORC files of the export directory (visible files, recursively, by magic bytes). A directory
   * mixing them with text files is refused: text options and binary fields would be applied to the wrong files.
   */
  static List<Path> binaryFiles(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<Path> binary = new ArrayList<>();
    Path firstText = null;
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    for (Path file : visibleFiles(fs, fs.makeQualified(dir))) {
      if (fs.getFileStatus(file).getLen() == 0) {
        continue;
      }
      FileFormat format = codecs.getCodec(file) != null ? FileFormat.TEXT : FileFormat.detect(conf, file);
      if (format == FileFormat.TEXT) {
        firstText = firstText == null ? file : firstText;
      } else {
        binary.add(file);
      }
    }
    if (!binary.isEmpty() && firstText != null) {
      throw new IngestException("Export directory " + fs.makeQualified(dir) + " mixes text files (" + firstText + ") with "
          + "Avro/Parquet/ORC files (" + binary.get(0) + "): export them from separate directories");
    }
    return binary;
  }

  private static List<Path> visibleFiles(FileSystem fs, Path path) throws IOException {
    List<Path> out = new ArrayList<>();
    for (FileStatus status : fs.listStatus(path)) {
      String name = status.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (status.isDirectory()) {
        out.addAll(visibleFiles(fs, status.getPath()));
      } else {
        out.add(status.getPath());
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Before anything is written: every binary file must be whole (footer or header and sync marker) and have a field
   * for every exported column. Fails naming the file.
   */
  private static void checkBinaryFiles(Configuration conf, List<Path> files, ExportTarget target) throws IOException {
    Schema checked = null;
    for (Path file : files) {
      Schema schema;
      try {
        Formats.check(conf, file);
        schema = Formats.schema(conf, file);
      } catch (CorruptFileException e) {
        throw new IngestException(e.getMessage() + ". Nothing was exported; table " + target.table() + " was not changed "
            + "(remove or replace the file, then export again)", e);
      }
      if (checked == null || !checked.equals(schema)) {
        List<String> missing = new ArrayList<>();
        for (String column : target.columns()) {
          if (RecordValues.find(schema, column) == null) {
            missing.add(column);
          }
        }
        if (!missing.isEmpty()) {
          throw new IngestException("Cannot export " + file + " into table " + target.table() + ": it has no field for column(s) "
              + String.join(", ", missing) + " (its fields: " + schema.getFields().stream().map(Schema.Field::name)
              .collect(Collectors.joining(", ")) + "); choose the exported columns with --columns");
        }
        checked = schema;
      }
    }
  }

  private static int[] columnTypes(Connection connection, Dialect dialect, String table, List<String> columns) throws SQLException {
    String sql = "SELECT " + columns.stream().map(dialect::quote).collect(Collectors.joining(", ")) + " FROM "
        + dialect.quoteTable(table) + " WHERE 1 = 0";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int[] types = new int[columns.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = ColumnInfo.jdbcType(rs.getMetaData(), i + 1);
      }
      return types;
    }
  }

  private static void prepareStaging(Connection connection, Dialect dialect, String staging, boolean clear, Session session) {
    try (Statement s = connection.createStatement()) {
      if (clear) {
        s.executeUpdate("DELETE FROM " + dialect.quoteTable(staging));
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        return;
      }
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM " + dialect.quoteTable(staging) + " LIMIT 1")) {
        if (rs.next()) {
          throw new IngestException("Staging table " + staging + " is not empty: add --clear-staging-table to empty it first");
        }
      }
    } catch (SQLException e) {
      throw new IngestException("Cannot prepare staging table " + staging + ": " + session.scrub(e.getMessage()), e);
    }
  }

  /** Moves the staged rows into the target in one transaction, then empties the staging table. */
  private static long moveFromStaging(Session session, Dialect dialect, ExportTarget target, String staging, Console console) {
    String columns = target.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
    String move;
    switch (target.mode()) {
      case UPDATE_ONLY:
        move = dialect.updateFromStagingSql(target.table(), staging, target.columns(), target.updateKeys());
        break;
      case UPSERT:
        move = "INSERT INTO " + dialect.quoteTable(target.table()) + " (" + columns + ") SELECT " + columns + " FROM "
            + dialect.quoteTable(staging) + dialect.upsertSuffix(target.columns(), target.updateKeys());
        break;
      default:
        move = "INSERT INTO " + dialect.quoteTable(target.table()) + " (" + columns + ") SELECT " + columns + " FROM "
            + dialect.quoteTable(staging);
    }
    try (Connection connection = session.open(); Statement s = connection.createStatement()) {
      connection.setAutoCommit(false);
      long staged;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + dialect.quoteTable(staging))) {
        rs.next();
        staged = rs.getLong(1);
      }
      try {
        s.executeUpdate(move);
        s.executeUpdate("DELETE FROM " + dialect.quoteTable(staging));
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw new IngestException("Cannot move rows from staging table " + staging + " to " + target.table() + ": "
            + session.scrub(e.getMessage()) + ". Table " + target.table() + " was not changed; the rows stay in " + staging + ".", e);
      }
      console.info("Migrated " + staged + " records from staging table " + staging + " to " + target.table() + ".");
      return staged;
    } catch (SQLException e) {
      throw new IngestException("Cannot move rows from staging table " + staging + ": " + session.scrub(e.getMessage()), e);
    }
  }
}
