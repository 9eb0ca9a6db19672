package dev.hadoopkit.formats.parquet;

import dev.hadoopkit.formats.io.BaseFormatModel;
import dev.hadoopkit.formats.io.FileFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** Parquet's {@link dev.hadoopkit.formats.io.FormatModel}, registered on {@link FileFormat#PARQUET}. */
public final class ParquetModel extends BaseFormatModel {

  public ParquetModel() {
    super(FileFormat.PARQUET, ParquetAppender::new, ParquetRowAppender::new, ParquetRecordReader::new);
  }

  /** The footer reads. */
  @Override
  public void check(Configuration conf, Path file) throws IOException {
    Parquet.footer(conf, file);
  }

  @Override
  public long count(Configuration conf, Path file) throws IOException {
    long rows = 0;
    for (BlockMetaData block : Parquet.footer(conf, file).getBlocks()) {
      rows += block.getRowCount();
    }
    return rows;
  }

  /** Row groups with their columns: codec, encodings, sizes and statistics. */
  @Override
  public void describe(Configuration conf, Path file, PrintStream out) throws IOException {
    ParquetMetadata footer = Parquet.footer(conf, file);
    long size = file.getFileSystem(conf).getFileStatus(file).getLen();
    out.printf(Locale.ROOT, "file: %s%nformat: Parquet%nsize: %,d bytes%ncreated by: %s%n", file, size,
        footer.getFileMetaData().getCreatedBy());
    long rows = 0;
    int index = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      out.printf(Locale.ROOT, "row group %d: %,d rows, %,d bytes compressed, %,d bytes uncompressed%n", index++,
          block.getRowCount(), block.getCompressedSize(), block.getTotalByteSize());
      for (ColumnChunkMetaData column : block.getColumns()) {
        Statistics<?> stats = column.getStatistics();
        String range = stats == null || stats.isEmpty() || !stats.hasNonNullValue() ? "no min/max"
            : "min " + stats.minAsString() + ", max " + stats.maxAsString();
        out.printf(Locale.ROOT, "  %s: %s, %s, %,d bytes, nulls %s, %s%n", column.getPath().toDotString(),
            column.getPrimitiveType().getPrimitiveTypeName(), column.getCodec(), column.getTotalSize(),
            stats == null || !stats.isNumNullsSet() ? "?" : String.valueOf(stats.getNumNulls()), range);
      }
      rows += block.getRowCount();
    }
    out.printf(Locale.ROOT, "rows: %,d%n", rows);
  }
}
