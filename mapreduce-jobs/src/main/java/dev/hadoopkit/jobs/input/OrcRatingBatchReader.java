package dev.hadoopkit.jobs.input;

import dev.hadoopkit.formats.io.CorruptFileException;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.orc.Orc;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.orc.Reader;
import org.apache.orc.TypeDescription;
import org.apache.orc.storage.ql.exec.vector.ColumnVector;
import org.apache.orc.storage.ql.exec.vector.DoubleColumnVector;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;

/**
 * Ratings from the stripes of one split of an ORC file (stripes starting in the split), a
 * {@link VectorizedRowBatch} at a time copied into a {@link RatingBatch}: ORC decodes only the user id, movie id and
 * rating columns (by name, see {@link ColumnNames#RATINGS}), and no per-row object is made. Rows with a null in one
 * of them, or a rating outside 0.5 to 5, are skipped and counted as malformed ({@link MalformedRows}).
 */
final class OrcRatingBatchReader extends RatingBatchReader implements PositionedReader {

  private static final String[] NAMES = {"userId", "movieId", "rating"};

  private final int[] columns = new int[3];
  private final double[] widened = new double[RatingBatch.CAPACITY];
  private Reader reader;
  private org.apache.orc.RecordReader rows;
  private VectorizedRowBatch vectors;
  private MalformedRows malformed;
  private Counter read;
  private long rowsBefore;

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    FileSplit fileSplit = (FileSplit) split;
    Configuration conf = context.getConfiguration();
    Path file = fileSplit.getPath();
    read = context.getCounter(RatingsCounter.RATINGS_READ);
    reader = Orc.open(conf, file, CountedReadsFileSystem.of(conf, file, context.getCounter(RatingsCounter.COLUMNAR_BYTES_READ)));
    try {
      TypeDescription schema = reader.getSchema();
      List<String> names = schema.getFieldNames();
      List<String> chosen = ColumnNames.RATINGS.resolve(file, names);
      boolean[] include = new boolean[schema.getMaximumId() + 1];
      include[0] = true;
      for (int i = 0; i < columns.length; i++) {
        int index = names.indexOf(chosen.get(i));
        TypeDescription type = schema.getChildren().get(index);
        if (!isInteger(type.getCategory()) && !(i == 2 && isFloating(type.getCategory()))) {
          throw new CorruptFileException(FileFormat.ORC, file, "column " + chosen.get(i) + " (" + NAMES[i] + ") is "
              + type + ", expected " + (i == 2 ? "an integer or floating point number" : "an integer"), null);
        }
        columns[i] = index;
        include[type.getId()] = true;
      }
      rows = reader.rows(reader.options().include(include).range(fileSplit.getStart(), fileSplit.getLength())
          .useSelected(false));
      vectors = schema.createRowBatch(RatingBatch.CAPACITY);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
    malformed = new MalformedRows(context, file, FileFormat.ORC.displayName());
  }

  private static boolean isInteger(TypeDescription.Category category) {
    return category == TypeDescription.Category.BYTE || category == TypeDescription.Category.SHORT
        || category == TypeDescription.Category.INT || category == TypeDescription.Category.LONG;
  }

  private static boolean isFloating(TypeDescription.Category category) {
    return category == TypeDescription.Category.FLOAT || category == TypeDescription.Category.DOUBLE;
  }

  @Override
  public String position() {
    if (rows == null) {
      return "";
    }
    try {
      long row = rows.getRowNumber();
      long first = 0;
      int index = 0;
      for (org.apache.orc.StripeInformation stripe : reader.getStripes()) {
        if (row < first + stripe.getNumberOfRows()) {
          return String.format(java.util.Locale.ROOT, "stripe %d at byte %,d, near row %,d", index, stripe.getOffset(), row + 1);
        }
        first += stripe.getNumberOfRows();
        index++;
      }
      return String.format(java.util.Locale.ROOT, "rows after %,d", row);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The next ORC batch with a usable row, copied; false at the end of the split. */
  @Override
  public boolean nextKeyValue() throws IOException {
    while (rows.nextBatch(vectors)) {
      int size = copy();
      rowsBefore += vectors.size;
      if (size > 0) {
        batch.setSize(size);
        read.increment(size);
        return true;
      }
    }
    batch.setSize(0);
    return false;
  }

  /** Copies the ORC batch's rows into {@link #batch}, leaving out malformed ones; returns how many were kept. */
  private int copy() throws IOException {
    return copy(vectors.cols[columns[0]], vectors.cols[columns[1]], vectors.cols[columns[2]], vectors.size, batch,
        widened, (index, reason) -> malformed.skip(rowsBefore + index + 1, reason));
  }

  /** Where {@link #copy(ColumnVector, ColumnVector, ColumnVector, int, RatingBatch, double[], Skipper)} reports a row it leaves out. */
  @FunctionalInterface
  interface Skipper {
    /** Row {@code index} (0-based, in the ORC batch) is left out for {@code reason}. */
    void skip(int index, String reason) throws IOException;
  }

  /**
   * Copies rows {@code 0 <= i < n} of ORC's vectors (user and movie ids as {@link LongColumnVector}, the rating as
   * a {@link DoubleColumnVector} or {@link LongColumnVector}) into {@code batch}, honouring {@code isRepeating} and
   * {@code noNulls}/{@code isNull}, and leaving out rows with a null or a rating outside 0.5 to 5. Returns how many
   * rows were kept. {@code widened} holds at least {@code n} doubles, for an integer rating column.
   */
  static int copy(ColumnVector users, ColumnVector movies, ColumnVector stars, int n, RatingBatch batch,
      double[] widened, Skipper skipper) throws IOException {
    double[] ratings = ratings(stars, n, widened);
    // A repeating vector holds one value (and null flag) for every row, at index 0: index i * step covers both.
    int userStep = users.isRepeating ? 0 : 1;
    int movieStep = movies.isRepeating ? 0 : 1;
    int ratingStep = stars.isRepeating ? 0 : 1;
    long[] userValues = ((LongColumnVector) users).vector;
    long[] movieValues = ((LongColumnVector) movies).vector;
    int[] userIds = batch.userIdColumn();
    int[] movieIds = batch.movieIdColumn();
    double[] ratingValues = batch.ratingColumn();
    boolean nulls = !users.noNulls || !movies.noNulls || !stars.noNulls;
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (nulls) {
        String column = nullColumn(users, movies, stars, i);
        if (column != null) {
          skipper.skip(i, "null " + column);
          continue;
        }
      }
      double rating = ratings[i * ratingStep];
      if (!MalformedRows.isRating(rating)) {
        skipper.skip(i, "rating " + rating + " is outside 0.5 to 5");
        continue;
      }
      userIds[size] = (int) userValues[i * userStep];
      movieIds[size] = (int) movieValues[i * movieStep];
      ratingValues[size] = rating;
      size++;
    }
    return size;
  }

  /** The rating column as doubles: a double vector as it is, an integer one widened (one value if repeating). */
  private static double[] ratings(ColumnVector stars, int n, double[] widened) {
    if (stars instanceof DoubleColumnVector doubles) {
      return doubles.vector;
    }
    long[] values = ((LongColumnVector) stars).vector;
    int count = stars.isRepeating ? 1 : n;
    for (int i = 0; i < count; i++) {
      widened[i] = values[i];
    }
    return widened;
  }

  /** The first of the three columns that is null in row {@code row}, or null when none is. */
  private static String nullColumn(ColumnVector users, ColumnVector movies, ColumnVector stars, int row) {
    if (isNull(users, row)) {
      return NAMES[0];
    }
    if (isNull(movies, row)) {
      return NAMES[1];
    }
    return isNull(stars, row) ? NAMES[2] : null;
  }

  private static boolean isNull(ColumnVector vector, int row) {
    return !vector.noNulls && vector.isNull[vector.isRepeating ? 0 : row];
  }

  @Override
  public float getProgress() throws IOException {
    return rows == null ? 0f : rows.getProgress();
  }

  @Override
  public void close() throws IOException {
    try (Reader openReader = reader; MalformedRows log = malformed) {
      if (rows != null) {
        rows.close();
      }
    }
  }
}
