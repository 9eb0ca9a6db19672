package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.exports.ExportTarget;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import java.util.List;

/**
 * The options of one {@code sqoop export}, read once from the command line with every check that needs no database and
 * every default applied. Immutable.
 *
 * @param columns --columns as given (empty: every column of the table)
 * @param updateKeys --update-key as given (empty: insert)
 * @param staging the staging table, or null
 * @param nullString --input-null-string unescaped, or null for the reader's default
 * @param nullNonString --input-null-non-string unescaped, or null for the reader's default
 * @param warnings the notes gathered while reading values (multi-character delimiters and the like), one a line
 */
record ExportOptions(String table, String exportDir, int mappers, List<String> columns, List<String> updateKeys,
    ExportTarget.Mode mode, String staging, boolean clearStaging, Delimiters delimiters, String nullString,
    String nullNonString, String jobName, String warnings) {

  static ExportOptions from(Args args) {
    if (args.has("call")) {
      throw new UsageException("--call (stored procedure export) is not supported in this build: export into a table with --table");
    }
    if (args.has("hive-import") || args.has("hcatalog-table")) {
      throw new UsageException("Hive/HCatalog options are not supported in this build: export the table's directory with --export-dir");
    }
    String table = args.require("table", "name the table to fill");
    String exportDir = args.require("export-dir", "name the directory of files to export");
    Integer givenMappers = args.getInt("num-mappers");
    int mappers = givenMappers == null ? ImportOptions.DEFAULT_MAPPERS : givenMappers;
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
    String warnings = args.warnings().toString();
    args.warnings().setLength(0);
    String nullString = args.has("input-null-string") ? EscapeSyntax.unescapeNullString(args.get("input-null-string")) : null;
    String nullNonString = args.has("input-null-non-string")
        ? EscapeSyntax.unescapeNullString(args.get("input-null-non-string")) : null;
    ExportTarget.Mode mode = direct ? ExportTarget.Mode.DIRECT : updateKeys.isEmpty() ? ExportTarget.Mode.INSERT
        : updateMode.equals("allowinsert") ? ExportTarget.Mode.UPSERT : ExportTarget.Mode.UPDATE_ONLY;
    return new ExportOptions(table, exportDir, mappers, args.getList("columns"), updateKeys, mode, staging,
        args.has("clear-staging-table"), delimiters, nullString, nullNonString, args.get("mapreduce-job-name"), warnings);
  }

  boolean direct() {
    return mode == ExportTarget.Mode.DIRECT;
  }
}
