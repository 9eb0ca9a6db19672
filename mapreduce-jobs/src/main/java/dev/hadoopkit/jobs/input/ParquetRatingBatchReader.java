package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;
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
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Ratings from the row groups of one split of a Parquet file (row groups whose midpoint is in the split), read a
 * column at a time into a {@link RatingBatch}: the user id, movie id and rating column chunks (by name, see
 * {@link ColumnNames#RATINGS}; the other columns are not read) are decoded a batch of values at a time by
 * {@link ParquetColumnDecoder}s (by parquet-column's {@link ColumnReader}s when a filter leaves only some rows of a
 * row group), with no record assembled. The ids may be INT32 or INT64, the rating INT32, INT64, FLOAT or DOUBLE. Rows with a null in one of
 * them, or a rating outside 0.5 to 5, are skipped and counted as malformed ({@link MalformedRows}).
 */
final class ParquetRatingBatchReader extends RatingBatchReader implements PositionedReader {

  private static final String[] NAMES = {"userId", "movieId", "rating"};

  private final int[] userIds = new int[RatingBatch.CAPACITY];
  private final int[] movieIds = new int[RatingBatch.CAPACITY];
  private final double[] ratings = new double[RatingBatch.CAPACITY];
  /** Per row of the batch being read: 0, or 1 + the index of the first null column. */
  private final byte[] nulls = new byte[RatingBatch.CAPACITY];
  private Path file;
  private ParquetFileReader reader;
  private MessageType projection;
  private String createdBy;
  private ColumnDescriptor[] descriptors;
  /** The current row group's columns: decoders, or column readers when the row group is filtered. */
  private ParquetColumnDecoder[] decoders;
  private ColumnReader[] columns;
  private long rowsLeftInGroup;
  /** The row group being read, counted in the split from 0; -1 before the first. */
  private int rowGroup = -1;
  private long rowsRead;
  private long totalRows;
  private MalformedRows malformed;
  private Counter read;

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    FileSplit fileSplit = (FileSplit) split;
    Configuration conf = context.getConfiguration();
    file = fileSplit.getPath();
    read = context.getCounter(RatingsCounter.RATINGS_READ);
    try {
      reader = ParquetFileReader.open(inputFile(conf, file, context.getCounter(RatingsCounter.COLUMNAR_BYTES_READ)), HadoopReadOptions.builder(conf)
          .withRange(fileSplit.getStart(), fileSplit.getStart() + fileSplit.getLength()).build());
    } catch (IOException | RuntimeException e) {
      throw new CorruptFileException(FileFormat.PARQUET, file, CorruptFileException.reason(e), e);
    }
    try {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      List<String> names = new ArrayList<>();
      for (Type field : schema.getFields()) {
        names.add(field.getName());
      }
      List<String> chosen = ColumnNames.RATINGS.resolve(file, names);
      List<Type> fields = new ArrayList<>();
      for (int i = 0; i < NAMES.length; i++) {
        Type field = schema.getType(chosen.get(i));
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED) || !isNumber(field, i == 2)) {
          throw new CorruptFileException(FileFormat.PARQUET, file, "column " + chosen.get(i) + " (" + NAMES[i] + ") is "
              + field + ", expected " + (i == 2 ? "an optional or required int32, int64, float or double"
              : "an optional or required int32 or int64"), null);
        }
        fields.add(field);
      }
      projection = new MessageType(schema.getName(), fields);
      reader.setRequestedSchema(projection);
      descriptors = new ColumnDescriptor[fields.size()];
      for (int i = 0; i < descriptors.length; i++) {
        descriptors[i] = projection.getColumnDescription(new String[] {fields.get(i).getName()});
      }
      totalRows = reader.getFilteredRecordCount();
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
    malformed = new MalformedRows(context, file, FileFormat.PARQUET.displayName());
  }

  /** The file, read through {@link CountedReadsFileSystem} so the task's byte counters see the column chunks. */
  private static InputFile inputFile(Configuration conf, Path file, Counter bytesRead) throws IOException {
    FileSystem fs = CountedReadsFileSystem.of(conf, file, bytesRead);
    long length = fs.getFileStatus(file).getLen();
    return new InputFile() {
      @Override
      public long getLength() {
        return length;
      }

      @Override
      public SeekableInputStream newStream() throws IOException {
        return HadoopStreams.wrap(fs.open(file));
      }

      @Override
      public String toString() {
        return file.toString();
      }
    };
  }

  private static boolean isNumber(Type field, boolean floatingAllowed) {
    PrimitiveTypeName type = field.asPrimitiveType().getPrimitiveTypeName();
    return type == PrimitiveTypeName.INT32 || type == PrimitiveTypeName.INT64
        || (floatingAllowed && (type == PrimitiveTypeName.FLOAT || type == PrimitiveTypeName.DOUBLE));
  }

  @Override
  public String position() {
    if (reader == null || rowGroup < 0 || rowGroup >= reader.getRowGroups().size()) {
      return "";
    }
    return String.format(java.util.Locale.ROOT, "row group at byte %,d, near row %,d of the split",
        reader.getRowGroups().get(rowGroup).getStartingPos(), rowsRead + 1);
  }

  /** Reads up to a batch of rows of the current row group, keeps the usable ones; false at the end of the split. */
  @Override
  public boolean nextKeyValue() throws IOException {
    while (rowsLeftInGroup > 0 || nextRowGroup()) {
      int n = (int) Math.min(RatingBatch.CAPACITY, rowsLeftInGroup);
      Arrays.fill(nulls, 0, n, (byte) 0);
      if (decoders != null) {
        decoders[0].readInts(userIds, nulls, (byte) 1, n);
        decoders[1].readInts(movieIds, nulls, (byte) 2, n);
        decoders[2].readDoubles(ratings, nulls, (byte) 3, n);
      } else {
        readIds(0, userIds, n);
        readIds(1, movieIds, n);
        readRatings(n);
      }
      int size = keep(n);
      rowsLeftInGroup -= n;
      rowsRead += n;
      if (size > 0) {
        batch.setSize(size);
        read.increment(size);
        return true;
      }
    }
    batch.setSize(0);
    return false;
  }

  private void readIds(int index, int[] values, int n) {
    ColumnReader column = columns[index];
    int maxDefinitionLevel = descriptors[index].getMaxDefinitionLevel();
    boolean int32 = descriptors[index].getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32;
    for (int i = 0; i < n; i++) {
      if (column.getCurrentDefinitionLevel() < maxDefinitionLevel) {
        markNull(i, index);
      } else {
        values[i] = int32 ? column.getInteger() : (int) column.getLong();
      }
      column.consume();
    }
  }

  private void readRatings(int n) {
    ColumnReader column = columns[2];
    int maxDefinitionLevel = descriptors[2].getMaxDefinitionLevel();
    PrimitiveTypeName type = descriptors[2].getPrimitiveType().getPrimitiveTypeName();
    for (int i = 0; i < n; i++) {
      if (column.getCurrentDefinitionLevel() < maxDefinitionLevel) {
        markNull(i, 2);
      } else {
        switch (type) {
          case DOUBLE -> ratings[i] = column.getDouble();
          case FLOAT -> ratings[i] = column.getFloat();
          case INT32 -> ratings[i] = column.getInteger();
          default -> ratings[i] = column.getLong();
        }
      }
      column.consume();
    }
  }

  private void markNull(int row, int column) {
    if (nulls[row] == 0) {
      nulls[row] = (byte) (column + 1);
    }
  }

  /** Moves the usable rows of the {@code n} read into {@link #batch}; returns how many. */
  private int keep(int n) throws IOException {
    int[] batchUsers = batch.userIdColumn();
    int[] batchMovies = batch.movieIdColumn();
    double[] batchRatings = batch.ratingColumn();
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (nulls[i] != 0) {
        malformed.skip(rowsRead + i + 1, "null " + NAMES[nulls[i] - 1]);
      } else if (!MalformedRows.isRating(ratings[i])) {
        malformed.skipRating(rowsRead + i + 1, ratings[i]);
      } else {
        batchUsers[size] = userIds[i];
        batchMovies[size] = movieIds[i];
        batchRatings[size] = ratings[i];
        size++;
      }
    }
    return size;
  }

  private boolean nextRowGroup() throws IOException {
    PageReadStore pages;
    do {
      try {
        rowGroup++;
        pages = reader.readNextFilteredRowGroup();
      } catch (IOException | RuntimeException e) {
        throw new CorruptFileException(FileFormat.PARQUET, file, CorruptFileException.reason(e), e);
      }
      if (pages == null) {
        return false;
      }
    } while (pages.getRowCount() == 0);
    rowsLeftInGroup = pages.getRowCount();
    if (pages.getRowIndexes().isEmpty() && isFlat()) {
      decoders = new ParquetColumnDecoder[descriptors.length];
      try {
        for (int i = 0; i < descriptors.length; i++) {
          decoders[i] = new ParquetColumnDecoder(descriptors[i], pages.getPageReader(descriptors[i]));
        }
      } catch (IOException | RuntimeException e) {
        throw new CorruptFileException(FileFormat.PARQUET, file, CorruptFileException.reason(e), e);
      }
      return true;
    }
    // A filtered row group (only some rows of its pages belong to it): parquet-column's readers skip the others.
    decoders = null;
    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new GroupRecordConverter(projection).getRootConverter(),
        projection, createdBy);
    columns = new ColumnReader[descriptors.length];
    for (int i = 0; i < descriptors.length; i++) {
      columns[i] = store.getColumnReader(descriptors[i]);
    }
    return true;
  }

  /** Whether every column is one the decoder takes: not repeated, at most one definition level. */
  private boolean isFlat() {
    for (ColumnDescriptor descriptor : descriptors) {
      if (descriptor.getMaxRepetitionLevel() != 0 || descriptor.getMaxDefinitionLevel() > 1) {
        return false;
      }
    }
    return true;
  }

  @Override
  public float getProgress() {
    return totalRows == 0 ? 1f : Math.min(1f, rowsRead / (float) totalRows);
  }

  @Override
  public void close() throws IOException {
    try (ParquetFileReader openReader = reader; MalformedRows log = malformed) {
      // both closed
    }
  }
}
