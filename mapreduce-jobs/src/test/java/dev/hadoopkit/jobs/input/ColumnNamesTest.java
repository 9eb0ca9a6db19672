package dev.hadoopkit.jobs.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.movielens.Movie;
import dev.hadoopkit.formats.movielens.MovieCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ratings and movies files with the column names of the MovieLens database ({@code user_id}, {@code release_date},
 * an {@code id} key) as our Sqoop-compatible importer writes them, read by the jobs' readers.
 */
class ColumnNamesTest {

  private static final org.apache.hadoop.fs.Path FILE = new org.apache.hadoop.fs.Path("file:/data/ratings.parquet");

  @TempDir
  Path directory;

  private final Configuration conf = new Configuration();

  @Test
  void matchesIgnoringCaseAndUnderscores() throws IOException {
    assertEquals(List.of("user_id", "MOVIEID", "Rating"),
        ColumnNames.RATINGS.resolve(FILE, List.of("id", "Rating", "MOVIEID", "user_id", "rated_at")));
  }

  @Test
  void exactNameWinsOverALooseMatch() throws IOException {
    assertEquals(List.of("userId", "movieId", "rating"),
        ColumnNames.RATINGS.resolve(FILE, List.of("user_id", "userId", "movieId", "rating")));
  }

  @Test
  void twoLooseMatchesAreAnError() {
    IOException e = assertThrows(IOException.class,
        () -> ColumnNames.RATINGS.resolve(FILE, List.of("user_id", "USERID", "movieId", "rating")));
    assertTrue(e.getMessage().contains("columns user_id and USERID both stand for userId"), e.getMessage());
  }

  @Test
  void ratingsNeverTakeIdForAnId() {
    IOException e = assertThrows(IOException.class,
        () -> ColumnNames.RATINGS.resolve(FILE, List.of("id", "user_id", "rating", "rated_at")));
    assertEquals("Cannot read ratings from file:/data/ratings.parquet: no column movieId (columns found: id, user_id, "
        + "rating, rated_at); ratings need userId, movieId, rating, matched ignoring case and underscores (user_id is "
        + "userId). Rename the columns, or convert the file with formats convert --preset movielens-ratings.", e.getMessage());
  }

  @Test
  void moviesTakeIdOnlyWithoutAMovieIdColumn() throws IOException {
    assertEquals(List.of("id", "title", "release_date"),
        ColumnNames.MOVIES.resolve(FILE, List.of("id", "title", "release_date")));
    assertEquals(List.of("movie_id", "title", "releaseDate"),
        ColumnNames.MOVIES.resolve(FILE, List.of("id", "movie_id", "title", "releaseDate")));
    IOException e = assertThrows(IOException.class, () -> ColumnNames.MOVIES.resolve(FILE, List.of("key", "name")));
    assertTrue(e.getMessage().contains("no column movieId, title, releaseDate (columns found: key, name); movies need "
        + "movieId (or id), title, releaseDate"), e.getMessage());
  }

  /** The importer's ratings(id, user_id, movie_id, rating, rated_at): ids differ from user ids, so taking id shows. */
  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"PARQUET", "ORC", "AVRO"})
  void readsImportedRatingsColumns(FileFormat format) throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory.resolve("ratings." + format.extension()).toUri());
    List<Object[]> rows = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int userId = 1 + i % 97;
      int movieId = 1 + i % 389;
      int rating = 1 + i % 5;
      rows.add(new Object[] {100_000 + i, userId, movieId, rating, 874_965_758_000L + i});
      expected.add(RatingFiles.row(userId, movieId, rating));
    }
    RatingFiles.write(conf, file, format, RatingFiles.schema(List.of("id", "user_id", "movie_id", "rating", "rated_at"),
        List.of(Schema.Type.INT, Schema.Type.INT, Schema.Type.INT, Schema.Type.INT, Schema.Type.LONG)), rows);
    List<String> ratings = new ArrayList<>(RatingFiles.read(conf, file, 4096).ratings());
    Collections.sort(ratings);
    Collections.sort(expected);
    assertEquals(expected, ratings);
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"PARQUET", "ORC", "AVRO"})
  void missingRatingsColumnNamesFileFoundAndNeeded(FileFormat format) throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory.resolve("ratings." + format.extension()).toUri());
    List<Object[]> rows = List.<Object[]>of(new Object[] {1, 2, 3});
    RatingFiles.write(conf, file, format, RatingFiles.schema(List.of("id", "user_id", "rating"),
        List.of(Schema.Type.INT, Schema.Type.INT, Schema.Type.INT)), rows);
    IOException e = assertThrows(IOException.class, () -> RatingFiles.read(conf, file, Long.MAX_VALUE));
    assertTrue(e.getMessage().startsWith("Cannot read ratings from " + file + ": no column movieId (columns found: id, "
        + "user_id, rating); ratings need userId, movieId, rating"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"PARQUET", "ORC", "AVRO"})
  void readsImportedMoviesWithIdAndReleaseDate(FileFormat format) throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory.resolve("movies." + format.extension()).toUri());
    Schema date = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    Schema schema = SchemaBuilder.record("movie").fields()
        .name("id").type().intType().noDefault()
        .name("title").type().nullable().stringType().noDefault()
        .name("release_date").type(Schema.createUnion(Schema.create(Schema.Type.NULL), date)).withDefault(null)
        .endRecord();
    try (FileAppender appender = Formats.write(file).format(format).conf(conf).schema(schema).build()) {
      appender.add(movie(schema, 1, "Toy Story (1995)", LocalDate.of(1995, 1, 1)));
      appender.add(movie(schema, 51, "Legends of the Fall (1994)", null));
    }
    MovieCatalog.Builder builder = MovieCatalog.builder();
    MovieFiles.read(builder, conf, file, file.toString());
    MovieCatalog catalog = builder.build();
    assertEquals(2, catalog.size());
    assertEquals(new Movie(1, "Toy Story (1995)", LocalDate.of(1995, 1, 1)), catalog.find(1).orElseThrow());
    assertEquals("Legends of the Fall (1994)", catalog.titleOf(51));
  }

  private static GenericRecord movie(Schema schema, int id, String title, LocalDate releaseDate) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("id", id);
    record.put("title", title);
    record.put("release_date", releaseDate == null ? null : (int) releaseDate.toEpochDay());
    return record;
  }

  @Test
  void moviesWithoutATitleColumnFailNamingTheFile() throws Exception {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory.resolve("movies.parquet").toUri());
    RatingFiles.write(conf, file, FileFormat.PARQUET, RatingFiles.schema(List.of("id", "name"),
        List.of(Schema.Type.INT, Schema.Type.STRING)), List.<Object[]>of(new Object[] {1, "Toy Story (1995)"}));
    IOException e = assertThrows(IOException.class,
        () -> MovieFiles.read(MovieCatalog.builder(), conf, file, file.toString()));
    assertTrue(e.getMessage().startsWith("Cannot read movies from " + file + ": no column title, releaseDate (columns "
        + "found: id, name); movies need movieId (or id), title, releaseDate"), e.getMessage());
  }
}
