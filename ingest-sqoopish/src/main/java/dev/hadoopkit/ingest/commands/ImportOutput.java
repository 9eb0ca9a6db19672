package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.imports.OutputKind;
import dev.hadoopkit.ingest.imports.OutputPlacement;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Where an import writes: the target directory, how it is placed (create, replace, append), and the format check. */
final class ImportOutput {
  private ImportOutput() {
  }

  /** --target-dir, else --warehouse-dir/TABLE, else TABLE under the user's home directory. */
  static Path targetDir(ImportOptions options) {
    if (options.targetDir() != null) {
      return new Path(options.targetDir());
    }
    if (options.warehouseDir() != null) {
      return new Path(options.warehouseDir(), options.table());
    }
    return new Path(options.table());
  }

  /** True when a --merge-key import lands next to an existing directory and is then merged onto it. */
  static boolean mergesOnto(ImportOptions options, Configuration conf, Path target) throws IOException {
    return options.mergeKey() != null && target.getFileSystem(conf).exists(target);
  }

  /** The work directory of the import, with the target's old files kept aside until the commit. */
  static OutputPlacement prepare(ImportOptions options, Configuration conf, Path target, boolean mergeOnto)
      throws IOException {
    OutputPlacement.Mode mode = options.deleteTargetDir() || mergeOnto ? OutputPlacement.Mode.REPLACE
        : options.append() || options.incremental() == ImportOptions.Incremental.APPEND ? OutputPlacement.Mode.APPEND
        : OutputPlacement.Mode.CREATE;
    checkAppendFormat(conf, target, mode, options.kind());
    try {
      return OutputPlacement.prepare(conf, target, mode);
    } catch (IngestException e) {
      if (options.incremental() == ImportOptions.Incremental.LASTMODIFIED) {
        throw new IngestException("--merge-key or --append is required when using --incremental lastmodified and the output "
            + "directory exists (" + target + ")");
      }
      throw e;
    }
  }

  /**
   * A binary import into an existing directory, or an --append: the files already there must be of the same format.
   * Only the first non-empty part file is looked at (its magic bytes; gzip-compressed text counts as text).
   */
  static void checkAppendFormat(Configuration conf, Path target, OutputPlacement.Mode mode, OutputKind kind) throws IOException {
    if (mode != OutputPlacement.Mode.APPEND) {
      return;
    }
    FileSystem fs = target.getFileSystem(conf);
    if (!fs.exists(target)) {
      return;
    }
    for (FileStatus file : fs.listStatus(target)) {
      String name = file.getPath().getName();
      if (!file.isFile() || !name.startsWith("part-") || file.getLen() == 0) {
        continue;
      }
      FileFormat existing = FileFormat.detect(conf, file.getPath());
      FileFormat wanted = kind.isBinary() ? kind.format() : FileFormat.TEXT;
      if (existing != wanted) {
        String option = existing == FileFormat.TEXT ? "--as-textfile" : "--" + OutputKind.valueOf(existing.name()).option();
        throw new IngestException("Cannot append " + kind.displayName() + " files to " + fs.makeQualified(target) + ": it holds "
            + existing.displayName() + " files (" + name + "). Import with " + option + " to append to it, or choose another "
            + "--target-dir (or --delete-target-dir to replace it)");
      }
      return;
    }
  }
}
