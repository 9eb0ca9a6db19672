package dev.hadoopkit.ingest.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Sqoop 1.4.7's option groups, assembled per tool. */
public final class OptionSets {
  private OptionSets() {
  }

  static Option flag(String longName, String description) {
    return Option.builder().longOpt(longName).desc(description).build();
  }

  static Option arg(String longName, String argName, String description) {
    return Option.builder().longOpt(longName).hasArg().argName(argName).desc(description).build();
  }

  public static Options common() {
    Options o = new Options();
    o.addOption(arg("connect", "jdbc-uri", "JDBC URL: jdbc:mysql://host/db, jdbc:mariadb://host/db, jdbc:postgresql://host/db"));
    o.addOption(arg("driver", "class", "JDBC driver class; classic names (com.mysql.jdbc.Driver, org.postgresql.Driver) map to the bundled drivers"));
    o.addOption(arg("username", "user", "database user"));
    o.addOption(arg("password", "password", "password on the command line (insecure: prefer -P or --password-file)"));
    o.addOption(Option.builder("P").desc("read the password from the console").build());
    o.addOption(arg("password-file", "path", "file (local or HDFS) holding the password; keep it mode 400"));
    o.addOption(arg("password-alias", "alias", "alias in a Hadoop credential provider (hadoop.security.credential.provider.path)"));
    o.addOption(arg("connection-param-file", "file", "properties file with extra JDBC connection parameters"));
    o.addOption(arg("connection-manager", "class", "accepted for compatibility; the manager follows --connect"));
    o.addOption(arg("fetch-size", "n", "rows fetched from the server per round trip (default 10000)"));
    o.addOption(flag("relaxed-isolation", "read uncommitted data in import mappers"));
    o.addOption(arg("hadoop-home", "dir", "accepted for compatibility; Hadoop comes from the classpath"));
    o.addOption(arg("hadoop-mapred-home", "dir", "accepted for compatibility; Hadoop comes from the classpath"));
    o.addOption(flag("skip-dist-cache", "accepted for compatibility"));
    o.addOption(flag("verbose", "print more information, and stack traces on errors"));
    o.addOption(Option.builder("h").longOpt("help").desc("print this help").build());
    return o;
  }

  public static void addImportControl(Options o) {
    o.addOption(arg("table", "table-name", "table to read"));
    o.addOption(arg("columns", "col,col,...", "columns to import from the table"));
    o.addOption(arg("where", "clause", "WHERE clause to use during import"));
    o.addOption(Option.builder("e").longOpt("query").hasArg().argName("statement").desc("free-form SELECT with $CONDITIONS in its WHERE clause").build());
    o.addOption(Option.builder("m").longOpt("num-mappers").hasArg().argName("n").desc("number of map tasks (default 4)").build());
    o.addOption(arg("split-by", "column", "column used to split the work between mappers"));
    o.addOption(arg("split-limit", "size", "upper limit of the range of a split (integer and date/time columns)"));
    o.addOption(arg("boundary-query", "statement", "query returning the min and max of the split column"));
    o.addOption(flag("autoreset-to-one-mapper", "use one mapper when the table has no primary key and no --split-by"));
    o.addOption(arg("target-dir", "dir", "HDFS directory for the output"));
    o.addOption(arg("warehouse-dir", "dir", "parent directory for the table's output directory"));
    o.addOption(flag("delete-target-dir", "replace the target directory if it exists (only after the import succeeded)"));
    o.addOption(flag("append", "add the new files to an existing target directory"));
    o.addOption(flag("as-textfile", "delimited text output (default)"));
    o.addOption(flag("as-avrodatafile", "Avro data files part-m-NNNNN.avro (snappy); decimal, date, timestamp-millis "
        + "and time-millis logical types, every field nullable"));
    o.addOption(flag("as-parquetfile", "Parquet files part-m-NNNNN.parquet (snappy), same schema as Avro"));
    o.addOption(flag("as-orcfile", "ORC files part-m-NNNNN.orc (zstd), same schema as Avro"));
    o.addOption(flag("as-sequencefile", "SequenceFiles (not supported in this build)"));
    o.addOption(Option.builder("z").longOpt("compress").desc("compress the output (text: gzip unless --compression-codec; "
        + "Avro/Parquet/ORC are compressed by default)").build());
    o.addOption(arg("compression-codec", "codec", "text: gzip, bzip2, deflate, snappy, lz4, zstd or a codec class; "
        + "Avro/Parquet/ORC: snappy, zstd, gzip (deflate/zlib) or none"));
    o.addOption(arg("null-string", "str", "text written for a NULL in a string column (default null)"));
    o.addOption(arg("null-non-string", "str", "text written for a NULL in any other column (default null)"));
    o.addOption(arg("map-column-java", "col=Type,...", "override the Java type of columns: String (any output); Integer, Long, Float, Double, Boolean (Avro/Parquet/ORC)"));
    o.addOption(flag("direct", "accepted; imports already stream through the JDBC driver's fast path"));
    o.addOption(arg("direct-split-size", "bytes", "accepted for compatibility"));
    o.addOption(arg("inline-lob-limit", "bytes", "accepted for compatibility"));
    o.addOption(arg("mapreduce-job-name", "name", "name of the MapReduce job"));
    addIncremental(o);
  }

  static void addIncremental(Options o) {
    o.addOption(arg("incremental", "mode", "append or lastmodified"));
    o.addOption(arg("check-column", "column", "column checked for new rows"));
    o.addOption(arg("last-value", "value", "largest value of the check column imported before"));
    o.addOption(arg("merge-key", "column", "key for merging lastmodified imports"));
  }

  public static void addOutputFormatting(Options o) {
    o.addOption(arg("fields-terminated-by", "char", "field separator (default ,)"));
    o.addOption(arg("lines-terminated-by", "char", "line terminator (default \\n)"));
    o.addOption(arg("enclosed-by", "char", "character enclosing every field"));
    o.addOption(arg("optionally-enclosed-by", "char", "character enclosing fields that hold a delimiter"));
    o.addOption(arg("escaped-by", "char", "escape character"));
    o.addOption(flag("mysql-delimiters", "fields , lines \\n escaped-by \\ optionally-enclosed-by '"));
  }

  public static void addInputParsing(Options o) {
    o.addOption(arg("input-fields-terminated-by", "char", "input field separator"));
    o.addOption(arg("input-lines-terminated-by", "char", "input line terminator"));
    o.addOption(arg("input-enclosed-by", "char", "input field encloser"));
    o.addOption(arg("input-optionally-enclosed-by", "char", "input field encloser (optional)"));
    o.addOption(arg("input-escaped-by", "char", "input escape character"));
  }

  public static void addCodegen(Options o) {
    for (String name : new String[] {"bindir", "outdir", "class-name", "jar-file", "package-name"}) {
      o.addOption(arg(name, "value", "accepted for compatibility; this build generates no code"));
    }
  }

  public static void addHive(Options o) {
    o.addOption(flag("hive-import", "not supported: prints the CREATE EXTERNAL TABLE statement to use instead"));
    o.addOption(flag("hive-overwrite", "not supported (Hive)"));
    o.addOption(flag("create-hive-table", "not supported (Hive)"));
    o.addOption(arg("hive-table", "table", "not supported (Hive)"));
    o.addOption(arg("hive-database", "db", "not supported (Hive)"));
    o.addOption(arg("hive-home", "dir", "not supported (Hive)"));
    o.addOption(arg("hive-partition-key", "key", "not supported (Hive)"));
    o.addOption(arg("hive-partition-value", "value", "not supported (Hive)"));
    o.addOption(arg("map-column-hive", "map", "not supported (Hive)"));
    o.addOption(flag("hive-drop-import-delims", "drop \\n, \\r and \\01 from string fields"));
    o.addOption(arg("hive-delims-replacement", "str", "replace \\n, \\r and \\01 in string fields"));
    o.addOption(arg("hcatalog-table", "table", "not supported (HCatalog)"));
    o.addOption(arg("hcatalog-database", "db", "not supported (HCatalog)"));
  }

  /** codegen: the table or query, and the options that shape its record (Sqoop's codegen arguments). */
  public static void addCodegenTool(Options o) {
    o.addOption(arg("table", "table-name", "table to describe"));
    o.addOption(arg("columns", "col,col,...", "columns of the table to include"));
    o.addOption(Option.builder("e").longOpt("query").hasArg().argName("statement").desc("free-form SELECT with $CONDITIONS").build());
    o.addOption(arg("outdir", "dir", "directory for the .avsc file (default: --bindir, else the current directory)"));
    o.addOption(arg("bindir", "dir", "directory for the .avsc file when --outdir is not given"));
    o.addOption(arg("class-name", "name", "name of the record (and of the NAME.avsc file); default the table name"));
    o.addOption(arg("package-name", "name", "accepted; no Java code is generated"));
    o.addOption(arg("jar-file", "file", "accepted; no Java code is generated"));
    o.addOption(arg("map-column-java", "col=Type,...", "field types: String, Integer, Long, Float, Double, Boolean"));
    o.addOption(arg("null-string", "str", "accepted (text imports)"));
    o.addOption(arg("null-non-string", "str", "accepted (text imports)"));
    addOutputFormatting(o);
    addInputParsing(o);
  }

  /** create-hive-table: the table and the options of the import whose files the Hive table reads. */
  public static void addCreateHiveTableTool(Options o) {
    o.addOption(arg("table", "table-name", "table to describe"));
    o.addOption(arg("columns", "col,col,...", "columns of the table the import writes"));
    o.addOption(arg("hive-table", "table", "Hive table name (default: the table name)"));
    o.addOption(arg("hive-database", "db", "Hive database of the table"));
    o.addOption(arg("hive-home", "dir", "accepted; Hive is not run"));
    o.addOption(flag("hive-overwrite", "accepted; the statement only creates the table"));
    o.addOption(flag("create-hive-table", "accepted (this tool always prints CREATE TABLE)"));
    o.addOption(flag("fail-if-exists", "leave out IF NOT EXISTS"));
    o.addOption(arg("hive-partition-key", "key", "partition column (STRING)"));
    o.addOption(arg("hive-partition-value", "value", "accepted; no data is loaded"));
    o.addOption(arg("map-column-hive", "col=TYPE,...", "Hive type of columns, e.g. 'price=DECIMAL(12,3)' (or DECIMAL(12%2C3))"));
    o.addOption(arg("external-table-dir", "dir", "print CREATE EXTERNAL TABLE ... LOCATION 'dir' (the import's --target-dir)"));
    o.addOption(arg("null-string", "str", "NULL marker of the text files (default null): the table's serialization.null.format"));
    o.addOption(arg("null-non-string", "str", "NULL marker of non-string columns (Hive has one: --null-string's is used)"));
    o.addOption(arg("map-column-java", "col=Type,...", "as for the import (Avro, Parquet and ORC field types)"));
    o.addOption(flag("as-textfile", "delimited text files (default)"));
    o.addOption(flag("as-avrodatafile", "STORED AS AVRO"));
    o.addOption(flag("as-parquetfile", "STORED AS PARQUET"));
    o.addOption(flag("as-orcfile", "STORED AS ORC"));
    o.addOption(flag("as-sequencefile", "not supported in this build"));
    addOutputFormatting(o);
  }

  public static Options forImport() {
    Options o = common();
    addImportControl(o);
    addOutputFormatting(o);
    addInputParsing(o);
    addCodegen(o);
    addHive(o);
    return o;
  }

  public static Options forImportAll() {
    Options o = forImport();
    o.addOption(arg("exclude-tables", "t1,t2", "tables to skip"));
    return o;
  }

  public static Options forExport() {
    Options o = common();
    o.addOption(arg("table", "table-name", "table to fill"));
    o.addOption(arg("columns", "col,col,...", "table columns, in the order of the fields in the files"));
    o.addOption(arg("export-dir", "dir", "directory of files to export"));
    o.addOption(Option.builder("m").longOpt("num-mappers").hasArg().argName("n").desc("number of map tasks (default 4)").build());
    o.addOption(arg("update-key", "col,...", "key columns: update existing rows instead of inserting"));
    o.addOption(arg("update-mode", "mode", "updateonly (default) or allowinsert"));
    o.addOption(arg("staging-table", "table", "table filled first; rows move to the target in one transaction"));
    o.addOption(flag("clear-staging-table", "empty the staging table before the export"));
    o.addOption(flag("batch", "accepted; statements are always batched"));
    o.addOption(flag("direct", "bulk load: LOAD DATA LOCAL INFILE (MySQL/MariaDB) or COPY (PostgreSQL)"));
    o.addOption(arg("input-null-string", "str", "text read as NULL in string columns (default null)"));
    o.addOption(arg("input-null-non-string", "str", "text read as NULL in other columns (default null or empty)"));
    o.addOption(arg("call", "procedure", "not supported: stored procedure export"));
    o.addOption(arg("mapreduce-job-name", "name", "name of the MapReduce job"));
    o.addOption(arg("map-column-java", "col=Type,...", "accepted for compatibility"));
    addOutputFormatting(o);
    addInputParsing(o);
    addCodegen(o);
    addHive(o);
    return o;
  }

  public static Options forEval() {
    Options o = common();
    o.addOption(Option.builder("e").longOpt("query").hasArg().argName("statement").desc("SQL statement to run").build());
    return o;
  }
}
