package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.ingest.IngestCounters;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.JobRunner;
import dev.hadoopkit.ingest.TaskReports;
import dev.hadoopkit.ingest.cli.Console;
import dev.hadoopkit.ingest.imports.ColumnInfo;
import dev.hadoopkit.ingest.imports.ImportManifest;
import dev.hadoopkit.ingest.imports.OutputPlacement;
import dev.hadoopkit.ingest.merge.MergeJob;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * Runs an import's job and puts its output in place: the manifest, then a commit (or a merge onto the target);
 * on any failure the target is left as it was. Prints Sqoop's closing report.
 */
record ImportCommit(Configuration conf, Console console, Session session, ImportOptions options) {
  /** Runs the job and commits; returns the rows imported. */
  long run(Job job, ImportPlan plan, OutputPlacement placement, boolean mergeOnto) throws Exception {
    Configuration jc = job.getConfiguration();
    Path reports = ImportJobSetup.reportsDir(placement);
    int splits = plan.splits().size();
    JobRunner.Outcome outcome;
    try {
      outcome = JobRunner.run(job, console, IngestCounters.ROWS_IMPORTED, IngestCounters.BYTES_WRITTEN, reports, splits);
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
    ImportManifest manifest = new ImportManifest(options.kind().name(),
        plan.columns().stream().map(ColumnInfo::name).collect(Collectors.toList()), options.delimiters(),
        options.nullString(), options.nullNonString(), options.textCodec());
    manifest.write(fs, placement.work());
    long rows = outcome.counter(IngestCounters.ROWS_IMPORTED);
    if (mergeOnto) {
      try {
        MergeJob.Result merged = MergeJob.runOntoImport(conf, console, placement.work(), placement.target(),
            options.mergeKey(), manifest);
        console.info("Merged " + merged.newRecords() + " new and " + merged.oldRecords() + " existing records on "
            + options.mergeKey() + ": " + placement.target() + " now holds " + merged.outputRecords() + " records.");
      } finally {
        placement.abort();
      }
    } else {
      placement.commit();
    }
    report(outcome, rows, plan.nextLastValue());
    return rows;
  }

  private void report(JobRunner.Outcome outcome, long rows, String nextLastValue) {
    console.info(JobRunner.transferLine(outcome.counter(IngestCounters.BYTES_WRITTEN), rows, outcome.seconds()));
    console.info("Retrieved " + rows + " records.");
    if (options.incremental() != null) {
      console.info("Incremental import complete! To run another incremental import of all data following this import, "
          + "supply the following arguments:");
      console.info(" --incremental " + options.incremental().option());
      console.info("   --check-column " + options.checkColumn());
      console.info("   --last-value " + nextLastValue);
      console.info("(Consider saving this with 'sqoop job --create')");
    }
  }
}
