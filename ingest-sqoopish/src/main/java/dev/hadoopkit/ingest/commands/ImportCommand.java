package dev.hadoopkit.ingest.commands;

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
import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.ingest.imports.BinaryRowWriter;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import dev.hadoopkit.ingest.imports.HiveStatement;
import dev.hadoopkit.ingest.imports.ImportInputFormat;
import dev.hadoopkit.ingest.imports.ImportMapper;
import dev.hadoopkit.ingest.imports.ImportOutputFormat;
import dev.hadoopkit.ingest.imports.ImportManifest;
import dev.hadoopkit.ingest.imports.ImportSchema;
import dev.hadoopkit.ingest.imports.OutputKind;
import dev.hadoopkit.ingest.imports.OutputPlacement;
import dev.hadoopkit.ingest.imports.SplitPlanner;
import dev.hadoopkit.ingest.imports.TextRowWriter;
import dev.hadoopkit.ingest.merge.MergeJob;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.avro.Schema;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/** {@code sqoop import}: a table or free-form query into files, as a map-only MapReduce job. */
public final class ImportCommand implements Command {
  static final String CONDITIONS = "$CONDITIONS";

  /** What an import did: rows and the next --last-value of an incremental import. */
  public static final class Result {
    private final long rows;
    private final String nextLastValue;

    Result(long rows, String nextLastValue) {
      this.rows = rows;
      this.nextLastValue = nextLastValue;
    }

    public long rows() {
      return rows;
    }

    public String nextLastValue() {
      return nextLastValue;
    }
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
    validate(args);
    OutputKind kind = outputKind(args);
    String mergeKey = args.get("merge-key");
    String table = tableOverride != null ? tableOverride : args.get("table");
    String query = tableOverride != null ? null : args.get("query");
    if (table != null && query != null) {
      throw new UsageException("Cannot specify --query and --table together: use one of them");
    }
    if (table == null && query == null) {
      throw new UsageException("Missing --table or --query: say what to import");
    }
    if (query != null && !query.contains(CONDITIONS)) {
      throw new UsageException("Query [" + query + "] must contain '$CONDITIONS' in WHERE clause "
          + "(e.g. SELECT ... FROM t WHERE $CONDITIONS, or WHERE x > 5 AND $CONDITIONS)");
    }
    if (query != null && !args.has("target-dir")) {
      throw new UsageException("Must specify destination with --target-dir when importing a --query");
    }
    if (query != null && (args.has("columns") || args.has("where"))) {
      throw new UsageException("--columns and --where apply to --table imports; put them in the --query text instead");
    }
    int mappers = args.getInt("num-mappers") == null ? 4 : args.getInt("num-mappers");
    if (mappers < 1) {
      throw new UsageException("Invalid -m " + mappers + ": give 1 or more mappers");
    }
    if (query != null && mappers > 1 && !args.has("split-by")) {
      throw new UsageException("When importing query results in parallel, you must specify --split-by (or use -m 1)");
    }
    String incremental = args.get("incremental");
    Delimiters delimiters = args.outputDelimiters();
    String nullString = EscapeSyntax.unescapeNullString(args.get("null-string", "null"));
    String nullNonString = EscapeSyntax.unescapeNullString(args.get("null-non-string", "null"));
    String codec = kind.isBinary() ? null : codecName(args, conf);
    Codec binaryCodec = kind.isBinary() ? binaryCodec(args, kind) : null;
    console.warnLines(args.warnings());
    args.warnings().setLength(0);
    Long splitLimit = args.getLong("split-limit");

    Session session = Session.from(args, conf, console);
    Dialect dialect = session.spec().dialect();
    try (Connection connection = session.open()) {
      String template;
      List<String> allColumns = List.of();
      String filter = table != null ? args.get("where") : null;
      if (table != null) {
        allColumns = tableColumns(connection, dialect, table, session);
      }
      String incrementalFilter = null;
      String nextLastValue = null;
      if (incremental != null) {
        String checkColumn = args.get("check-column");
        String checkExpr;
        String fromForMax;
        if (table != null) {
          checkExpr = dialect.quote(resolveColumn(checkColumn, allColumns, table, "--check-column"));
          fromForMax = "FROM " + dialect.quoteTable(table) + (filter == null ? "" : " WHERE (" + filter + ")");
        } else {
          checkExpr = checkColumn;
          fromForMax = "FROM (" + query.replace(CONDITIONS, "(1 = 1)") + ") AS t1";
        }
        String maxExpr = table != null ? checkExpr : "t1." + unqualified(checkColumn, dialect);
        checkColumnType(connection, table != null ? "SELECT " + checkExpr + " FROM " + dialect.quoteTable(table) + " WHERE 1 = 0"
            : "SELECT " + maxExpr + " " + fromForMax + " WHERE 1 = 0", checkColumn, incremental, session);
        String lastValue = args.get("last-value");
        if (incremental.equals("append")) {
          Bound max = queryBound(connection, "SELECT MAX(" + maxExpr + ") " + fromForMax, dialect, session);
          if (max.literal == null || (lastValue != null && max.text.equals(lastValue))) {
            console.info("No new rows detected since last import.");
            return new Result(0, lastValue);
          }
          incrementalFilter = (lastValue == null ? "" : checkExpr + " > " + literalLike(max, lastValue, dialect) + " AND ")
              + checkExpr + " <= " + max.literal;
          nextLastValue = max.text;
        } else {
          Bound now = queryBound(connection, "SELECT CURRENT_TIMESTAMP", dialect, session);
          incrementalFilter = (lastValue == null ? "" : checkExpr + " >= " + dialect.stringLiteral(lastValue) + " AND ")
              + checkExpr + " < " + now.literal;
          nextLastValue = now.text;
        }
      }
      String columnList;
      if (table != null) {
        List<String> selected = args.has("columns") ? resolveColumns(args.getList("columns"), allColumns, table) : allColumns;
        columnList = selected.stream().map(dialect::quote).collect(Collectors.joining(", "));
        String where = join(filter == null ? null : "(" + filter + ")", incrementalFilter == null ? null : "(" + incrementalFilter + ")");
        template = "SELECT " + columnList + " FROM " + dialect.quoteTable(table) + " WHERE " + (where == null ? "" : where + " AND ")
            + CONDITIONS;
        filter = where;
      } else {
        template = incrementalFilter == null ? query : query.replace(CONDITIONS, "(" + incrementalFilter + ") AND " + CONDITIONS);
      }
      List<ColumnInfo> columns = resultColumns(connection, template, table, session);
      Map<String, String> javaTypes = mapColumnJava(args, columns, kind);
      List<String> asString = javaTypes.entrySet().stream().filter(e -> e.getValue().equals("String")).map(Map.Entry::getKey)
          .collect(Collectors.toList());
      Schema avroSchema = kind.isBinary() ? ImportSchema.of(table, columns, javaTypes) : null;
      if (table != null && dialect == Dialect.MYSQL) {
        // Connector/J parses and re-formats every DATE/DATETIME value; the server's own text is the same wall clock.
        template = "SELECT " + columns.stream().map(c -> SplitPlanner.kindOf(c.jdbcType()) == null
            || (c.jdbcType() != Types.DATE && c.jdbcType() != Types.TIMESTAMP) ? dialect.quote(c.name())
            : "CAST(" + dialect.quote(c.name()) + " AS CHAR) AS " + dialect.quote(c.name())).collect(Collectors.joining(", "))
            + template.substring(template.indexOf(" FROM "));
      }

      Path target = targetDir(args, conf, table);
      if (args.has("hive-import") || args.has("create-hive-table") || args.has("hive-table") || args.has("hive-overwrite")) {
        FileSystem fs = target.getFileSystem(conf);
        console.out().println(HiveStatement.createExternalTable(args.get("hive-table", table == null ? target.getName() : table),
            columns, delimiters, fs.makeQualified(target).toString(), nullString));
        throw new UsageException("--hive-import is not supported in this build: run the import without the Hive options, then "
            + "run the CREATE EXTERNAL TABLE statement printed above in Hive to read the imported directory");
      }

      // Splits.
      List<String> splits;
      if (mappers == 1) {
        splits = List.of(SplitPlanner.ALL);
      } else {
        String splitBy = args.get("split-by");
        String conditionColumn;
        String boundaryColumn;
        String from;
        if (table != null) {
          if (splitBy == null) {
            splitBy = primaryKey(connection, table);
            if (splitBy == null) {
              if (args.has("autoreset-to-one-mapper")) {
                console.warn("Table " + table + " has no primary key: importing with one mapper (--autoreset-to-one-mapper).");
                mappers = 1;
              } else {
                throw new UsageException("No primary key could be found for table " + table + ". Please specify one with "
                    + "--split-by or perform a sequential import with '-m 1'.");
              }
            }
          } else {
            splitBy = resolveColumn(splitBy, allColumns, table, "--split-by");
          }
          conditionColumn = splitBy == null ? null : dialect.quote(splitBy);
          boundaryColumn = conditionColumn;
          from = "FROM " + dialect.quoteTable(table) + (filter == null ? "" : " WHERE " + filter);
        } else {
          conditionColumn = splitBy;
          boundaryColumn = "t1." + unqualified(splitBy, dialect);
          from = "FROM (" + template.replace(CONDITIONS, "(1 = 1)") + ") AS t1";
        }
        if (mappers == 1) {
          splits = List.of(SplitPlanner.ALL);
        } else {
          SplitPlanner planner = new SplitPlanner(connection, dialect,
              conf.getInt(SplitPlanner.KEY_MAX_SPLITS, SplitPlanner.DEFAULT_MAX_SPLITS));
          String boundaryQuery = args.get("boundary-query");
          splits = planner.plan(conditionColumn, boundaryColumn, from, boundaryQuery, mappers, splitLimit);
          planner.warnings().forEach(console::warn);
          console.info("BoundingValsQuery / splits on " + splitBy + ": " + splits.size() + " split(s)");
        }
      }

      // --merge-key onto an existing directory: the delta lands in the work directory, then is merged onto the target.
      boolean mergeOnto = mergeKey != null && target.getFileSystem(conf).exists(target);
      OutputPlacement.Mode mode = args.has("delete-target-dir") || mergeOnto ? OutputPlacement.Mode.REPLACE
          : args.has("append") || "append".equals(incremental) ? OutputPlacement.Mode.APPEND : OutputPlacement.Mode.CREATE;
      checkAppendFormat(conf, target, mode, kind);
      OutputPlacement placement;
      try {
        placement = OutputPlacement.prepare(conf, target, mode);
      } catch (IngestException e) {
        if ("lastmodified".equals(incremental)) {
          throw new IngestException("--merge-key or --append is required when using --incremental lastmodified and the output "
              + "directory exists (" + target + ")");
        }
        throw e;
      }

      if (placement.leftovers() != null) {
        console.info(placement.leftovers());
      }
      Job job = Job.getInstance(conf, args.get("mapreduce-job-name",
          (table != null ? table : "QueryResult") + ".jar"));
      Configuration jc = job.getConfiguration();
      session.spec().store(jc);
      ConnectionSpec.storePassword(job, session.password());
      jc.set(ImportMapper.KEY_QUERY, template);
      ImportInputFormat.storeSplits(jc, splits);
      ColumnInfo.store(jc, columns);
      jc.set(OutputKind.KEY, kind.name());
      if (kind.isBinary()) {
        jc.set(BinaryRowWriter.KEY_SCHEMA, avroSchema.toString());
        jc.set(BinaryRowWriter.KEY_CODEC, binaryCodec.name());
      }
      delimiters.store(jc, TextRowWriter.KEY_DELIMITERS);
      jc.set(TextRowWriter.KEY_NULL_STRING, nullString);
      jc.set(TextRowWriter.KEY_NULL_NON_STRING, nullNonString);
      if (args.has("hive-drop-import-delims")) {
        TextRowWriter.storeHiveDelimsReplacement(jc, "");
      } else if (args.has("hive-delims-replacement")) {
        TextRowWriter.storeHiveDelimsReplacement(jc, args.get("hive-delims-replacement"));
      }
      if (codec != null) {
        jc.set(ImportOutputFormat.KEY_CODEC, codec);
      }
      jc.setBoolean(TextRowWriter.KEY_TEMPORAL_AS_TEXT, dialect == Dialect.MYSQL);
      if (!asString.isEmpty()) {
        jc.setStrings(TextRowWriter.KEY_AS_STRING, asString.toArray(new String[0]));
      }
      Path reports = new Path(placement.work(), "_hk_reports");
      jc.set(TaskReports.KEY_DIR, reports.toString());
      job.setJarByClass(ImportMapper.class);
      job.setInputFormatClass(ImportInputFormat.class);
      job.setMapperClass(ImportMapper.class);
      job.setNumReduceTasks(0);
      job.setOutputFormatClass(ImportOutputFormat.class);
      job.setOutputKeyClass(NullWritable.class);
      job.setOutputValueClass(NullWritable.class);
      FileOutputFormat.setOutputPath(job, placement.work());
      JobRunner.configure(job, conf, splits.size());

      console.info("Beginning import of " + (table != null ? table : "query") + " into " + placement.target()
          + " with " + splits.size() + " mapper(s)" + (kind.isBinary() ? " as " + kind.displayName() + " files ("
          + binaryCodec.displayName() + ")" : ""));
      JobRunner.Outcome outcome;
      try {
        outcome = JobRunner.run(job, console, IngestCounters.ROWS_IMPORTED, IngestCounters.BYTES_WRITTEN, reports, splits.size());
      } catch (IOException | InterruptedException | RuntimeException e) {
        placement.abort();
        throw new IngestException("Import job failed to run: " + session.scrub(e.getMessage()) + "; " + placement.target()
            + " was left unchanged", e);
      }
      if (!outcome.success()) {
        List<String> errors = TaskReports.errors(jc, reports);
        placement.abort();
        throw new IngestException("Import failed: " + (errors.isEmpty() ? "the job " + job.getJobID() + " failed" : errors.get(0))
            + ". " + placement.target() + " was left unchanged.");
      }
      FileSystem fs = placement.work().getFileSystem(jc);
      fs.delete(reports, true);
      ImportManifest schema = new ImportManifest(kind.name(), columns.stream().map(ColumnInfo::name).collect(Collectors.toList()),
          delimiters, nullString, nullNonString, codec);
      schema.write(fs, placement.work());
      long rows = outcome.counter(IngestCounters.ROWS_IMPORTED);
      if (mergeOnto) {
        try {
          MergeJob.Result merged = MergeJob.runOntoImport(conf, console, placement.work(), placement.target(), mergeKey,
              schema);
          console.info("Merged " + merged.newRecords() + " new and " + merged.oldRecords() + " existing records on "
              + mergeKey + ": " + placement.target() + " now holds " + merged.outputRecords() + " records.");
        } finally {
          placement.abort();
        }
      } else {
        placement.commit();
      }
      console.info(JobRunner.transferLine(outcome.counter(IngestCounters.BYTES_WRITTEN), rows, outcome.seconds()));
      console.info("Retrieved " + rows + " records.");
      if (incremental != null) {
        console.info("Incremental import complete! To run another incremental import of all data following this import, "
            + "supply the following arguments:");
        console.info(" --incremental " + incremental);
        console.info("   --check-column " + args.get("check-column"));
        console.info("   --last-value " + nextLastValue);
        console.info("(Consider saving this with 'sqoop job --create')");
      }
      return new Result(rows, nextLastValue);
    }
  }

  /** The option rules that need no database (also checked by {@code job --create}). */
  @Override
  public void validate(Args args) {
    OutputKind kind = outputKind(args);
    kind.checkSupported();
    if (args.has("hcatalog-table") || args.has("hcatalog-database")) {
      throw new UsageException("HCatalog options are not supported in this build: import to a directory with --target-dir "
          + "and create an external table over it");
    }
    if (args.has("merge-key")) {
      checkMergeKey(args, kind);
    }
    if (args.has("target-dir") && args.has("warehouse-dir")) {
      throw new UsageException("Can't combine --target-dir and --warehouse-dir options: --target-dir is the output "
          + "directory itself, --warehouse-dir its parent (the table name is added); give one of them");
    }
    if (args.has("autoreset-to-one-mapper") && args.has("split-by")) {
      throw new UsageException("--autoreset-to-one-mapper and --split-by cannot be used together: --autoreset-to-one-mapper "
          + "is for tables without a primary key and no --split-by");
    }
    Long splitLimit = args.getLong("split-limit");
    if (splitLimit != null && splitLimit <= 0) {
      throw new UsageException("Invalid --split-limit " + splitLimit + ": split-limit should be greater than 0");
    }
    if (args.has("append") && args.has("delete-target-dir")) {
      throw new UsageException("--append and --delete-target-dir can not be used together");
    }
    String incremental = args.get("incremental");
    if (incremental != null && !incremental.equals("append") && !incremental.equals("lastmodified")) {
      throw new UsageException("Invalid --incremental " + incremental + ": use append or lastmodified");
    }
    if (incremental != null && args.has("delete-target-dir")) {
      throw new UsageException("--delete-target-dir can not be used with --incremental " + incremental + ": it would delete "
          + "every row imported before and keep only the new ones. Drop --delete-target-dir"
          + (incremental.equals("append") ? " (an incremental append adds new files to the target directory)"
              : " and add --merge-key COL (merges the changed rows onto the target) or --append (adds them as new files)"));
    }
    if (incremental != null && !args.has("check-column")) {
      throw new UsageException("--incremental " + incremental + " needs --check-column (the column holding ids or modification times)");
    }
    if (incremental == null && (args.has("check-column") || args.has("last-value"))) {
      throw new UsageException("--check-column and --last-value need --incremental append or --incremental lastmodified");
    }
  }

  /** --merge-key: Sqoop merges only lastmodified imports, and this build only text. */
  private static void checkMergeKey(Args args, OutputKind kind) {
    if (!"lastmodified".equals(args.get("incremental"))) {
      throw new UsageException("--merge-key applies to --incremental lastmodified imports; to merge two directories use "
          + "'sqoop merge --new-data DIR --onto DIR --target-dir DIR --merge-key COL'");
    }
    if (args.has("append")) {
      throw new UsageException("--merge-key and --append cannot be used together: --append adds the changed rows as new "
          + "files, --merge-key replaces the older versions of the changed rows");
    }
    if (args.has("delete-target-dir")) {
      throw new UsageException("--merge-key and --delete-target-dir cannot be used together: --delete-target-dir replaces "
          + "the target with the changed rows only, --merge-key keeps the other rows");
    }
    if (kind != OutputKind.TEXT) {
      throw new UsageException("--merge-key works on text imports only in this build (merging Avro, Parquet, ORC or "
          + "SequenceFile data is not supported): import as text, or re-import with --delete-target-dir");
    }
  }

  /**
   * --map-column-java, column to Java type name. Text output honours only {@code String} (read the column as the
   * driver's text); binary output also takes Integer, Long, Float, Double and Boolean, which set the field's Avro type.
   */
  static Map<String, String> mapColumnJava(Args args, List<ColumnInfo> columns, OutputKind kind) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String mapping : args.getList("map-column-java")) {
      int eq = mapping.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("Invalid --map-column-java entry '" + mapping + "': write column=Type, e.g. price=String");
      }
      String column = mapping.substring(0, eq).trim();
      String type = mapping.substring(eq + 1).trim();
      if (type.startsWith("java.lang.")) {
        type = type.substring("java.lang.".length());
      }
      if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(column))) {
        throw new IngestException("Column " + column + " (from --map-column-java) is not imported; the columns are: "
            + columns.stream().map(ColumnInfo::name).collect(Collectors.joining(", ")));
      }
      if (kind.isBinary() && !ImportSchema.JAVA_TYPES_NAMES.contains(type)) {
        throw new UsageException("--map-column-java " + mapping + " is not supported for " + kind.displayName() + " output: use "
            + String.join(", ", ImportSchema.JAVA_TYPES_NAMES));
      }
      if (!kind.isBinary() && !type.equals("String")) {
        throw new UsageException("--map-column-java " + mapping + " is not yet supported for text output: only =String is; "
            + "text output already writes each type the way Sqoop does");
      }
      out.put(column, type);
    }
    return out;
  }

  /**
   * The binary format's codec: the format's default (Parquet and Avro snappy, ORC zstd) without --compression-codec
   * (also with -z alone); otherwise snappy, zstd, gzip/deflate (Avro deflate, ORC zlib) or none/uncompressed, by name or
   * Hadoop codec class.
   */
  static Codec binaryCodec(Args args, OutputKind kind) {
    String name = args.get("compression-codec");
    if (name == null) {
      return BinaryRowWriter.defaultCodec(kind.format());
    }
    String simple = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace("codec", "");
    switch (simple) {
      case "snappy":
        return Codec.SNAPPY;
      case "zstd":
      case "zstandard":
        return Codec.ZSTD;
      case "gzip":
      case "gz":
      case "deflate":
      case "default":
      case "zlib":
        return Codec.GZIP;
      case "none":
      case "uncompressed":
      case "null":
        return Codec.NONE;
      default:
        throw new UsageException("Invalid --compression-codec " + name + " for " + kind.displayName()
            + " files: use snappy, zstd, gzip (deflate) or none");
    }
  }

  /**
   * A binary import into an existing directory, or an --append: the files already there must be of the same format.
   * Only the first non-empty part file is looked at (its magic bytes; gzip-compressed text counts as text).
   */
  static void checkAppendFormat(Configuration conf, Path target, OutputPlacement.Mode mode, OutputKind kind) throws IOException {
    if (mode != OutputPlacement.Mode.APPEND) {
      return;
    }
    FileSystem fs = target.getFileSystem(conf);
    if (!fs.exists(target)) {
      return;
    }
    for (FileStatus file : fs.listStatus(target)) {
      String name = file.getPath().getName();
      if (!file.isFile() || !name.startsWith("part-") || file.getLen() == 0) {
        continue;
      }
      FileFormat existing = FileFormat.detect(conf, file.getPath());
      FileFormat wanted = kind.isBinary() ? kind.format() : FileFormat.TEXT;
      if (existing != wanted) {
        String option = existing == FileFormat.TEXT ? "--as-textfile" : "--" + OutputKind.valueOf(existing.name()).option();
        throw new IngestException("Cannot append " + kind.displayName() + " files to " + fs.makeQualified(target) + ": it holds "
            + existing.displayName() + " files (" + name + "). Import with " + option + " to append to it, or choose another "
            + "--target-dir (or --delete-target-dir to replace it)");
      }
      return;
    }
  }

  public static OutputKind outputKind(Args args) {
    List<OutputKind> chosen = new ArrayList<>();
    for (OutputKind k : OutputKind.values()) {
      if (args.has(k.option())) {
        chosen.add(k);
      }
    }
    if (chosen.size() > 1) {
      throw new UsageException("Choose one output format, not " + chosen.stream().map(k -> "--" + k.option())
          .collect(Collectors.joining(" and ")));
    }
    return chosen.isEmpty() ? OutputKind.TEXT : chosen.get(0);
  }

  private static String codecName(Args args, Configuration conf) {
    if (!args.has("compress") && !args.has("compression-codec")) {
      return null;
    }
    String name = args.get("compression-codec", "gzip");
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodecByName(name);
    if (codec == null) {
      throw new UsageException("Unknown --compression-codec " + name + ": use gzip, bzip2, deflate, snappy, lz4, zstd or a codec class name");
    }
    return codec instanceof GzipCodec ? "gzip" : codec.getClass().getName();
  }

  static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " AND " + b;
  }

  private static String unqualified(String column, Dialect dialect) {
    String name = column.contains(".") ? column.substring(column.lastIndexOf('.') + 1) : column;
    return name;
  }

  /** The table's column names, or a clear error naming the table. */
  static List<String> tableColumns(Connection connection, Dialect dialect, String table, Session session) {
    String sql = "SELECT * FROM " + dialect.quoteTable(table) + " WHERE 1 = 0";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        names.add(rs.getMetaData().getColumnName(i));
      }
      return names;
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("42S02") || state.equals("42P01")) {
        throw new IngestException("Table " + table + " does not exist in " + session.spec().displayUrl()
            + " (check --table; 'sqoop list-tables' shows the tables)");
      }
      throw new IngestException("Cannot read the columns of table " + table + ": " + session.scrub(e.getMessage()), e);
    }
  }

  static String resolveColumn(String wanted, List<String> available, String table, String option) {
    for (String a : available) {
      if (a.equals(wanted)) {
        return a;
      }
    }
    for (String a : available) {
      if (a.equalsIgnoreCase(wanted)) {
        return a;
      }
    }
    throw new IngestException("Column " + wanted + " (from " + option + ") does not exist in table " + table
        + "; its columns are: " + String.join(", ", available));
  }

  static List<String> resolveColumns(List<String> wanted, List<String> available, String table) {
    List<String> out = new ArrayList<>();
    for (String w : wanted) {
      out.add(resolveColumn(w, available, table, "--columns"));
    }
    return out;
  }

  static List<ColumnInfo> resultColumns(Connection connection, String template, String table, Session session) {
    String sql = template.replace(CONDITIONS, "(1 = 0)");
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ColumnInfo.of(rs.getMetaData());
    } catch (SQLException e) {
      throw new IngestException("SQL error in " + (table != null ? "the import of table " + table : "--query") + ": "
          + session.scrub(e.getMessage()), e);
    }
  }

  /** The first primary-key column of the table, or null. */
  private static String primaryKey(Connection connection, String table) throws SQLException {
    String schema = null;
    String name = table;
    int dot = table.indexOf('.');
    if (dot > 0) {
      schema = table.substring(0, dot);
      name = table.substring(dot + 1);
    }
    DatabaseMetaData md = connection.getMetaData();
    String catalog = connection.getCatalog();
    if (schema == null) {
      try {
        schema = connection.getSchema();
      } catch (SQLException | AbstractMethodError e) {
        schema = null;
      }
    }
    String best = null;
    short bestSeq = Short.MAX_VALUE;
    for (String candidate : new String[] {name, name.toLowerCase(Locale.ROOT)}) {
      try (ResultSet rs = md.getPrimaryKeys(catalog, schema, candidate)) {
        while (rs.next()) {
          short seq = rs.getShort("KEY_SEQ");
          if (seq < bestSeq) {
            bestSeq = seq;
            best = rs.getString("COLUMN_NAME");
          }
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  /**
   * Sqoop 1.4.7 refuses a character check column ("can not be used to determine which rows to incrementally import":
   * '9' sorts after '10'); lastmodified compares the column with the database's current time, so it needs a date/time.
   */
  private static void checkColumnType(Connection connection, String sql, String column, String mode, Session session) {
    int type;
    String typeName;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      type = rs.getMetaData().getColumnType(1);
      typeName = rs.getMetaData().getColumnTypeName(1);
    } catch (SQLException e) {
      throw new IngestException("Cannot read the type of --check-column " + column + " with [" + sql + "]: "
          + session.scrub(e.getMessage()), e);
    }
    switch (type) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
        throw new IngestException("Character column (" + column + ") can not be used to determine which rows to "
            + "incrementally import (it is " + typeName + "): use a numeric id column with --incremental append, or a "
            + "DATE/DATETIME/TIMESTAMP column with --incremental lastmodified");
      default:
        break;
    }
    boolean dateTime = type == Types.DATE || type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE
        || type == Types.TIME;
    if (mode.equals("lastmodified") && !dateTime) {
      throw new IngestException("--incremental lastmodified needs a date/time --check-column: " + column + " is "
          + typeName + " and would be compared with the current time; use --incremental append for an id column");
    }
  }

  /** A single value read back from the database, with its SQL literal and plain text. */
  private static final class Bound {
    final String literal;
    final String text;
    final boolean numeric;

    Bound(String literal, String text, boolean numeric) {
      this.literal = literal;
      this.text = text;
      this.numeric = numeric;
    }
  }

  private static Bound queryBound(Connection connection, String sql, Dialect dialect, Session session) {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      int type = rs.getMetaData().getColumnType(1);
      switch (type) {
        case Types.TINYINT:
        case Types.SMALLINT:
        case Types.INTEGER:
        case Types.BIGINT:
        case Types.DECIMAL:
        case Types.NUMERIC:
        case Types.REAL:
        case Types.FLOAT:
        case Types.DOUBLE: {
          BigDecimal v = rs.getBigDecimal(1);
          return v == null ? new Bound(null, null, true) : new Bound(v.toPlainString(), v.toPlainString(), true);
        }
        case Types.TIMESTAMP:
        case Types.TIMESTAMP_WITH_TIMEZONE: {
          Timestamp v = rs.getTimestamp(1);
          return v == null ? new Bound(null, null, false) : new Bound("'" + v + "'", v.toString(), false);
        }
        case Types.DATE: {
          java.sql.Date v = rs.getDate(1);
          return v == null ? new Bound(null, null, false) : new Bound("'" + v + "'", v.toString(), false);
        }
        default: {
          String v = rs.getString(1);
          return v == null ? new Bound(null, null, false) : new Bound(dialect.stringLiteral(v), v, false);
        }
      }
    } catch (SQLException e) {
      throw new IngestException("Cannot read the incremental check column with [" + sql + "]: " + session.scrub(e.getMessage()), e);
    }
  }

  private static String literalLike(Bound kind, String value, Dialect dialect) {
    if (kind.numeric) {
      try {
        return new BigDecimal(value.trim()).toPlainString();
      } catch (NumberFormatException e) {
        throw new UsageException("Invalid --last-value " + value + ": the check column is numeric");
      }
    }
    return dialect.stringLiteral(value);
  }

  /** --target-dir, else --warehouse-dir/TABLE, else TABLE under the user's home directory. */
  static Path targetDir(Args args, Configuration conf, String table) {
    if (args.has("target-dir")) {
      return new Path(args.get("target-dir"));
    }
    if (args.has("warehouse-dir")) {
      return new Path(args.get("warehouse-dir"), table);
    }
    return new Path(table);
  }
}
