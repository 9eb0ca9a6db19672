package dev.hadoopkit.ingest;

import java.util.List;

/**
 * Every configuration key of ingest, with its default and meaning: the {@link Scope#USER} keys are the {@code -D}
 * settings users give (and README's table lists), the {@link Scope#JOB} keys carry a command's plan to its tasks.
 * A key used anywhere in ingest is defined here (IngestKeysTest fails otherwise).
 */
public final class IngestKeys {
  private IngestKeys() {
  }

  /** Who sets a key. */
  public enum Scope {
    /** A {@code -D} setting of the user. */
    USER,
    /** Written by a command into its job's configuration, read by the tasks. */
    JOB,
    /** One of Hadoop's own keys that ingest sets or reads. */
    HADOOP
  }

  /** A key, its default (as text, or how it is found) and its meaning. */
  public record Key(String name, String defaultValue, String description, Scope scope) {
  }

  // -D settings.
  public static final String METASTORE_DIR = "hadoopkit.ingest.metastore.dir";
  /**
   * A local file to which every finished job appends one line {@code seconds=S success=B} (the job alone, from
   * submission to completion): how the ingest bench learns a command's job time without reading its log.
   */
  public static final String OUTCOME_FILE = "hadoopkit.ingest.outcome.file";
  public static final String IMPORT_MAX_SPLITS = "hadoopkit.ingest.import.max.splits";
  /** Sqoop's own keys, so existing -D settings keep working. */
  public static final String EXPORT_RECORDS_PER_STATEMENT = "sqoop.export.records.per.statement";
  public static final String EXPORT_STATEMENTS_PER_TRANSACTION = "sqoop.export.statements.per.transaction";
  public static final String EXPORT_DIRECT_CHUNK_BYTES = "hadoopkit.ingest.export.direct.chunk.bytes";
  public static final String EXPORT_MARIADB_BULK = "hadoopkit.ingest.export.mariadb.bulk";
  /**
   * Connections an export task loads on, round-robin, for MySQL/MariaDB insert batches and {@code --direct}: with
   * one, the server idles while the next chunk is encoded and sent.
   */
  public static final String EXPORT_CONNECTIONS_PER_TASK = "hadoopkit.ingest.export.connections.per.task";
  public static final String EXPORT_DIRECT_PARSE = "hadoopkit.ingest.export.direct.parse";
  public static final String LOCAL_MAP_TASKS_MAXIMUM = "mapreduce.local.map.tasks.maximum";

  public static final int DEFAULT_FETCH_SIZE = 10_000;
  /**
   * Most splits --split-limit may add. Each split is a map task; local mode runs them in one JVM and 10,000 of them
   * ran out of memory, so a skewed key is capped (with a warning) instead.
   */
  public static final int DEFAULT_IMPORT_MAX_SPLITS = 1000;
  public static final int DEFAULT_EXPORT_RECORDS_PER_STATEMENT = 1000;
  public static final int DEFAULT_EXPORT_STATEMENTS_PER_TRANSACTION = 10;
  public static final int DEFAULT_EXPORT_DIRECT_CHUNK_BYTES = 32 << 20;
  public static final int DEFAULT_EXPORT_CONNECTIONS_PER_TASK = 2;
  /** Rows per batch of MariaDB's bulk protocol in insert mode, unless sqoop.export.records.per.statement says. */
  public static final int DEFAULT_EXPORT_BULK_RECORDS_PER_BATCH = 5000;

  // Connection (every job).
  public static final String CONNECT_URL = "hadoopkit.ingest.connect.url";
  public static final String CONNECT_USERNAME = "hadoopkit.ingest.connect.username";
  public static final String CONNECT_FETCH_SIZE = "hadoopkit.ingest.connect.fetch.size";
  public static final String CONNECT_RELAXED_ISOLATION = "hadoopkit.ingest.connect.relaxed.isolation";
  public static final String CONNECT_PARAM_PREFIX = "hadoopkit.ingest.connect.param.";
  public static final String CONNECT_PASSWORD_ALIAS = "hadoopkit.ingest.connect.password";
  public static final String CONNECT_PASSWORD_EXPECTED = "hadoopkit.ingest.connect.password.expected";
  public static final String REPORTS_DIR = "hadoopkit.ingest.reports.dir";

  // Import jobs.
  public static final String IMPORT_QUERY = "hadoopkit.ingest.import.query";
  public static final String IMPORT_SPLIT_COUNT = "hadoopkit.ingest.import.split.count";
  public static final String IMPORT_SPLIT_PREFIX = "hadoopkit.ingest.import.split.";
  public static final String IMPORT_COLUMN_NAMES = "hadoopkit.ingest.import.column.names";
  public static final String IMPORT_COLUMN_TYPES = "hadoopkit.ingest.import.column.types";
  public static final String IMPORT_COLUMN_TYPE_NAMES = "hadoopkit.ingest.import.column.type.names";
  public static final String IMPORT_COLUMN_PRECISION = "hadoopkit.ingest.import.column.precision";
  public static final String IMPORT_COLUMN_SCALE = "hadoopkit.ingest.import.column.scale";
  public static final String IMPORT_OUTPUT_KIND = "hadoopkit.ingest.import.output.kind";
  public static final String IMPORT_AVRO_SCHEMA = "hadoopkit.ingest.import.avro.schema";
  public static final String IMPORT_BINARY_CODEC = "hadoopkit.ingest.import.binary.codec";
  public static final String IMPORT_CODEC = "hadoopkit.ingest.import.codec";
  public static final String IMPORT_DELIMITERS = "hadoopkit.ingest.import.delimiters";
  public static final String IMPORT_NULL_STRING = "hadoopkit.ingest.import.null.string";
  public static final String IMPORT_NULL_NON_STRING = "hadoopkit.ingest.import.null.non.string";
  public static final String IMPORT_HIVE_DELIMS = "hadoopkit.ingest.import.hive.delims";
  public static final String IMPORT_HIVE_DELIMS_REPLACEMENT = "hadoopkit.ingest.import.hive.delims.replacement";
  public static final String IMPORT_COLUMN_AS_STRING = "hadoopkit.ingest.import.column.as.string";
  public static final String IMPORT_TEMPORAL_AS_TEXT = "hadoopkit.ingest.import.temporal.as.text";
  public static final String IMPORT_RAW_TEXT = "hadoopkit.ingest.import.raw.text";
  public static final String IMPORT_BINARY_PROTOCOL = "hadoopkit.ingest.import.binary.protocol";
  public static final String UTC_SESSION = "hadoopkit.ingest.utc.session";

  // Export jobs.
  public static final String EXPORT_TABLE = "hadoopkit.ingest.export.table";
  public static final String EXPORT_COLUMNS = "hadoopkit.ingest.export.columns";
  public static final String EXPORT_COLUMN_TYPES = "hadoopkit.ingest.export.column.types";
  public static final String EXPORT_MODE = "hadoopkit.ingest.export.mode";
  public static final String EXPORT_UPDATE_KEYS = "hadoopkit.ingest.export.update.keys";
  public static final String EXPORT_DELIMITERS = "hadoopkit.ingest.export.delimiters";
  public static final String EXPORT_NULL_STRING = "hadoopkit.ingest.export.null.string";
  public static final String EXPORT_NULL_NON_STRING = "hadoopkit.ingest.export.null.non.string";
  public static final String EXPORT_LINE_DELIMITER = "hadoopkit.ingest.export.line.delimiter";

  // Merge jobs.
  public static final String MERGE_NEW_DATA = "hadoopkit.ingest.merge.new.data";
  public static final String MERGE_DELIMITERS = "hadoopkit.ingest.merge.delimiters";
  public static final String MERGE_COLUMNS = "hadoopkit.ingest.merge.columns";
  public static final String MERGE_KEY_INDEX = "hadoopkit.ingest.merge.key.index";
  public static final String MERGE_NULL_STRING = "hadoopkit.ingest.merge.null.string";
  public static final String MERGE_NULL_NON_STRING = "hadoopkit.ingest.merge.null.non.string";
  public static final String MERGE_LINE_TERMINATOR = "hadoopkit.ingest.merge.line.terminator";

  private static Key user(String name, Object defaultValue, String description) {
    return new Key(name, String.valueOf(defaultValue), description, Scope.USER);
  }

  private static Key job(String name, String description) {
    return new Key(name, "set by the command", description, Scope.JOB);
  }

  public static final List<Key> ALL = List.of(
      user(EXPORT_RECORDS_PER_STATEMENT, DEFAULT_EXPORT_RECORDS_PER_STATEMENT + " (" + DEFAULT_EXPORT_BULK_RECORDS_PER_BATCH
          + " for MariaDB bulk batches)", "rows per INSERT statement / JDBC batch"),
      user(EXPORT_STATEMENTS_PER_TRANSACTION, DEFAULT_EXPORT_STATEMENTS_PER_TRANSACTION, "statements per commit"),
      user(EXPORT_DIRECT_CHUNK_BYTES, DEFAULT_EXPORT_DIRECT_CHUNK_BYTES,
          "bytes per LOAD DATA/COPY call (one commit each)"),
      user(EXPORT_MARIADB_BULK, "true on MariaDB servers", "use Connector/J's bulk protocol for insert batches"),
      user(EXPORT_CONNECTIONS_PER_TASK, DEFAULT_EXPORT_CONNECTIONS_PER_TASK,
          "connections each export task loads on in turn (MySQL/MariaDB insert batches and --direct; 1 = Sqoop's one)"),
      user(EXPORT_DIRECT_PARSE, false, "make --direct parse every record in Java even for plain input"),
      user(METASTORE_DIR, "$HOME/.sqoop/hadoopkit-jobs", "saved jobs"),
      user(OUTCOME_FILE, "unset", "local file that gets one line `seconds=S success=B` per finished job (the bench)"),
      user(IMPORT_MAX_SPLITS, DEFAULT_IMPORT_MAX_SPLITS,
          "most splits --split-limit may plan (each is a map task; more is capped with a warning)"),
      user(IMPORT_BINARY_PROTOCOL, "true for MySQL/MariaDB tables",
          "read rows over the binary protocol (server-side prepared statements); false keeps the text protocol"),
      user(UTC_SESSION, "true when the server's SYSTEM zone is UTC",
          "import and export tasks name UTC as their session zone (time_zone='+00:00'); false keeps SYSTEM"),
      new Key(LOCAL_MAP_TASKS_MAXIMUM, "-m", "parallel mappers in local mode", Scope.HADOOP),
      job(CONNECT_URL, "JDBC URL of the database"),
      job(CONNECT_USERNAME, "database user"),
      job(CONNECT_FETCH_SIZE, "rows fetched per round trip (--fetch-size)"),
      job(CONNECT_RELAXED_ISOLATION, "read uncommitted (--relaxed-isolation)"),
      job(CONNECT_PARAM_PREFIX, "prefix of the extra JDBC connection parameters (--connection-param-file, -- --schema)"),
      job(CONNECT_PASSWORD_ALIAS, "alias of the password in the job's credentials (never in job.xml)"),
      job(CONNECT_PASSWORD_EXPECTED, "true when a password travels in the job's credentials"),
      job(REPORTS_DIR, "directory where tasks leave their one-line reports (errors, committed rows)"),
      job(IMPORT_QUERY, "the SELECT each split runs, with $CONDITIONS"),
      job(IMPORT_SPLIT_COUNT, "number of splits"),
      job(IMPORT_SPLIT_PREFIX, "prefix of each split's condition (one key per split)"),
      job(IMPORT_COLUMN_NAMES, "names of the imported columns"),
      job(IMPORT_COLUMN_TYPES, "JDBC types of the imported columns"),
      job(IMPORT_COLUMN_TYPE_NAMES, "database type names of the imported columns"),
      job(IMPORT_COLUMN_PRECISION, "precision of the imported columns"),
      job(IMPORT_COLUMN_SCALE, "scale of the imported columns"),
      job(IMPORT_OUTPUT_KIND, "text, avro, parquet or orc output"),
      job(IMPORT_AVRO_SCHEMA, "record schema of Avro/Parquet/ORC output"),
      job(IMPORT_BINARY_CODEC, "codec of Avro/Parquet/ORC output"),
      job(IMPORT_CODEC, "Hadoop codec of text output"),
      job(IMPORT_DELIMITERS, "output delimiters of text output"),
      job(IMPORT_NULL_STRING, "--null-string"),
      job(IMPORT_NULL_NON_STRING, "--null-non-string"),
      job(IMPORT_HIVE_DELIMS, "true when \\n, \\r and \\01 are replaced in string fields"),
      job(IMPORT_HIVE_DELIMS_REPLACEMENT, "--hive-delims-replacement (empty for --hive-drop-import-delims)"),
      job(IMPORT_COLUMN_AS_STRING, "columns read as the driver's text (--map-column-java COL=String)"),
      job(IMPORT_TEMPORAL_AS_TEXT, "true when DATE/DATETIME columns arrive as the server's text (MySQL)"),
      job(IMPORT_RAW_TEXT, "true when a MySQL table import reads dates (and, to text, integers) as the MariaDB driver's bytes (no CAST)"),
      job(EXPORT_TABLE, "table the tasks fill (the staging table when there is one)"),
      job(EXPORT_COLUMNS, "exported columns, in field order"),
      job(EXPORT_COLUMN_TYPES, "JDBC types of the exported columns"),
      job(EXPORT_MODE, "INSERT, UPDATE_ONLY, UPSERT or DIRECT"),
      job(EXPORT_UPDATE_KEYS, "--update-key columns"),
      job(EXPORT_DELIMITERS, "input delimiters of text files"),
      job(EXPORT_NULL_STRING, "--input-null-string"),
      job(EXPORT_NULL_NON_STRING, "--input-null-non-string"),
      job(EXPORT_LINE_DELIMITER, "line terminator the record reader splits on"),
      job(MERGE_NEW_DATA, "directory of the newer records"),
      job(MERGE_DELIMITERS, "delimiters of the merged text files"),
      job(MERGE_COLUMNS, "columns of the merged records"),
      job(MERGE_KEY_INDEX, "field index of --merge-key"),
      job(MERGE_NULL_STRING, "NULL marker of string columns"),
      job(MERGE_NULL_NON_STRING, "NULL marker of other columns"),
      job(MERGE_LINE_TERMINATOR, "line terminator of the merged files"));
}
