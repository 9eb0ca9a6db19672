package dev.hadoopkit.jobs.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.orc.Orc;
import dev.hadoopkit.formats.parquet.Parquet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.Reader;
import org.apache.orc.storage.ql.exec.vector.ColumnVector;
import org.apache.orc.storage.ql.exec.vector.DoubleColumnVector;
import org.apache.orc.storage.ql.exec.vector.LongColumnVector;
import org.apache.orc.storage.ql.exec.vector.VectorizedRowBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The column-at-a-time ORC and Parquet ratings readers against the rows written: nulls in each column, runs of
 * equal values (ORC's repeating vectors), a batch-long run of null ratings, ratings stored as int, long, float and
 * double, files of many stripes / row groups read in many splits. Each usable row must come out exactly once, each
 * other row be counted as malformed.
 */
class ColumnarRatingReadersTest {

  private static final int ROWS = 12_000;
  private static final int REPEATED_ROWS = 5_000;
  private static final int NULL_RATING_ROWS = 2_100;

  @TempDir
  Path directory;

  private final Configuration conf = new Configuration();

  static Stream<Arguments> formatsAndRatingTypes() {
    List<Arguments> arguments = new ArrayList<>();
    for (FileFormat format : List.of(FileFormat.ORC, FileFormat.PARQUET)) {
      for (Schema.Type type : List.of(Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE)) {
        arguments.add(Arguments.of(format, type));
      }
    }
    return arguments.stream();
  }

  /** The rows written, and what a reader must give for them. */
  private record Data(List<Object[]> rows, List<String> usable, long malformed) {
  }

  /**
   * {@link #REPEATED_ROWS} rows of one user and one rating, then {@link #NULL_RATING_ROWS} rows with no rating, then
   * random rows with about 2% nulls per column and some ratings out of range.
   */
  private static Data data(Schema.Type idType, Schema.Type ratingType, long seed) {
    Random random = new Random(seed);
    boolean whole = ratingType == Schema.Type.INT || ratingType == Schema.Type.LONG;
    List<Object[]> rows = new ArrayList<>();
    List<String> usable = new ArrayList<>();
    long malformed = 0;
    for (int i = 0; i < ROWS; i++) {
      Integer userId = 7;
      if (i >= REPEATED_ROWS) {
        userId = random.nextInt(50) == 0 ? null : Integer.valueOf(1 + random.nextInt(900));
      }
      Integer movieId = 1 + random.nextInt(1600);
      if (i >= REPEATED_ROWS + NULL_RATING_ROWS && random.nextInt(50) == 0) {
        movieId = null;
      }
      Double rating;
      if (i < REPEATED_ROWS) {
        rating = 4.0;
      } else if (i < REPEATED_ROWS + NULL_RATING_ROWS) {
        rating = null;
      } else if (random.nextInt(50) == 0) {
        rating = null;
      } else if (random.nextInt(100) == 0) {
        rating = random.nextBoolean() ? 0.0 : 9.0;
      } else {
        rating = whole ? 1 + random.nextInt(5) : (1 + random.nextInt(10)) / 2.0;
      }
      rows.add(new Object[] {id(userId, idType), id(movieId, idType), rating(rating, ratingType)});
      if (userId == null || movieId == null || rating == null || rating < 0.5 || rating > 5) {
        malformed++;
      } else {
        usable.add(RatingFiles.row(userId, movieId, rating));
      }
    }
    Collections.sort(usable);
    return new Data(rows, usable, malformed);
  }

  private static Object id(Integer value, Schema.Type type) {
    return value == null ? null : type == Schema.Type.LONG ? (Object) value.longValue() : value;
  }

  private static Object rating(Double value, Schema.Type type) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case INT:
        return value.intValue();
      case LONG:
        return value.longValue();
      case FLOAT:
        return value.floatValue();
      default:
        return value;
    }
  }

  @ParameterizedTest(name = "{0}, rating {1}")
  @MethodSource("formatsAndRatingTypes")
  void readsEveryUsableRowOnceAcrossSplitsAndCountsTheRest(FileFormat format, Schema.Type ratingType) throws Exception {
    Schema.Type idType = ratingType == Schema.Type.LONG ? Schema.Type.LONG : Schema.Type.INT;
    Data data = data(idType, ratingType, 11);
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory.resolve("ratings." + format.extension()).toUri());
    RatingFiles.write(conf, file, format, RatingFiles.schema(List.of("userId", "movieId", "rating", "timestamp"),
        List.of(idType, idType, ratingType, Schema.Type.LONG)), withTimestamps(data.rows()));
    assertTrue(groups(format, file) > 3, "the file should hold several stripes / row groups, has " + groups(format, file));

    for (long splitSize : new long[] {Long.MAX_VALUE, 4096, 1500}) {
      RatingFiles.Read read = RatingFiles.read(conf, file, splitSize);
      List<String> ratings = new ArrayList<>(read.ratings());
      Collections.sort(ratings);
      assertEquals(data.usable(), ratings, "split size " + splitSize);
      assertEquals(data.usable().size(), read.read(), "ratings read counter, split size " + splitSize);
      assertEquals(data.malformed(), read.malformed(), "malformed counter, split size " + splitSize);
      if (splitSize < 5000) {
        assertTrue(read.splits() > 3, "expected several splits, got " + read.splits());
      }
    }
  }

  private static List<Object[]> withTimestamps(List<Object[]> rows) {
    List<Object[]> result = new ArrayList<>();
    long timestamp = 874_965_758L;
    for (Object[] row : rows) {
      result.add(new Object[] {row[0], row[1], row[2], timestamp++});
    }
    return result;
  }

  private int groups(FileFormat format, org.apache.hadoop.fs.Path file) throws IOException {
    if (format == FileFormat.PARQUET) {
      return Parquet.footer(conf, file).getBlocks().size();
    }
    try (Reader reader = Orc.open(conf, file)) {
      return reader.getStripes().size();
    }
  }

  /** The data of the test above does make ORC hand out repeating vectors, with values and with nulls. */
  @Test
  void orcFileOfTheTestHasRepeatingVectors() throws Exception {
    Data data = data(Schema.Type.INT, Schema.Type.DOUBLE, 11);
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory.resolve("ratings.orc").toUri());
    RatingFiles.write(conf, file, FileFormat.ORC, RatingFiles.schema(List.of("userId", "movieId", "rating"),
        List.of(Schema.Type.INT, Schema.Type.INT, Schema.Type.DOUBLE)), data.rows());
    boolean repeatingUser = false;
    boolean repeatingRating = false;
    boolean repeatingNullRating = false;
    try (Reader reader = Orc.open(conf, file); org.apache.orc.RecordReader rows = reader.rows()) {
      VectorizedRowBatch batch = reader.getSchema().createRowBatch(RatingBatch.CAPACITY);
      while (rows.nextBatch(batch)) {
        ColumnVector users = batch.cols[0];
        ColumnVector ratings = batch.cols[2];
        repeatingUser |= users.isRepeating && users.noNulls;
        repeatingRating |= ratings.isRepeating && ratings.noNulls;
        repeatingNullRating |= ratings.isRepeating && !ratings.noNulls && ratings.isNull[0];
      }
    }
    assertTrue(repeatingUser, "no repeating userId vector");
    assertTrue(repeatingRating, "no repeating rating vector");
    assertTrue(repeatingNullRating, "no repeating null rating vector");
    RatingFiles.Read read = RatingFiles.read(conf, file, 2048);
    List<String> ratings = new ArrayList<>(read.ratings());
    Collections.sort(ratings);
    assertEquals(data.usable(), ratings);
    assertEquals(data.malformed(), read.malformed());
  }

  /**
   * ORC's vector contract, with vectors made by hand: a repeating vector's value and null flag are at index 0 only
   * (the rest here is garbage that must not be read), a vector with noNulls has meaningless isNull flags.
   */
  @Test
  void orcCopyHonoursRepeatingAndNullFlags() throws IOException {
    int n = 6;
    LongColumnVector users = new LongColumnVector(RatingBatch.CAPACITY);
    users.fill(7);
    java.util.Arrays.fill(users.vector, 1, n, -1);
    LongColumnVector movies = new LongColumnVector(RatingBatch.CAPACITY);
    for (int i = 0; i < n; i++) {
      movies.vector[i] = 100 + i;
    }
    movies.noNulls = false;
    movies.isNull[2] = true;
    DoubleColumnVector doubles = new DoubleColumnVector(RatingBatch.CAPACITY);
    doubles.fill(4.5);
    java.util.Arrays.fill(doubles.vector, 1, n, 99.0);
    // noNulls: these flags mean nothing.
    java.util.Arrays.fill(users.isNull, true);
    List<String> skipped = new ArrayList<>();
    RatingBatch batch = new RatingBatch();
    int size = OrcRatingBatchReader.copy(users, movies, doubles, n, batch, new double[RatingBatch.CAPACITY],
        (index, reason) -> skipped.add(index + ": " + reason));
    assertEquals(List.of("2: null movieId"), skipped);
    assertEquals(5, size);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      rows.add(RatingFiles.row(batch.userId(i), batch.movieId(i), batch.rating(i)));
    }
    assertEquals(List.of("7,100,4.5", "7,101,4.5", "7,103,4.5", "7,104,4.5", "7,105,4.5"), rows);

    LongColumnVector wholeStars = new LongColumnVector(RatingBatch.CAPACITY);
    wholeStars.fill(3);
    java.util.Arrays.fill(wholeStars.vector, 1, n, 0);
    movies.noNulls = true;
    assertEquals(n, OrcRatingBatchReader.copy(users, movies, wholeStars, n, batch, new double[RatingBatch.CAPACITY],
        (index, reason) -> skipped.add(index + ": " + reason)));
    assertEquals(3.0, batch.rating(n - 1));

    LongColumnVector nullStars = new LongColumnVector(RatingBatch.CAPACITY);
    nullStars.noNulls = false;
    nullStars.isRepeating = true;
    nullStars.isNull[0] = true;
    nullStars.vector[1] = 4;
    skipped.clear();
    assertEquals(0, OrcRatingBatchReader.copy(users, movies, nullStars, 3, batch, new double[RatingBatch.CAPACITY],
        (index, reason) -> skipped.add(index + ": " + reason)));
    assertEquals(List.of("0: null rating", "1: null rating", "2: null rating"), skipped);
  }

  /** The bytes-read counter shows the projection: a wide column the job does not need is not read. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = FileFormat.class, names = {"PARQUET", "ORC"})
  void countsTheBytesOfTheProjectedColumnsOnly(FileFormat format) throws Exception {
    Random random = new Random(5);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      byte[] comment = new byte[200];
      for (int j = 0; j < comment.length; j++) {
        comment[j] = (byte) ('a' + random.nextInt(26));
      }
      rows.add(new Object[] {1 + random.nextInt(900), 1 + random.nextInt(1600), 1 + random.nextInt(5),
          new String(comment, java.nio.charset.StandardCharsets.US_ASCII)});
    }
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory.resolve("wide." + format.extension()).toUri());
    RatingFiles.write(conf, file, format, RatingFiles.schema(List.of("userId", "movieId", "rating", "comment"),
        List.of(Schema.Type.INT, Schema.Type.INT, Schema.Type.INT, Schema.Type.STRING)), rows);
    long size = file.getFileSystem(conf).getFileStatus(file).getLen();
    // One split: each split reads the file's footer again.
    RatingFiles.Read read = RatingFiles.read(conf, file, Long.MAX_VALUE);
    assertEquals(3000, read.read());
    assertTrue(read.bytesRead() > 0 && read.bytesRead() < size / 4,
        "read " + read.bytesRead() + " bytes of a " + size + "-byte file");
  }

  /**
   * Parquet pages of every kind the decoder meets: v1 and v2 data pages, dictionary-encoded and PLAIN values, and
   * v2's delta encoding of integers without a dictionary (decoded through parquet-column's reader).
   */
  @ParameterizedTest(name = "{0}, dictionary {1}, rating {2}")
  @MethodSource("parquetPageKinds")
  void readsParquetPagesOfEveryKind(String writerVersion, boolean dictionary, Schema.Type ratingType) throws Exception {
    Data data = data(Schema.Type.INT, ratingType, 17);
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory.resolve("pages.parquet").toUri());
    RatingFiles.write(conf, file, FileFormat.PARQUET, RatingFiles.schema(List.of("userId", "movieId", "rating"),
        List.of(Schema.Type.INT, Schema.Type.INT, ratingType)), data.rows(),
        java.util.Map.of("parquet.writer.version", writerVersion, "parquet.enable.dictionary", String.valueOf(dictionary)));
    RatingFiles.Read read = RatingFiles.read(conf, file, 4096);
    List<String> ratings = new ArrayList<>(read.ratings());
    Collections.sort(ratings);
    assertEquals(data.usable(), ratings);
    assertEquals(data.malformed(), read.malformed());
  }

  static Stream<Arguments> parquetPageKinds() {
    List<Arguments> arguments = new ArrayList<>();
    for (String version : List.of("v1", "v2")) {
      for (boolean dictionary : List.of(true, false)) {
        arguments.add(Arguments.of(version, dictionary, Schema.Type.INT));
        arguments.add(Arguments.of(version, dictionary, Schema.Type.DOUBLE));
      }
    }
    return arguments.stream();
  }
}
