package dev.hadoopkit.formats.parquet;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes the rows of a flat schema (top-level primitive fields, none repeated) straight into parquet-mr's column
 * writers, row group by row group, as {@code ParquetWriter} does but without its record consumer: a flat row needs no
 * field bookkeeping, only one {@code write(value, 0, definitionLevel)} per column. The pieces are parquet-mr's own
 * (file writer, column store, page store, codec factory) with the properties, row group size and footer
 * {@code ParquetWriter} would use, so the file is byte for byte the one parquet-avro writes for the same rows
 * ({@code RowAppenderTest}); only the per-value calls are cheaper.
 */
final class FlatRowGroupWriter {
  private final MessageType schema;
  private final ParquetProperties properties;
  private final ParquetFileWriter file;
  private final CodecFactory codecs;
  private final CompressionCodecFactory.BytesInputCompressor compressor;
  private final Map<String, String> footer;
  private final long rowGroupSize;
  private final int[] presentLevels;

  private ColumnWriteStore columns;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriter[] writers;
  private long nextRowGroupSize;
  private long rows;
  private long rowsForNextSizeCheck;
  private int rowGroupOrdinal;

  FlatRowGroupWriter(OutputFile output, MessageType schema, Map<String, String> footer, String writerModel,
      Configuration conf, CompressionCodecName codec) throws IOException {
    this.schema = schema;
    this.properties = Parquet.properties(conf);
    this.rowGroupSize = Parquet.rowGroupSize(conf);
    this.nextRowGroupSize = rowGroupSize;
    List<ColumnDescriptor> descriptors = schema.getColumns();
    this.presentLevels = new int[descriptors.size()];
    for (int i = 0; i < presentLevels.length; i++) {
      ColumnDescriptor column = descriptors.get(i);
      if (column.getPath().length != 1 || column.getMaxRepetitionLevel() != 0) {
        throw new IllegalArgumentException("Not a flat schema: column " + String.join(".", column.getPath())
            + " is nested or repeated");
      }
      presentLevels[i] = column.getMaxDefinitionLevel();
    }
    this.footer = new HashMap<>(footer);
    this.footer.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, writerModel);
    this.file = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.CREATE, rowGroupSize,
        ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, properties);
    this.codecs = new CodecFactory(conf, properties.getPageSizeThreshold());
    this.compressor = codecs.getCompressor(codec);
    file.start();
    startRowGroup();
    rowsForNextSizeCheck = properties.getMinRowCountForPageSizeCheck();
  }

  private void startRowGroup() {
    pages = ColumnChunkPageWriteStore.builder()
        .withCompressorProvider(column -> compressor)
        .withSchema(schema)
        .withAllocator(properties.getAllocator())
        .withColumnIndexTruncateLength(properties.getColumnIndexTruncateLength())
        .withPageWriteChecksumEnabled(properties.getPageWriteChecksumEnabled())
        .withRowGroupOrdinal(rowGroupOrdinal)
        .build();
    columns = properties.newColumnWriteStore(schema, pages, pages);
    List<ColumnDescriptor> descriptors = schema.getColumns();
    writers = new ColumnWriter[descriptors.size()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = columns.getColumnWriter(descriptors.get(i));
    }
  }

  void writeNull(int column) {
    writers[column].writeNull(0, 0);
  }

  void writeBoolean(int column, boolean value) {
    writers[column].write(value, 0, presentLevels[column]);
  }

  void writeInt(int column, int value) {
    writers[column].write(value, 0, presentLevels[column]);
  }

  void writeLong(int column, long value) {
    writers[column].write(value, 0, presentLevels[column]);
  }

  void writeFloat(int column, float value) {
    writers[column].write(value, 0, presentLevels[column]);
  }

  void writeDouble(int column, double value) {
    writers[column].write(value, 0, presentLevels[column]);
  }

  void writeBinary(int column, Binary value) {
    writers[column].write(value, 0, presentLevels[column]);
  }

  /** Ends the row whose columns were all written; flushes the row group when it reaches its size, as ParquetWriter. */
  void endRow() throws IOException {
    columns.endRecord();
    rows++;
    if (rows >= properties.getRowGroupRowCountLimit()) {
      flushRowGroup();
      startRowGroup();
      rowsForNextSizeCheck = nextCheckAfterFlush();
    } else if (rows >= rowsForNextSizeCheck) {
      // Measuring the buffered size walks every column: only every so many rows, as ParquetWriter does.
      long buffered = columns.getBufferedSize();
      long rowSize = buffered / rows;
      if (buffered > nextRowGroupSize - 2 * rowSize) {
        flushRowGroup();
        startRowGroup();
        rowsForNextSizeCheck = nextCheckAfterFlush();
      } else {
        rowsForNextSizeCheck = Math.min(
            Math.max(properties.getMinRowCountForPageSizeCheck(), (rows + (long) (nextRowGroupSize / ((float) rowSize))) / 2),
            rows + properties.getMaxRowCountForPageSizeCheck());
      }
    }
  }

  /** As ParquetWriter: half the new group's row count (none yet), bounded by the check interval. */
  private long nextCheckAfterFlush() {
    return Math.min(properties.getMinRowCountForPageSizeCheck(), properties.getMaxRowCountForPageSizeCheck());
  }

  private void flushRowGroup() throws IOException {
    try {
      if (rows > 0) {
        rowGroupOrdinal++;
        file.startBlock(rows);
        columns.flush();
        pages.flushToFileWriter(file);
        rows = 0;
        file.endBlock();
        nextRowGroupSize = Math.min(file.getNextRowGroupSize(), rowGroupSize);
      }
    } finally {
      columns.close();
      pages.close();
    }
  }

  /** Writes the last row group and the footer, and closes the file. */
  void close() throws IOException {
    try {
      flushRowGroup();
      file.end(footer);
      file.close();
    } catch (IOException | RuntimeException e) {
      file.abort();
      try {
        file.close();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed); // the first failure is the one to report
      }
      throw e;
    } finally {
      codecs.release();
    }
  }
}
