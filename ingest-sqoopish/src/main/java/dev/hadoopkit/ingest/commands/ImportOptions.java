package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.io.Codec;
import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.imports.BinaryRowWriter;
import dev.hadoopkit.ingest.imports.OutputKind;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.GzipCodec;

/**
 * The options of one {@code sqoop import}, read once from the command line with every check that needs no database and
 * every default applied. Immutable; the planner, the job set-up and the commit read only this.
 *
 * @param table the table to import, or null for a --query import
 * @param query the free-form query (with $CONDITIONS), or null for a --table import
 * @param columns --columns as given (empty: every column)
 * @param where --where, or null
 * @param incremental the incremental mode, or null
 * @param hiveDelimsReplacement what replaces \n, \r and \01 in string fields ("" for --hive-drop-import-delims), or
 *     null to keep them
 * @param textCodec the Hadoop codec of text output ("gzip" or a class name), or null for uncompressed text or binary
 * @param binaryCodec the codec of Avro/Parquet/ORC output, or null for text
 * @param warnings the notes gathered while reading values (multi-character delimiters and the like), one a line
 */
record ImportOptions(OutputKind kind, String table, String query, List<String> columns, String where, int mappers,
    String splitBy, Long splitLimit, String boundaryQuery, boolean autoresetToOneMapper, String targetDir,
    String warehouseDir, boolean deleteTargetDir, boolean append, Incremental incremental, String checkColumn,
    String lastValue, String mergeKey, Delimiters delimiters, String nullString, String nullNonString,
    String textCodec, Codec binaryCodec, boolean hiveRequested, String hiveTable, String hiveDelimsReplacement,
    List<String> mapColumnJava, String jobName, String warnings) {

  static final int DEFAULT_MAPPERS = 4;
  static final String DEFAULT_NULL = "null";

  /** Sqoop's two incremental modes. */
  enum Incremental {
    APPEND("append"), LASTMODIFIED("lastmodified");

    private final String option;

    Incremental(String option) {
      this.option = option;
    }

    /** The value of --incremental. */
    String option() {
      return option;
    }

    static Incremental parse(String value) {
      for (Incremental mode : values()) {
        if (mode.option.equals(value)) {
          return mode;
        }
      }
      throw new UsageException("Invalid --incremental " + value + ": use append or lastmodified");
    }
  }

  /**
   * Reads and checks an import's options.
   *
   * @param tableOverride the table to import instead of --table (import-all-tables), or null
   */
  static ImportOptions from(Args args, Configuration conf, String tableOverride) {
    checkRules(args);
    OutputKind kind = outputKind(args);
    String table = tableOverride != null ? tableOverride : args.get("table");
    String query = tableOverride != null ? null : args.get("query");
    if (table != null && query != null) {
      throw new UsageException("Cannot specify --query and --table together: use one of them");
    }
    if (table == null && query == null) {
      throw new UsageException("Missing --table or --query: say what to import");
    }
    if (query != null && !query.contains(TableMetadata.CONDITIONS)) {
      throw new UsageException("Query [" + query + "] must contain '$CONDITIONS' in WHERE clause "
          + "(e.g. SELECT ... FROM t WHERE $CONDITIONS, or WHERE x > 5 AND $CONDITIONS)");
    }
    if (query != null && !args.has("target-dir")) {
      throw new UsageException("Must specify destination with --target-dir when importing a --query");
    }
    if (query != null && (args.has("columns") || args.has("where"))) {
      throw new UsageException("--columns and --where apply to --table imports; put them in the --query text instead");
    }
    Integer givenMappers = args.getInt("num-mappers");
    int mappers = givenMappers == null ? DEFAULT_MAPPERS : givenMappers;
    if (mappers < 1) {
      throw new UsageException("Invalid -m " + mappers + ": give 1 or more mappers");
    }
    if (query != null && mappers > 1 && !args.has("split-by")) {
      throw new UsageException("When importing query results in parallel, you must specify --split-by (or use -m 1)");
    }
    String incremental = args.get("incremental");
    Delimiters delimiters = args.outputDelimiters();
    String nullString = EscapeSyntax.unescapeNullString(args.get("null-string", DEFAULT_NULL));
    String nullNonString = EscapeSyntax.unescapeNullString(args.get("null-non-string", DEFAULT_NULL));
    String textCodec = kind.isBinary() ? null : textCodec(args, conf);
    Codec binaryCodec = kind.isBinary() ? binaryCodec(args.get("compression-codec"), kind) : null;
    String warnings = args.warnings().toString();
    args.warnings().setLength(0);
    String hiveDelimsReplacement = args.has("hive-drop-import-delims") ? ""
        : args.has("hive-delims-replacement") ? args.get("hive-delims-replacement") : null;
    boolean hiveRequested = args.has("hive-import") || args.has("create-hive-table") || args.has("hive-table")
        || args.has("hive-overwrite");
    return new ImportOptions(kind, table, query, args.getList("columns"), table != null ? args.get("where") : null,
        mappers, args.get("split-by"), args.getLong("split-limit"), args.get("boundary-query"),
        args.has("autoreset-to-one-mapper"), args.get("target-dir"), args.get("warehouse-dir"),
        args.has("delete-target-dir"), args.has("append"), incremental == null ? null : Incremental.parse(incremental),
        args.get("check-column"), args.get("last-value"), args.get("merge-key"), delimiters, nullString, nullNonString,
        textCodec, binaryCodec, hiveRequested, args.get("hive-table"), hiveDelimsReplacement,
        args.getList("map-column-java"), args.get("mapreduce-job-name"), warnings);
  }

  /** The option rules that need no database (also checked by {@code job --create}). */
  static void checkRules(Args args) {
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
    if (incremental != null) {
      Incremental.parse(incremental);
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

  /** The one --as-* option given, or text. */
  static OutputKind outputKind(Args args) {
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

  /**
   * The binary format's codec: the format's default (Parquet and Avro snappy, ORC zstd) without --compression-codec
   * (also with -z alone); otherwise snappy, zstd, gzip/deflate (Avro deflate, ORC zlib) or none/uncompressed, by name or
   * Hadoop codec class.
   */
  static Codec binaryCodec(String name, OutputKind kind) {
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

  private static String textCodec(Args args, Configuration conf) {
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

  /** What the job and the log call the source: the table, or "query". */
  String sourceName() {
    return table != null ? table : "query";
  }
}
