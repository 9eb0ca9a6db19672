package dev.hadoopkit.ingest.commands;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.ingest.IngestException;
import dev.hadoopkit.ingest.VisibleFiles;
import dev.hadoopkit.ingest.exports.ExportTarget;
import dev.hadoopkit.ingest.exports.RecordValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** The files of an export directory: which are Avro, Parquet or ORC, and whether each can fill the table. */
final class ExportFiles {
  private ExportFiles() {
  }

  /**
   * The Avro, Parquet and ORC files of the export directory (visible files, recursively, by magic bytes). A directory
   * mixing them with text files is refused: text options and binary fields would be applied to the wrong files.
   */
  static List<Path> binaryFiles(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<Path> binary = new ArrayList<>();
    Path firstText = null;
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    for (Path file : VisibleFiles.under(fs, fs.makeQualified(dir))) {
      if (fs.getFileStatus(file).getLen() == 0) {
        continue;
      }
      FileFormat format = codecs.getCodec(file) != null ? FileFormat.TEXT : FileFormat.detect(conf, file);
      if (format == FileFormat.TEXT) {
        firstText = firstText == null ? file : firstText;
      } else {
        binary.add(file);
      }
    }
    if (!binary.isEmpty() && firstText != null) {
      throw new IngestException("Export directory " + fs.makeQualified(dir) + " mixes text files (" + firstText + ") with "
          + "Avro/Parquet/ORC files (" + binary.get(0) + "): export them from separate directories");
    }
    return binary;
  }

  /**
   * Before anything is written: every binary file must be whole (footer or header and sync marker) and have a field
   * for every exported column. Fails naming the file.
   */
  static void checkBinaryFiles(Configuration conf, List<Path> files, ExportTarget target) throws IOException {
    Schema checked = null;
    for (Path file : files) {
      Schema schema;
      try {
        Formats.check(conf, file);
        schema = Formats.schema(conf, file);
      } catch (CorruptFileException e) {
        throw new IngestException(e.getMessage() + ". Nothing was exported; table " + target.table() + " was not changed "
            + "(remove or replace the file, then export again)", e);
      }
      if (checked == null || !checked.equals(schema)) {
        List<String> missing = new ArrayList<>();
        for (String column : target.columns()) {
          if (RecordValues.find(schema, column) == null) {
            missing.add(column);
          }
        }
        if (!missing.isEmpty()) {
          throw new IngestException("Cannot export " + file + " into table " + target.table() + ": it has no field for column(s) "
              + String.join(", ", missing) + " (its fields: " + schema.getFields().stream().map(Schema.Field::name)
              .collect(Collectors.joining(", ")) + "); choose the exported columns with --columns");
        }
        checked = schema;
      }
    }
  }
}
