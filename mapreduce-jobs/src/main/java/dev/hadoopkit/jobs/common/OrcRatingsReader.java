package dev.hadoopkit.jobs.common;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.movielens.RatingParser;
import dev.hadoopkit.formats.orc.Orc;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.orc.Reader;
import org.apache.orc.TypeDescription;
import org.apache.orc.storage.ql.exec.vector.ColumnVector;
import org.apache.orc.storage.ql.exec.vector.DoubleColumnVector;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;

/**
 * Ratings from one split of an ORC file, straight from ORC's column vectors into the reusable
 * {@link RatingWritable}: only {@code userId, movieId, rating} are read, and no per-row record is built.
 */
final class OrcRatingsReader extends org.apache.hadoop.mapreduce.RecordReader<NullWritable, RatingWritable> {

  private final RatingWritable value = new RatingWritable();
  private Path file;
  private Reader reader;
  private org.apache.orc.RecordReader rows;
  private VectorizedRowBatch batch;
  private final int[] columns = new int[3];
  private int row;
  private long rowsRead;
  private org.apache.hadoop.mapreduce.Counter read;
  private org.apache.hadoop.mapreduce.Counter malformed;
  private boolean strict;

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    FileSplit fileSplit = (FileSplit) split;
    Configuration conf = context.getConfiguration();
    file = fileSplit.getPath();
    strict = conf.getBoolean(RatingsInputFormat.STRICT_KEY, false);
    read = context.getCounter(RatingsCounter.RATINGS_READ);
    malformed = context.getCounter(RatingsCounter.MALFORMED_LINES);
    reader = Orc.open(conf, file);
    TypeDescription type = reader.getSchema();
    List<String> names = type.getFieldNames();
    boolean[] include = new boolean[type.getMaximumId() + 1];
    include[0] = true;
    for (int i = 0; i < AnyFormatRatingsInputFormat.COLUMNS.size(); i++) {
      String name = AnyFormatRatingsInputFormat.COLUMNS.get(i);
      int index = names.indexOf(name);
      if (index < 0) {
        reader.close();
        throw new CorruptFileException(FileFormat.ORC, file, "no column " + name + " (columns: " + String.join(", ", names)
            + "); ratings need userId, movieId and rating", null);
      }
      TypeDescription.Category category = type.getChildren().get(index).getCategory();
      boolean numeric = category == TypeDescription.Category.INT || category == TypeDescription.Category.LONG
          || category == TypeDescription.Category.SHORT || category == TypeDescription.Category.BYTE
          || (i == 2 && (category == TypeDescription.Category.FLOAT || category == TypeDescription.Category.DOUBLE));
      if (!numeric) {
        reader.close();
        throw new CorruptFileException(FileFormat.ORC, file, "column " + name + " is " + category + ", expected a number", null);
      }
      columns[i] = index;
      include[type.getChildren().get(index).getId()] = true;
    }
    rows = reader.rows(reader.options().include(include).range(fileSplit.getStart(), fileSplit.getLength()).useSelected(false));
    batch = type.createRowBatch();
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    while (true) {
      if (row >= batch.size) {
        row = 0;
        if (!rows.nextBatch(batch) || batch.size == 0) {
          return false;
        }
      }
      int current = row++;
      rowsRead++;
      ColumnVector users = batch.cols[columns[0]];
      ColumnVector movies = batch.cols[columns[1]];
      ColumnVector stars = batch.cols[columns[2]];
      if (isNull(users, current) || isNull(movies, current) || isNull(stars, current)) {
        skip("a null userId, movieId or rating");
        continue;
      }
      double rating = stars instanceof DoubleColumnVector
          ? ((DoubleColumnVector) stars).vector[stars.isRepeating ? 0 : current]
          : ((LongColumnVector) stars).vector[stars.isRepeating ? 0 : current];
      if (rating < RatingParser.MIN_RATING || rating > RatingParser.MAX_RATING) {
        skip("rating " + rating + " is outside 0.5 to 5");
        continue;
      }
      value.set((int) ((LongColumnVector) users).vector[users.isRepeating ? 0 : current],
          (int) ((LongColumnVector) movies).vector[movies.isRepeating ? 0 : current], rating, 0L);
      read.increment(1);
      return true;
    }
  }

  private static boolean isNull(ColumnVector vector, int row) {
    return !vector.noNulls && vector.isNull[vector.isRepeating ? 0 : row];
  }

  private void skip(String reason) throws IOException {
    malformed.increment(1);
    if (strict) {
      throw new IOException("Malformed rating in " + file + " (ORC, row " + rowsRead + " of the split): " + reason
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
  public float getProgress() throws IOException {
    return rows == null ? 0f : rows.getProgress();
  }

  @Override
  public void close() throws IOException {
    try {
      if (rows != null) {
        rows.close();
      }
    } finally {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
