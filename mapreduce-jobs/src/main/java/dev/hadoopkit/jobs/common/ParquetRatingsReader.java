package dev.hadoopkit.jobs.common;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.movielens.RatingParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Ratings from the row groups of one split of a Parquet file, read column by column with parquet-column's
 * {@link ColumnReader}s into the reusable {@link RatingWritable}: only {@code userId, movieId, rating} are
 * read, and no per-row record is assembled.
 */
final class ParquetRatingsReader extends org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingWritable> {

  private final RatingWritable value = new RatingWritable();
  private Path file;
  private ParquetFileReader reader;
  private MessageType projection;
  private String createdBy;
  private ColumnDescriptor[] descriptors;
  private ColumnReader[] columns;
  private long rowsLeft;
  private long rowsRead;
  private long totalRows;
  private org.apache.hadoop.mapreduce.Counter read;
  private org.apache.hadoop.mapreduce.Counter malformed;
  private boolean strict;
  private final double[] values = new double[3];

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    FileSplit fileSplit = (FileSplit) split;
    Configuration conf = context.getConfiguration();
    file = fileSplit.getPath();
    strict = conf.getBoolean(RatingsInputFormat.STRICT_KEY, false);
    read = context.getCounter(RatingsCounter.RATINGS_READ);
    malformed = context.getCounter(RatingsCounter.MALFORMED_LINES);
    try {
      reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf), HadoopReadOptions.builder(conf)
          .withRange(fileSplit.getStart(), fileSplit.getStart() + fileSplit.getLength()).build());
    } catch (IOException | RuntimeException e) {
      throw new CorruptFileException(FileFormat.PARQUET, file, CorruptFileException.reason(e), e);
    }
    MessageType schema = reader.getFooter().getFileMetaData().getSchema();
    createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    List<Type> fields = new ArrayList<>();
    for (int i = 0; i < AnyFormatRatingsInputFormat.COLUMNS.size(); i++) {
      String name = AnyFormatRatingsInputFormat.COLUMNS.get(i);
      if (!schema.containsField(name) || !schema.getType(name).isPrimitive()) {
        reader.close();
        throw new CorruptFileException(FileFormat.PARQUET, file, "no primitive column " + name
            + "; ratings need userId, movieId and rating", null);
      }
      PrimitiveType.PrimitiveTypeName type = schema.getType(name).asPrimitiveType().getPrimitiveTypeName();
      boolean numeric = type == PrimitiveType.PrimitiveTypeName.INT32 || type == PrimitiveType.PrimitiveTypeName.INT64
          || (i == 2 && (type == PrimitiveType.PrimitiveTypeName.FLOAT || type == PrimitiveType.PrimitiveTypeName.DOUBLE));
      if (!numeric) {
        reader.close();
        throw new CorruptFileException(FileFormat.PARQUET, file, "column " + name + " is " + type + ", expected a number", null);
      }
      fields.add(schema.getType(name));
    }
    projection = new MessageType(schema.getName(), fields);
    reader.setRequestedSchema(projection);
    descriptors = new ColumnDescriptor[fields.size()];
    for (int i = 0; i < descriptors.length; i++) {
      descriptors[i] = projection.getColumnDescription(new String[] {fields.get(i).getName()});
    }
    totalRows = reader.getFilteredRecordCount();
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    while (true) {
      if (rowsLeft == 0 && !nextRowGroup()) {
        return false;
      }
      rowsLeft--;
      rowsRead++;
      boolean isNull = false;
      for (int i = 0; i < 3; i++) {
        ColumnReader column = columns[i];
        if (column.getCurrentDefinitionLevel() < descriptors[i].getMaxDefinitionLevel()) {
          isNull = true;
        } else {
          switch (descriptors[i].getPrimitiveType().getPrimitiveTypeName()) {
            case INT32:
              values[i] = column.getInteger();
              break;
            case INT64:
              values[i] = column.getLong();
              break;
            case FLOAT:
              values[i] = column.getFloat();
              break;
            default:
              values[i] = column.getDouble();
          }
        }
        column.consume();
      }
      if (isNull) {
        skip("a null userId, movieId or rating");
        continue;
      }
      if (values[2] < RatingParser.MIN_RATING || values[2] > RatingParser.MAX_RATING) {
        skip("rating " + values[2] + " is outside 0.5 to 5");
        continue;
      }
      value.set((int) values[0], (int) values[1], values[2], 0L);
      read.increment(1);
      return true;
    }
  }

  private boolean nextRowGroup() throws IOException {
    PageReadStore pages;
    try {
      pages = reader.readNextFilteredRowGroup();
    } catch (IOException | RuntimeException e) {
      throw new CorruptFileException(FileFormat.PARQUET, file, CorruptFileException.reason(e), e);
    }
    if (pages == null) {
      return false;
    }
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new GroupRecordConverter(projection).getRootConverter(),
        projection, createdBy);
    columns = new ColumnReader[descriptors.length];
    for (int i = 0; i < descriptors.length; i++) {
      columns[i] = store.getColumnReader(descriptors[i]);
    }
    rowsLeft = pages.getRowCount();
    return rowsLeft > 0 || nextRowGroup();
  }

  private void skip(String reason) throws IOException {
    malformed.increment(1);
    if (strict) {
      throw new IOException("Malformed rating in " + file + " (Parquet, row " + rowsRead + " of the split): " + reason
          + ". Fix the data, or run without --strict to skip such rows.");
    }
  }

  @Override
  public NullWritable getCurrentKey() {
    return NullWritable.get();
  }

  @Override
  public RatingWritable getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() {
    return totalRows == 0 ? 1f : Math.min(1f, rowsRead / (float) totalRows);
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
