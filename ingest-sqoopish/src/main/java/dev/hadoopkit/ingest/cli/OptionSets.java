package dev.hadoopkit.ingest.cli;

import dev.hadoopkit.ingest.imports.ImportManifest;
import org.apache.commons.cli.Converter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Sqoop 1.4.7's option groups, assembled per tool. Each group is a table of {@code {name, value name, description}}
 * rows: the name is {@code long} or {@code s|long} (with a one-letter form), a null value name makes a flag. Whole
 * numbers are typed options ({@link #NUMBERS}), so a bad value is a usage error naming the option ({@link Args#getInt}).
 */
public final class OptionSets {
  private OptionSets() {
  }

  private static final String[][] COMMON = {
      {"connect", "jdbc-uri", "JDBC URL: jdbc:mysql://host/db, jdbc:mariadb://host/db, jdbc:postgresql://host/db"},
      {"driver", "class", "JDBC driver class; classic names (com.mysql.jdbc.Driver, org.postgresql.Driver) map to the bundled drivers"},
      {"username", "user", "database user"},
      {"password", "password", "password on the command line (insecure: prefer -P or --password-file)"},
      {"P|", null, "read the password from the console"},
      {"password-file", "path", "file (local or HDFS) holding the password; keep it mode 400"},
      {"password-alias", "alias", "alias in a Hadoop credential provider (hadoop.security.credential.provider.path)"},
      {"connection-param-file", "file", "properties file with extra JDBC connection parameters"},
      {"connection-manager", "class", "accepted for compatibility; the manager follows --connect"},
      {"fetch-size", "n", "rows fetched from the server per round trip (default 10000)"},
      {"relaxed-isolation", null, "read uncommitted data in import mappers"},
      {"hadoop-home", "dir", "accepted for compatibility; Hadoop comes from the classpath"},
      {"hadoop-mapred-home", "dir", "accepted for compatibility; Hadoop comes from the classpath"},
      {"skip-dist-cache", null, "accepted for compatibility"},
      {"verbose", null, "print more information, and stack traces on errors"},
      {"h|help", null, "print this help"}};

  private static final String[][] IMPORT_CONTROL = {
      {"table", "table-name", "table to read"},
      {"columns", "col,col,...", "columns to import from the table"},
      {"where", "clause", "WHERE clause to use during import"},
      {"e|query", "statement", "free-form SELECT with $CONDITIONS in its WHERE clause"},
      {"m|num-mappers", "n", "number of map tasks (default 4)"},
      {"split-by", "column", "column used to split the work between mappers"},
      {"split-limit", "size", "upper limit of the range of a split (integer and date/time columns)"},
      {"boundary-query", "statement", "query returning the min and max of the split column"},
      {"autoreset-to-one-mapper", null, "use one mapper when the table has no primary key and no --split-by"},
      {"target-dir", "dir", "HDFS directory for the output"},
      {"warehouse-dir", "dir", "parent directory for the table's output directory"},
      {"delete-target-dir", null, "replace the target directory if it exists (only after the import succeeded)"},
      {"append", null, "add the new files to an existing target directory"},
      {"as-textfile", null, "delimited text output (default)"},
      {"as-avrodatafile", null, "Avro data files part-m-NNNNN.avro (snappy); decimal, date, timestamp-millis "
          + "and time-millis logical types, every field nullable"},
      {"as-parquetfile", null, "Parquet files part-m-NNNNN.parquet (snappy), same schema as Avro"},
      {"as-orcfile", null, "ORC files part-m-NNNNN.orc (zstd), same schema as Avro"},
      {"as-sequencefile", null, "SequenceFiles (not supported in this build)"},
      {"z|compress", null, "compress the output (text: gzip unless --compression-codec; "
          + "Avro/Parquet/ORC are compressed by default)"},
      {"compression-codec", "codec", "text: gzip, bzip2, deflate, snappy, lz4, zstd or a codec class; "
          + "Avro/Parquet/ORC: snappy, zstd, gzip (deflate/zlib) or none"},
      {"null-string", "str", "text written for a NULL in a string column (default null)"},
      {"null-non-string", "str", "text written for a NULL in any other column (default null)"},
      {"map-column-java", "col=Type,...", "override the Java type of columns: String (any output); Integer, Long, Float, Double, Boolean (Avro/Parquet/ORC)"},
      {"direct", null, "accepted; imports already stream through the JDBC driver's fast path"},
      {"direct-split-size", "bytes", "accepted for compatibility"},
      {"inline-lob-limit", "bytes", "accepted for compatibility"},
      {"mapreduce-job-name", "name", "name of the MapReduce job"},
      {"incremental", "mode", "append or lastmodified"},
      {"check-column", "column", "column checked for new rows"},
      {"last-value", "value", "largest value of the check column imported before"},
      {"merge-key", "column", "key for merging lastmodified imports"}};

  private static final String[][] OUTPUT_FORMATTING = {
      {"fields-terminated-by", "char", "field separator (default ,)"},
      {"lines-terminated-by", "char", "line terminator (default \\n)"},
      {"enclosed-by", "char", "character enclosing every field"},
      {"optionally-enclosed-by", "char", "character enclosing fields that hold a delimiter"},
      {"escaped-by", "char", "escape character"},
      {"mysql-delimiters", null, "fields , lines \\n escaped-by \\ optionally-enclosed-by '"}};

  private static final String[][] INPUT_PARSING = {
      {"input-fields-terminated-by", "char", "input field separator"},
      {"input-lines-terminated-by", "char", "input line terminator"},
      {"input-enclosed-by", "char", "input field encloser"},
      {"input-optionally-enclosed-by", "char", "input field encloser (optional)"},
      {"input-escaped-by", "char", "input escape character"}};

  private static final String CODEGEN_ACCEPTED = "accepted for compatibility; this build generates no code";

  private static final String[][] CODEGEN = {
      {"bindir", "value", CODEGEN_ACCEPTED},
      {"outdir", "value", CODEGEN_ACCEPTED},
      {"class-name", "value", CODEGEN_ACCEPTED},
      {"jar-file", "value", CODEGEN_ACCEPTED},
      {"package-name", "value", CODEGEN_ACCEPTED}};

  private static final String[][] HIVE = {
      {"hive-import", null, "not supported: prints the CREATE EXTERNAL TABLE statement to use instead"},
      {"hive-overwrite", null, "not supported (Hive)"},
      {"create-hive-table", null, "not supported (Hive)"},
      {"hive-table", "table", "not supported (Hive)"},
      {"hive-database", "db", "not supported (Hive)"},
      {"hive-home", "dir", "not supported (Hive)"},
      {"hive-partition-key", "key", "not supported (Hive)"},
      {"hive-partition-value", "value", "not supported (Hive)"},
      {"map-column-hive", "map", "not supported (Hive)"},
      {"hive-drop-import-delims", null, "drop \\n, \\r and \\01 from string fields"},
      {"hive-delims-replacement", "str", "replace \\n, \\r and \\01 in string fields"},
      {"hcatalog-table", "table", "not supported (HCatalog)"},
      {"hcatalog-database", "db", "not supported (HCatalog)"}};

  /** codegen: the table or query, and the options that shape its record (Sqoop's codegen arguments). */
  private static final String[][] CODEGEN_TOOL = {
      {"table", "table-name", "table to describe"},
      {"columns", "col,col,...", "columns of the table to include"},
      {"e|query", "statement", "free-form SELECT with $CONDITIONS"},
      {"outdir", "dir", "directory for the .avsc file (default: --bindir, else the current directory)"},
      {"bindir", "dir", "directory for the .avsc file when --outdir is not given"},
      {"class-name", "name", "name of the record (and of the NAME.avsc file); default the table name"},
      {"package-name", "name", "accepted; no Java code is generated"},
      {"jar-file", "file", "accepted; no Java code is generated"},
      {"map-column-java", "col=Type,...", "field types: String, Integer, Long, Float, Double, Boolean"},
      {"null-string", "str", "accepted (text imports)"},
      {"null-non-string", "str", "accepted (text imports)"}};

  /** create-hive-table: the table and the options of the import whose files the Hive table reads. */
  private static final String[][] CREATE_HIVE_TABLE_TOOL = {
      {"table", "table-name", "table to describe"},
      {"columns", "col,col,...", "columns of the table the import writes"},
      {"hive-table", "table", "Hive table name (default: the table name)"},
      {"hive-database", "db", "Hive database of the table"},
      {"hive-home", "dir", "accepted; Hive is not run"},
      {"hive-overwrite", null, "accepted; the statement only creates the table"},
      {"create-hive-table", null, "accepted (this tool always prints CREATE TABLE)"},
      {"fail-if-exists", null, "leave out IF NOT EXISTS"},
      {"hive-partition-key", "key", "partition column (STRING)"},
      {"hive-partition-value", "value", "accepted; no data is loaded"},
      {"map-column-hive", "col=TYPE,...", "Hive type of columns, e.g. 'price=DECIMAL(12,3)' (or DECIMAL(12%2C3))"},
      {"external-table-dir", "dir", "print CREATE EXTERNAL TABLE ... LOCATION 'dir' (the import's --target-dir)"},
      {"null-string", "str", "NULL marker of the text files (default null): the table's serialization.null.format"},
      {"null-non-string", "str", "NULL marker of non-string columns (Hive has one: --null-string's is used)"},
      {"map-column-java", "col=Type,...", "as for the import (Avro, Parquet and ORC field types)"},
      {"as-textfile", null, "delimited text files (default)"},
      {"as-avrodatafile", null, "STORED AS AVRO"},
      {"as-parquetfile", null, "STORED AS PARQUET"},
      {"as-orcfile", null, "STORED AS ORC"},
      {"as-sequencefile", null, "not supported in this build"}};

  private static final String[][] EXPORT = {
      {"table", "table-name", "table to fill"},
      {"columns", "col,col,...", "table columns, in the order of the fields in the files"},
      {"export-dir", "dir", "directory of files to export"},
      {"m|num-mappers", "n", "number of map tasks (default 4)"},
      {"update-key", "col,...", "key columns: update existing rows instead of inserting"},
      {"update-mode", "mode", "updateonly (default) or allowinsert"},
      {"staging-table", "table", "table filled first; rows move to the target in one transaction"},
      {"clear-staging-table", null, "empty the staging table before the export"},
      {"batch", null, "accepted; statements are always batched"},
      {"direct", null, "bulk load: LOAD DATA LOCAL INFILE (MySQL/MariaDB) or COPY (PostgreSQL)"},
      {"input-null-string", "str", "text read as NULL in string columns (default null)"},
      {"input-null-non-string", "str", "text read as NULL in other columns (default null or empty)"},
      {"call", "procedure", "not supported: stored procedure export"},
      {"mapreduce-job-name", "name", "name of the MapReduce job"},
      {"map-column-java", "col=Type,...", "accepted for compatibility"}};

  private static final String[][] MERGE = {
      {"new-data", "path", "directory of the newer import"},
      {"onto", "path", "directory of the older import"},
      {"target-dir", "path", "directory to write the merged records to (must not exist)"},
      {"merge-key", "column", "column whose value identifies a row"},
      {"columns", "col,col,...", "the imported columns in field order, when the directories have no "
          + ImportManifest.FILE_NAME + " (data imported by Sqoop itself); the delimiter options then apply too"},
      {"null-string", "str", "NULL marker of string columns, with --columns (default null)"},
      {"null-non-string", "str", "NULL marker of other columns, with --columns (default null)"},
      {"class-name", "name", "accepted and ignored: this build generates no record classes"},
      {"jar-file", "file", "accepted and ignored: this build generates no record classes"}};

  /** The options whose value is a whole number, with its type. */
  private static final java.util.Map<String, Class<? extends Number>> NUMBERS = java.util.Map.of(
      "num-mappers", Integer.class, "fetch-size", Integer.class, "split-limit", Long.class);

  /** Adds each row of {@code table} to {@code options}. */
  public static void add(Options options, String[][] table) {
    for (String[] row : table) {
      options.addOption(option(row[0], row[1], row[2]));
    }
  }

  /** One option from its table row: {@code long} or {@code s|long}; a null value name makes a flag. */
  static Option option(String names, String argName, String description) {
    int bar = names.indexOf('|');
    String shortName = bar < 0 ? null : names.substring(0, bar);
    String longName = bar < 0 ? names : names.substring(bar + 1);
    Option.Builder b = Option.builder(shortName).desc(description);
    if (!longName.isEmpty()) {
      b.longOpt(longName);
    }
    if (argName != null) {
      b.hasArg().argName(argName);
      Class<? extends Number> type = NUMBERS.get(longName);
      if (type != null) {
        b.type(type).converter(type == Integer.class ? WHOLE_INT : WHOLE_LONG);
      }
    }
    return b.build();
  }

  private static final Converter<Integer, NumberFormatException> WHOLE_INT = s -> Integer.valueOf(s.trim());
  private static final Converter<Long, NumberFormatException> WHOLE_LONG = s -> Long.valueOf(s.trim());

  static Option flag(String longName, String description) {
    return option(longName, null, description);
  }

  static Option arg(String longName, String argName, String description) {
    return option(longName, argName, description);
  }

  public static Options common() {
    Options o = new Options();
    add(o, COMMON);
    return o;
  }

  public static Options forImport() {
    Options o = common();
    add(o, IMPORT_CONTROL);
    add(o, OUTPUT_FORMATTING);
    add(o, INPUT_PARSING);
    add(o, CODEGEN);
    add(o, HIVE);
    return o;
  }

  public static Options forImportAll() {
    Options o = forImport();
    o.addOption(arg("exclude-tables", "t1,t2", "tables to skip"));
    return o;
  }

  public static Options forExport() {
    Options o = common();
    add(o, EXPORT);
    add(o, OUTPUT_FORMATTING);
    add(o, INPUT_PARSING);
    add(o, CODEGEN);
    add(o, HIVE);
    return o;
  }

  /** codegen: the table or query, and the options that shape its record. */
  public static Options forCodegen() {
    Options o = common();
    add(o, CODEGEN_TOOL);
    add(o, OUTPUT_FORMATTING);
    add(o, INPUT_PARSING);
    return o;
  }

  /** create-hive-table: the table and the options of the import whose files the Hive table reads. */
  public static Options forCreateHiveTable() {
    Options o = common();
    add(o, CREATE_HIVE_TABLE_TOOL);
    add(o, OUTPUT_FORMATTING);
    return o;
  }

  /** merge: two import directories onto a third, on a key column. */
  public static Options forMerge() {
    Options o = common();
    add(o, MERGE);
    add(o, OUTPUT_FORMATTING);
    return o;
  }

  public static Options forEval() {
    Options o = common();
    o.addOption(option("e|query", "statement", "SQL statement to run"));
    return o;
  }
}
