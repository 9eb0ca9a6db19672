package dev.hadoopkit.ingest.merge;

import dev.hadoopkit.ingest.IngestKeys;
import dev.hadoopkit.ingest.IngestCounters;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.ingest.JobRunner;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.exports.ExportInputFormat;
import dev.hadoopkit.ingest.exports.LinePosition;
import dev.hadoopkit.ingest.imports.ImportManifest;
import dev.hadoopkit.ingest.imports.OutputPlacement;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Sqoop 1.4.7's merge as a MapReduce job over text imports: records keyed by the merge-key field, a record of the
 * new data replacing the older one with the same key. The result is written to a hidden sibling of the target and
 * renamed into place only after the job succeeded, with the import's {@link ImportManifest} next to it.
 */
public final class MergeJob {
  /** Bytes of input per map task (files are never cut). */
  private static final long SPLIT_BYTES = 256L << 20;

  /** What a merge did. */
  public record Result(long newRecords, long oldRecords, long outputRecords, double seconds) {
  }

  private MergeJob() {
  }

  /**
   * The merge of {@code import --incremental lastmodified --merge-key}: the rows just imported into {@code delta}
   * replace their older versions in {@code target}, which is replaced only when the merge succeeded.
   */
  public static Result runOntoImport(Configuration conf, Console console, Path delta, Path target, String mergeKey,
      ImportManifest schema) throws IOException, InterruptedException {
    ImportManifest existing = ImportManifest.read(target.getFileSystem(conf), target).orElse(schema);
    if (!existing.sameRecordLayout(schema)) {
      throw new IngestException("Cannot merge the new rows onto " + target + ": it was imported with different columns "
          + "or delimiters (" + existing + ", now " + schema + "); import with the same options, or re-import with "
          + "--delete-target-dir. " + target + " was left unchanged.");
    }
    return run(conf, console, delta, target, target, mergeKey, schema, true);
  }

  /**
   * Merges {@code newData} onto {@code onto} into {@code target}.
   *
   * @param replaceTarget false: {@code target} must not exist (sqoop merge); true: it may, and is replaced only on
   *     success (import --incremental lastmodified --merge-key, where it is {@code onto} itself)
   */
  public static Result run(Configuration conf, Console console, Path newData, Path onto, Path target, String mergeKey,
      ImportManifest schema, boolean replaceTarget) throws IOException, InterruptedException {
    if (!schema.isText()) {
      throw new IngestException("Cannot merge " + schema.format().toLowerCase(Locale.ROOT) + " data in " + onto
          + ": this build merges text imports only (merging Avro, Parquet, ORC or SequenceFile data is not supported);"
          + " re-import the table with --delete-target-dir instead");
    }
    int keyIndex = schema.indexOf(mergeKey, "--merge-key", onto);
    FileSystem fs = target.getFileSystem(conf);
    for (Path input : List.of(newData, onto)) {
      if (!input.getFileSystem(conf).getFileStatus(input).isDirectory()) {
        throw new IngestException("Cannot merge " + input + ": it is not a directory of imported files");
      }
    }
    OutputPlacement placement = OutputPlacement.prepare(conf, target,
        replaceTarget ? OutputPlacement.Mode.REPLACE : OutputPlacement.Mode.CREATE);

    Job job = Job.getInstance(conf, "merge " + newData.getName() + " onto " + onto.getName());
    Configuration jc = job.getConfiguration();
    Path qualifiedNew = newData.getFileSystem(conf).makeQualified(newData);
    jc.set(IngestKeys.MERGE_NEW_DATA, qualifiedNew.toString());
    schema.delimiters().store(jc, IngestKeys.MERGE_DELIMITERS);
    jc.setStrings(IngestKeys.MERGE_COLUMNS, schema.columns().toArray(new String[0]));
    jc.setInt(IngestKeys.MERGE_KEY_INDEX, keyIndex);
    jc.set(IngestKeys.MERGE_NULL_STRING, schema.nullString());
    jc.set(IngestKeys.MERGE_NULL_NON_STRING, schema.nullNonString());
    jc.setInt(IngestKeys.EXPORT_LINE_DELIMITER, schema.delimiters().linesTerminatedBy());
    jc.setInt(IngestKeys.MERGE_LINE_TERMINATOR, schema.delimiters().linesTerminatedBy());
    if (schema.codec() != null) {
      FileOutputFormat.setCompressOutput(job, true);
      FileOutputFormat.setOutputCompressorClass(job, codecClass(conf, schema.codec()));
    }
    Path reports = new Path(placement.work(), "_hk_reports");
    jc.set(IngestKeys.REPORTS_DIR, reports.toString());
    job.setJarByClass(MergeMapper.class);
    job.setInputFormatClass(ExportInputFormat.class);
    // The files one by one: the delta of an import sits in a hidden work directory, which FileInputFormat would skip.
    int files = addDataFiles(job, newData) + addDataFiles(job, onto);
    if (files == 0) {
      throw new IngestException("Cannot merge: neither " + newData + " nor " + onto + " holds any data file");
    }
    ExportInputFormat.setMaxInputSplitSize(job, jc.getLong("mapreduce.input.fileinputformat.split.maxsize", SPLIT_BYTES));
    job.setMapperClass(MergeMapper.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(MergeRecord.class);
    job.setReducerClass(MergeReducer.class);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    job.setOutputFormatClass(MergeOutputFormat.class);
    FileOutputFormat.setOutputPath(job, placement.work());
    JobRunner.configure(job, conf, 2);

    console.info("Beginning merge of " + qualifiedNew + " onto " + fs.makeQualified(onto) + " on key "
        + schema.columns().get(keyIndex) + " into " + placement.target());
    JobRunner.Outcome outcome;
    try {
      outcome = JobRunner.run(job, console, IngestCounters.RECORDS_READ, IngestCounters.BYTES_READ);
    } catch (IOException | InterruptedException | RuntimeException e) {
      placement.abort();
      throw new IngestException("Merge job failed to run: " + e.getMessage() + "; " + placement.target()
          + " was left unchanged", e);
    }
    if (!outcome.success()) {
      List<String> errors = TaskReports.errors(jc, reports);
      placement.abort();
      throw new IngestException("Merge failed: " + (errors.isEmpty() ? "the job " + job.getJobID() + " failed"
          : errors.get(0)) + ". " + placement.target() + " was left unchanged.");
    }
    FileSystem workFs = placement.work().getFileSystem(jc);
    workFs.delete(reports, true);
    schema.write(workFs, placement.work());
    placement.commit();
    org.apache.hadoop.mapreduce.Counters counters = job.getCounters();
    return new Result(counters.findCounter(MergeCounters.NEW_RECORDS).getValue(),
        counters.findCounter(MergeCounters.OLD_RECORDS).getValue(),
        counters.findCounter(MergeCounters.OUTPUT_RECORDS).getValue(), outcome.seconds());
  }

  private static int addDataFiles(Job job, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(job.getConfiguration());
    int added = 0;
    for (FileStatus s : fs.listStatus(dir, Formats.DATA_FILES)) {
      if (s.isFile()) {
        FileInputFormat.addInputPath(job, s.getPath());
        added++;
      }
    }
    return added;
  }

  private static Class<? extends CompressionCodec> codecClass(Configuration conf, String name) {
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodecByName(name);
    if (codec == null) {
      throw new IngestException("Unknown codec " + name + " in " + ImportManifest.FILE_NAME
          + ": use gzip, bzip2, deflate, snappy, lz4, zstd or a codec class name");
    }
    return codec.getClass();
  }
}
