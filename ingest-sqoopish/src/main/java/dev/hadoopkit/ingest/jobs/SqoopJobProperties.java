package dev.hadoopkit.ingest.jobs;

import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * A saved job's options under the property names Sqoop 1.4.7's {@code SqoopOptions.writeProperties} uses, which
 * {@code sqoop job --show} prints as {@code key = value} lines (and scripts grep, e.g. {@code incremental.last.value}).
 * Sqoop prints in hash order; these come sorted so two shows can be compared. Passwords are never among them
 * ({@code --password} is not saved; {@code db.require.password} says whether one must be given at --exec).
 * Only the keys of the tool's own options are printed.
 */
public final class SqoopJobProperties {
  /** Option to Sqoop property, for options with a value or a flag. */
  private static final Map<String, String> KEYS = keys();

  private SqoopJobProperties() {
  }

  private static Map<String, String> keys() {
    Map<String, String> m = new LinkedHashMap<>();
    String[] pairs = {
        "connect", "db.connect.string", "table", "db.table", "username", "db.username",
        "staging-table", "db.export.staging.table", "clear-staging-table", "db.clear.staging.table",
        "call", "db.export.call", "password-file", "db.password.file", "password-alias", "db.password.alias",
        "null-string", "null.string", "input-null-string", "input.null.string", "null-non-string", "null.non-string",
        "input-null-non-string", "input.null.non-string", "outdir", "codegen.output.dir", "bindir", "codegen.compile.dir",
        "split-by", "db.split.column", "split-limit", "split.limit", "where", "db.where.clause", "query", "db.query",
        "boundary-query", "db.query.boundary", "driver", "jdbc.driver.class", "warehouse-dir", "hdfs.warehouse.dir",
        "target-dir", "hdfs.target.dir", "append", "hdfs.append.dir", "delete-target-dir", "hdfs.delete-target.dir",
        "direct", "direct.import", "batch", "db.batch", "hive-import", "hive.import", "hive-overwrite",
        "hive.overwrite.table", "create-hive-table", "hive.fail.table.exists", "hive-table", "hive.table.name",
        "hive-database", "hive.database.name", "hive-drop-import-delims", "hive.drop.delims",
        "hive-delims-replacement", "hive.delims.replacement", "hive-partition-key", "hive.partition.key",
        "hive-partition-value", "hive.partition.value", "hcatalog-table", "hcatalog.table.name", "hcatalog-database",
        "hcatalog.database.name", "skip-dist-cache", "skip.dist.cache", "package-name", "codegen.java.packagename",
        "class-name", "codegen.java.classname", "jar-file", "codegen.jar.file", "num-mappers", "mapreduce.num.mappers",
        "compress", "enable.compression", "compression-codec", "compression.codec", "direct-split-size",
        "import.direct.split.size", "inline-lob-limit", "import.max.inline.lob.size", "fetch-size", "import.fetch.size",
        "export-dir", "export.source.dir", "update-key", "export.update.col", "check-column", "incremental.col",
        "last-value", "incremental.last.value", "exclude-tables", "import.all_tables.exclude", "merge-key",
        "merge.key.col", "relaxed-isolation", "relaxed.isolation", "autoreset-to-one-mapper", "reset.onemapper",
        "connection-manager", "connection.manager", "mapreduce-job-name", "mapreduce.job.name", "verbose", "verbose",
        "columns", "db.column.list"};
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** The properties of a saved job whose tool options are {@code options}, parsed as {@code args}. */
  public static Map<String, String> of(Args args, Options options, boolean passwordDropped) {
    Map<String, String> p = new TreeMap<>();
    for (Map.Entry<String, String> e : KEYS.entrySet()) {
      Option option = options.getOption(e.getKey());
      if (option == null) {
        continue;
      }
      if (!option.hasArg()) {
        p.put(e.getValue(), Boolean.toString(args.has(e.getKey())));
      } else if (args.has(e.getKey())) {
        p.put(e.getValue(), args.get(e.getKey()));
      }
    }
    // Sqoop prints its boxed Integer options as "null" when unset, and its defaults for the rest.
    putDefault(p, options, "split-limit", "null");
    putDefault(p, options, "fetch-size", "null");
    putDefault(p, options, "num-mappers", "4");
    if (options.hasOption("incremental")) {
      String mode = args.get("incremental");
      p.put("incremental.mode", mode == null ? "None" : mode.equals("append") ? "AppendRows"
          : mode.equals("lastmodified") ? "DateLastModified" : mode);
    }
    if (options.hasOption("as-textfile")) {
      p.put("hdfs.file.format", args.has("as-parquetfile") ? "ParquetFile" : args.has("as-avrodatafile") ? "AvroDataFile"
          : args.has("as-sequencefile") ? "SequenceFile" : args.has("as-orcfile") ? "OrcFile" : "TextFile");
    }
    if (options.hasOption("update-mode")) {
      p.put("export.new.update", "allowinsert".equals(args.get("update-mode")) ? "AllowInsert" : "UpdateOnly");
    }
    for (String mapping : options.hasOption("map-column-java") ? args.getList("map-column-java") : List.<String>of()) {
      int eq = mapping.indexOf('=');
      if (eq > 0) {
        p.put("map.column.java." + mapping.substring(0, eq).trim(), mapping.substring(eq + 1).trim());
      }
    }
    if (options.hasOption("fields-terminated-by")) {
      delimiters(p, "codegen.output.delimiters", args.outputDelimiters());
    }
    if (options.hasOption("input-fields-terminated-by")) {
      delimiters(p, "codegen.input.delimiters", args.inputDelimiters());
    }
    boolean passwordStored = args.has("password-file") || args.has("password-alias");
    p.put("db.require.password", Boolean.toString(!passwordStored && (passwordDropped || args.has("P"))));
    List<String> extra = args.extra();
    for (int i = 0; i < extra.size(); i++) {
      p.put("tool.arguments." + i, extra.get(i));
    }
    // Whatever an option's value, a password never reaches the output.
    p.keySet().removeIf(k -> k.equals("db.password") || k.equals("accumulo.password"));
    return p;
  }

  private static void putDefault(Map<String, String> p, Options options, String option, String value) {
    String key = KEYS.get(option);
    if (options.hasOption(option)) {
      p.putIfAbsent(key, value);
    }
  }

  private static void delimiters(Map<String, String> p, String prefix, Delimiters d) {
    p.put(prefix + ".field", code(d.fieldsTerminatedBy()));
    p.put(prefix + ".record", code(d.linesTerminatedBy()));
    p.put(prefix + ".enclose", code(d.enclosedBy()));
    p.put(prefix + ".escape", code(d.escapedBy()));
    p.put(prefix + ".enclose.required", Boolean.toString(d.hasEnclosing() && !d.encloseOptional()));
  }

  private static String code(char c) {
    return Integer.toString(c == EscapeSyntax.NONE ? 0 : c);
  }
}
