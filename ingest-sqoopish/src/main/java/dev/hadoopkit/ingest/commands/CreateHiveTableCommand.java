package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import dev.hadoopkit.ingest.imports.HiveTableDdl;
import dev.hadoopkit.ingest.imports.ImportSchema;
import dev.hadoopkit.ingest.imports.OutputKind;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import org.apache.avro.Schema;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code sqoop create-hive-table}: prints the Hive table definition Sqoop would run (no Hive is needed or run).
 * The storage clause follows the files an import with the same options writes: text with its delimiters, or
 * {@code STORED AS PARQUET|AVRO|ORC}.
 */
final class CreateHiveTableCommand implements SqoopTool {
  @Override
  public String name() {
    return "create-hive-table";
  }

  @Override
  public String description() {
    return "Print the Hive table definition of a table (run it in Hive: this build does not run Hive)";
  }

  @Override
  public Options options() {
    return OptionSets.forCreateHiveTable();
  }

  @Override
  public String examples() {
    return "  sqoop create-hive-table --connect jdbc:mysql://localhost/movielens --username root --table ratings \\\n"
        + "      --hive-database ml --hive-table ratings --fields-terminated-by '\\t' > ratings.hql && beeline -f ratings.hql\n"
        + "  sqoop create-hive-table --connect jdbc:mysql://localhost/movielens --table movies --as-parquetfile \\\n"
        + "      --external-table-dir /data/movies\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) throws Exception {
    OutputKind kind = ImportOptions.outputKind(args);
    kind.checkSupported();
    String nullString = EscapeSyntax.unescapeNullString(args.get("null-string", "null"));
    String nullNonString = EscapeSyntax.unescapeNullString(args.get("null-non-string", "null"));
    var delimiters = args.outputDelimiters();
    console.warnLines(args.warnings());
    TableShape shape = TableShape.read(args, conf, console, false);
    Schema schema = kind.isBinary() ? ImportSchema.of(shape.table(), shape.columns(),
        ColumnJavaTypes.of(args.getList("map-column-java"), shape.columns(), kind)) : null;
    if (!kind.isBinary() && !nullString.equals(nullNonString)) {
      console.warn("Hive tables have one NULL marker: --null-string '" + nullString + "' and --null-non-string '"
          + nullNonString + "' differ, so the statement uses --null-string's");
    }
    String hiveTable = args.get("hive-table", shape.table().substring(shape.table().lastIndexOf('.') + 1));
    HiveTableDdl ddl = HiveTableDdl.of(new HiveTableDdl.Request(args.get("hive-database"), hiveTable, shape.columns(), kind,
        schema, delimiters, HiveTableDdl.parseMapColumnHive(args.get("map-column-hive")), args.get("hive-partition-key"),
        args.get("external-table-dir"), args.has("fail-if-exists"), nullString));
    ddl.warnings().forEach(console::warn);
    console.out().println(ddl.statement() + ";");
    console.info("Hive is not run by this build: run the statement above in Hive (beeline -f FILE or hive -e).");
    return 0;
  }
}
