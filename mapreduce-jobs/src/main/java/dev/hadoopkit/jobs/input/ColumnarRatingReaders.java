package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.io.FileFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordReader;

/**
 * The jobs' fast path per binary format, in one table: a reader that fills {@link RatingBatch} columns straight from
 * the format's column vectors or pages. A format without one (Avro, or a new format that has only its storage-formats
 * model) is read row by row through that model, so registering one here is optional.
 */
final class ColumnarRatingReaders {

  private static final Map<FileFormat, Supplier<RecordReader<NullWritable, RatingBatch>>> READERS = table();

  private ColumnarRatingReaders() {
  }

  private static Map<FileFormat, Supplier<RecordReader<NullWritable, RatingBatch>>> table() {
    Map<FileFormat, Supplier<RecordReader<NullWritable, RatingBatch>>> readers = new EnumMap<>(FileFormat.class);
    readers.put(FileFormat.ORC, OrcRatingBatchReader::new);
    readers.put(FileFormat.PARQUET, ParquetRatingBatchReader::new);
    return java.util.Collections.unmodifiableMap(readers);
  }

  /** A new columnar reader for the format, or empty when the format is read row by row. */
  static Optional<RecordReader<NullWritable, RatingBatch>> of(FileFormat format) {
    Supplier<RecordReader<NullWritable, RatingBatch>> reader = READERS.get(format);
    return reader == null ? Optional.empty() : Optional.of(reader.get());
  }
}
