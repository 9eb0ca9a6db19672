package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.tool.UsageException;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.cli.Args;
import dev.hadoopkit.ingest.cli.SqoopTool;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.cli.OptionSets;
import dev.hadoopkit.ingest.imports.ImportManifest;
import dev.hadoopkit.ingest.imports.OutputKind;
import dev.hadoopkit.ingest.merge.MergeJob;
import dev.hadoopkit.ingest.text.EscapeSyntax;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.Options;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code sqoop merge}: the records of --new-data replace those of --onto with the same --merge-key value, written to
 * a new --target-dir by a MapReduce job. Sqoop learns the record layout from the generated class (--class-name,
 * --jar-file); this build has no code generation and reads the column list and delimiters from the
 * {@value ImportManifest#FILE_NAME} file its imports write, or from --columns and the delimiter options.
 */
final class MergeCommand implements SqoopTool {
  @Override
  public String name() {
    return "merge";
  }

  @Override
  public String description() {
    return "Merge results of incremental imports";
  }

  @Override
  public Options options() {
    return OptionSets.forMerge();
  }

  @Override
  public String examples() {
    return "  sqoop merge --new-data /data/items.delta --onto /data/items --target-dir /data/items.merged --merge-key id\n"
        + "  sqoop merge --new-data /in/new --onto /in/old --target-dir /out --merge-key id \\\n"
        + "      --columns id,name,updated --fields-terminated-by '\\t'   # directories imported by Sqoop itself\n"
        + "  sqoop import --connect jdbc:mysql://localhost/shop --table items --incremental lastmodified \\\n"
        + "      --check-column updated --last-value '2024-01-01 00:00:00' --merge-key id --target-dir /data/items\n";
  }

  @Override
  public int run(Args args, Configuration conf, Console console) throws Exception {
    Path newData = new Path(args.require("new-data", "the directory of the newer import"));
    Path onto = new Path(args.require("onto", "the directory of the older import"));
    Path target = new Path(args.require("target-dir", "where to write the merged records"));
    String mergeKey = args.require("merge-key", "the column whose value identifies a row");
    if (args.has("class-name") || args.has("jar-file")) {
      console.warn("--class-name and --jar-file are ignored: this build generates no record classes; the columns and "
          + "delimiters come from " + ImportManifest.FILE_NAME + " or --columns and the delimiter options.");
    }
    for (Path input : List.of(newData, onto)) {
      if (!input.getFileSystem(conf).exists(input)) {
        throw new IngestException("Cannot merge: " + input + " does not exist (check --new-data and --onto)");
      }
    }
    FileSystem targetFs = target.getFileSystem(conf);
    if (targetFs.exists(target)) {
      throw new IngestException("Output directory " + targetFs.makeQualified(target) + " already exists: sqoop merge "
          + "writes a new directory; choose another --target-dir or remove it first");
    }
    ImportManifest schema = schema(args, conf, newData, onto);
    MergeJob.Result r = MergeJob.run(conf, console, newData, onto, target, mergeKey, schema, false);
    console.info(String.format(Locale.ROOT, "Merged %d new and %d older records into %d records in %s (%.1f s).",
        r.newRecords(), r.oldRecords(), r.outputRecords(), targetFs.makeQualified(target), r.seconds()));
    return 0;
  }

  /** --columns and the delimiter options when given; else the schema both directories were imported with. */
  static ImportManifest schema(Args args, Configuration conf, Path newData, Path onto) throws IOException {
    if (args.has("columns")) {
      return new ImportManifest(OutputKind.TEXT.name(), args.getList("columns"), args.outputDelimiters(),
          EscapeSyntax.unescapeNullString(args.get("null-string", "null")),
          EscapeSyntax.unescapeNullString(args.get("null-non-string", "null")), null);
    }
    Optional<ImportManifest> older = ImportManifest.read(onto.getFileSystem(conf), onto);
    Optional<ImportManifest> newer = ImportManifest.read(newData.getFileSystem(conf), newData);
    if (older.isPresent() && newer.isPresent() && !older.get().sameRecordLayout(newer.get())) {
      throw new IngestException("Cannot merge " + newData + " onto " + onto + ": they were imported with different "
          + "columns or delimiters (" + newer.get() + " vs " + older.get() + "); re-import one of them alike");
    }
    return older.or(() -> newer).orElseThrow(() -> new UsageException("Cannot tell the columns of " + onto + " and "
        + newData + ": neither has " + ImportManifest.FILE_NAME + " (this build's imports write it). Give the imported "
        + "columns in field order with --columns, and the delimiters with --fields-terminated-by and friends"));
  }
}
