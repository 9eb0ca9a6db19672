package dev.hadoopkit.formats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hadoopkit.formats.bench.ConversionBench;
import dev.hadoopkit.formats.bench.ReferenceTool;
import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.schema.Preset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3's interoperability in both directions with the released reference tools from Maven Central, each run
 * as a separate JVM on its own classpath ({@link ReferenceTool}; module reference-tools): avro-tools 1.12.0,
 * parquet-cli 1.15.2 and orc-tools 2.1.2.
 *
 * <p>(a) Files written by {@code formats convert} (MovieLens presets: timestamp-millis ratings, movies with a
 * nullable date) are printed by the tool, and the values it prints are compared with the source text. (b) Files
 * written by the tool (avro-tools fromjson, parquet-cli convert-csv and convert, orc-tools convert from CSV and
 * JSON) are printed by {@code formats cat/count/schema}. Expected values are computed here from the source text
 * with plain string splitting and java.time, not with this module's parsers.
 */
class ReferenceToolsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter U_ITEM_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter ORC_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S");
  /** Tool JVMs: UTC (orc-tools prints timestamps in the JVM's zone), UTF-8 output, a quick start. */
  private static final List<String> TOOL_JVM = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
      "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8");

  @TempDir
  static Path data;

  static Path ratingsText;
  static Path moviesText;
  static List<Rating> ratings;
  static List<Movie> movies;

  @TempDir
  Path work;

  private final ToolConsole console = new ToolConsole();

  record Rating(int userId, int movieId, int rating, long seconds) {
  }

  /** releaseDate null when unknown. */
  record Movie(int movieId, String title, LocalDate releaseDate) {
  }

  @BeforeAll
  static void generate() throws IOException {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(2_000).users(60).movies(120).seed(11).build();
    ratingsText = data.resolve("u.data");
    try (OutputStream file = Files.newOutputStream(ratingsText)) {
      generator.writeRatings(file);
    }
    ratings = new ArrayList<>();
    for (String line : Files.readAllLines(ratingsText, StandardCharsets.US_ASCII)) {
      String[] fields = line.split("\t");
      ratings.add(new Rating(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
          Long.parseLong(fields[3])));
    }
    // The generator leaves a release date empty once in 200 movies: blank every fourth one so that nulls are
    // certain, and give one title a character outside ASCII (u.item is ISO-8859-1).
    ByteArrayOutputStream generated = new ByteArrayOutputStream();
    generator.writeMovies(generated);
    List<String> lines = new ArrayList<>();
    movies = new ArrayList<>();
    for (String line : generated.toString(StandardCharsets.ISO_8859_1).split("\n")) {
      String[] fields = line.split("\\|", -1);
      int id = Integer.parseInt(fields[0]);
      if (id % 4 == 0) {
        fields[2] = "";
      }
      if (id == 3) {
        fields[1] = "Amélie (2001)";
      }
      lines.add(String.join("|", fields));
      movies.add(new Movie(id, fields[1], fields[2].isEmpty() ? null : LocalDate.parse(fields[2], U_ITEM_DATE)));
    }
    moviesText = data.resolve("u.item");
    Files.write(moviesText, lines, StandardCharsets.ISO_8859_1);
    assertTrue(movies.stream().anyMatch(movie -> movie.releaseDate() == null));
    assertTrue(movies.stream().anyMatch(movie -> movie.releaseDate() != null));
  }

  // ---------------------------------------------------------------- (a) written here, read by the reference tool

  @Test
  void avroWrittenHereIsReadByAvroTools() throws Exception {
    Path ratingsAvro = convert(ratingsText, "ratings.avro", "avro", "movielens-ratings");
    Path moviesAvro = convert(moviesText, "movies.avro", "avro", "movielens-movies");

    List<JsonNode> ratingRows = jsonLines(tool(ReferenceTool.AVRO_TOOLS, "tojson", ratingsAvro.toString()));
    assertPrintedRatings(ratingRows, rating -> rating.seconds() * 1000L, row -> row.get("timestamp").longValue());

    List<JsonNode> movieRows = jsonLines(tool(ReferenceTool.AVRO_TOOLS, "tojson", moviesAvro.toString()));
    // The date as the union's int branch.
    assertPrintedMovies(movieRows, LocalDate::toEpochDay, date -> date.get("int").longValue());

    assertPrintedAvroSchemas(tool(ReferenceTool.AVRO_TOOLS, "getschema", ratingsAvro.toString()),
        tool(ReferenceTool.AVRO_TOOLS, "getschema", moviesAvro.toString()));
  }

  @Test
  void parquetWrittenHereIsReadByParquetCli() throws Exception {
    Path ratingsParquet = convert(ratingsText, "ratings.parquet", "parquet", "movielens-ratings");
    Path moviesParquet = convert(moviesText, "movies.parquet", "parquet", "movielens-movies");

    // parquet-cli cat prints each record as Avro's GenericRecord.toString, which is JSON.
    List<JsonNode> ratingRows = jsonLines(tool(ReferenceTool.PARQUET_CLI, "cat", ratingsParquet.toString()));
    assertPrintedRatings(ratingRows, rating -> rating.seconds() * 1000L, row -> row.get("timestamp").longValue());

    List<JsonNode> movieRows = jsonLines(tool(ReferenceTool.PARQUET_CLI, "cat", moviesParquet.toString()));
    // The date as days since 1970-01-01.
    assertPrintedMovies(movieRows, LocalDate::toEpochDay, JsonNode::longValue);

    assertPrintedAvroSchemas(tool(ReferenceTool.PARQUET_CLI, "schema", ratingsParquet.toString()),
        tool(ReferenceTool.PARQUET_CLI, "schema", moviesParquet.toString()));
    String meta = tool(ReferenceTool.PARQUET_CLI, "meta", ratingsParquet.toString());
    assertTrue(meta.contains("required int64 timestamp (TIMESTAMP(MILLIS,true))"), meta);
  }

  /* Pre-1970 fractions, year 1 and year 9999: orc-tools prints the instants written here (issue 14 item 3). */
  @Test
  void orcTimestampsBefore1970AndAtTheEdgesAreReadExactlyByOrcTools() throws Exception {
    org.apache.avro.Schema ts = org.apache.avro.LogicalTypes.timestampMillis().addToSchema(
        org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
    org.apache.avro.Schema record = org.apache.avro.Schema.createRecord("t", null, null, false,
        List.of(new org.apache.avro.Schema.Field("at", ts)));
    List<Long> values = List.of(-1001L, -1500L, -14182940500L, -62135596800000L, 253402300799999L, 1L);
    Path file = work.resolve("edges.orc");
    try (dev.hadoopkit.formats.io.FileAppender appender = dev.hadoopkit.formats.io.Formats.write(
        new org.apache.hadoop.fs.Path(file.toString())).format(dev.hadoopkit.formats.io.FileFormat.ORC)
        .conf(new Configuration()).schema(record).build()) {
      for (long v : values) {
        org.apache.avro.generic.GenericData.Record r = new org.apache.avro.generic.GenericData.Record(record);
        r.put(0, v);
        appender.add(r);
      }
    }
    List<JsonNode> rows = jsonLines(tool(ReferenceTool.ORC_TOOLS, "data", file.toString()));
    DateTimeFormatter millis = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
    for (int i = 0; i < values.size(); i++) {
      String expected = millis.format(Instant.ofEpochMilli(values.get(i)).atOffset(ZoneOffset.UTC));
      String printed = rows.get(i).get("at").textValue();
      assertTrue(printed.startsWith(expected.replaceAll("0+$", "").replaceAll("\\.$", "")), "row " + i + ": "
          + expected + " printed as " + printed);
    }
  }

  @Test
  void orcWrittenHereIsReadByOrcTools() throws Exception {
    Path ratingsOrc = convert(ratingsText, "ratings.orc", "orc", "movielens-ratings");
    Path moviesOrc = convert(moviesText, "movies.orc", "orc", "movielens-movies");

    // orc-tools data prints JSON lines; "timestamp with local time zone" in the tool JVM's zone (UTC here).
    List<JsonNode> ratingRows = jsonLines(tool(ReferenceTool.ORC_TOOLS, "data", ratingsOrc.toString()));
    assertPrintedRatings(ratingRows,
        rating -> ORC_TIMESTAMP.format(Instant.ofEpochSecond(rating.seconds()).atOffset(ZoneOffset.UTC)),
        row -> row.get("timestamp").textValue());

    List<JsonNode> movieRows = jsonLines(tool(ReferenceTool.ORC_TOOLS, "data", moviesOrc.toString()));
    assertPrintedMovies(movieRows, LocalDate::toString, JsonNode::textValue);

    String meta = tool(ReferenceTool.ORC_TOOLS, "meta", ratingsOrc.toString());
    assertTrue(meta.contains("Rows: " + ratings.size() + "\n"), meta);
    assertTrue(meta.contains("Type: struct<userId:int,movieId:int,rating:int,timestamp:timestamp with local time zone>"), meta);
    String movieMeta = tool(ReferenceTool.ORC_TOOLS, "meta", moviesOrc.toString());
    assertTrue(movieMeta.contains("Type: struct<movieId:int,title:string,releaseDate:date>"), movieMeta);
  }

  // ---------------------------------------------------------------- (b) written by the reference tool, read here

  @Test
  void avroWrittenByAvroToolsIsReadHere() throws Exception {
    // Avro's JSON encoding: logical types as their underlying values, a union value wrapped in its branch name.
    Path ratingsJson = work.resolve("ratings.json");
    List<String> lines = new ArrayList<>();
    for (Rating rating : ratings) {
      lines.add(String.format(Locale.ROOT, "{\"userId\":%d,\"movieId\":%d,\"rating\":%d,\"timestamp\":%d}", rating.userId(),
          rating.movieId(), rating.rating(), rating.seconds() * 1000L));
    }
    Files.write(ratingsJson, lines, StandardCharsets.UTF_8);
    Path moviesJson = work.resolve("movies.json");
    lines.clear();
    for (Movie movie : movies) {
      lines.add("{\"movieId\":" + movie.movieId() + ",\"title\":" + JSON.writeValueAsString(movie.title()) + ",\"releaseDate\":"
          + (movie.releaseDate() == null ? "null" : "{\"int\":" + movie.releaseDate().toEpochDay() + "}") + "}");
    }
    Files.write(moviesJson, lines, StandardCharsets.UTF_8);

    Path ratingsAvro = work.resolve("ratings.avro");
    Path moviesAvro = work.resolve("movies.avro");
    toolToFile(ratingsAvro, ReferenceTool.AVRO_TOOLS, "fromjson", "--codec", "zstandard", "--schema-file",
        schemaFile(Preset.MOVIELENS_RATINGS).toString(), ratingsJson.toString());
    toolToFile(moviesAvro, ReferenceTool.AVRO_TOOLS, "fromjson", "--codec", "deflate", "--schema-file",
        schemaFile(Preset.MOVIELENS_MOVIES).toString(), moviesJson.toString());

    assertReadHereAsRatings(ratingsAvro, "timestamp-millis");
    assertReadHereAsMovies(moviesAvro);
  }

  @Test
  void parquetWrittenByParquetCliIsReadHere() throws Exception {
    // convert-csv: ratings CSV with a header, the preset's schema (timestamp-millis), zstd.
    Path ratingsCsv = work.resolve("ratings.csv");
    List<String> lines = new ArrayList<>();
    lines.add("userId,movieId,rating,timestamp");
    for (Rating rating : ratings) {
      lines.add(rating.userId() + "," + rating.movieId() + "," + rating.rating() + "," + rating.seconds() * 1000L);
    }
    Files.write(ratingsCsv, lines, StandardCharsets.UTF_8);
    Path ratingsParquet = work.resolve("ratings.parquet");
    tool(ReferenceTool.PARQUET_CLI, "convert-csv", ratingsCsv.toString(), "-o", ratingsParquet.toString(), "--schema",
        schemaFile(Preset.MOVIELENS_RATINGS).toString(), "--compression-codec", "zstd");
    assertReadHereAsRatings(ratingsParquet, "timestamp-millis");
    assertEquals(0, run("schema", "--format", "parquet", ratingsParquet.toString()), err());
    assertTrue(out().contains("required int64 timestamp (TIMESTAMP(MILLIS,true));"), out());

    // convert-csv: movies, quoted titles, empty release dates as nulls, dates as days since the epoch.
    Path moviesCsv = work.resolve("movies.csv");
    lines.clear();
    lines.add("movieId,title,releaseDate");
    for (Movie movie : movies) {
      lines.add(movie.movieId() + ",\"" + movie.title().replace("\"", "\"\"") + "\","
          + (movie.releaseDate() == null ? "" : Long.toString(movie.releaseDate().toEpochDay())));
    }
    Files.write(moviesCsv, lines, StandardCharsets.UTF_8);
    Path moviesParquet = work.resolve("movies.parquet");
    tool(ReferenceTool.PARQUET_CLI, "convert-csv", moviesCsv.toString(), "-o", moviesParquet.toString(), "--schema",
        schemaFile(Preset.MOVIELENS_MOVIES).toString());
    assertReadHereAsMovies(moviesParquet);

    // convert: an Avro file (written by avro-tools) to Parquet, snappy.
    Path moviesJson = work.resolve("movies.json");
    lines.clear();
    for (Movie movie : movies) {
      lines.add("{\"movieId\":" + movie.movieId() + ",\"title\":" + JSON.writeValueAsString(movie.title()) + ",\"releaseDate\":"
          + (movie.releaseDate() == null ? "null" : "{\"int\":" + movie.releaseDate().toEpochDay() + "}") + "}");
    }
    Files.write(moviesJson, lines, StandardCharsets.UTF_8);
    Path moviesAvro = work.resolve("movies.avro");
    toolToFile(moviesAvro, ReferenceTool.AVRO_TOOLS, "fromjson", "--schema-file", schemaFile(Preset.MOVIELENS_MOVIES).toString(),
        moviesJson.toString());
    Path converted = work.resolve("movies-converted.parquet");
    tool(ReferenceTool.PARQUET_CLI, "convert", moviesAvro.toString(), "-o", converted.toString(), "--compression-codec", "snappy");
    assertReadHereAsMovies(converted);
  }

  @Test
  void orcWrittenByOrcToolsIsReadHere() throws Exception {
    // convert from CSV (no header): orc-tools parses "yyyy-MM-dd HH:mm:ss" in the tool JVM's zone, UTC here.
    Path ratingsCsv = work.resolve("ratings.csv");
    List<String> lines = new ArrayList<>();
    DateTimeFormatter seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    for (Rating rating : ratings) {
      lines.add(rating.userId() + "," + rating.movieId() + "," + rating.rating() + ","
          + seconds.format(Instant.ofEpochSecond(rating.seconds()).atOffset(ZoneOffset.UTC)));
    }
    Files.write(ratingsCsv, lines, StandardCharsets.UTF_8);
    Path ratingsOrc = work.resolve("ratings.orc");
    tool(ReferenceTool.ORC_TOOLS, "convert", "-s", "struct<userId:int,movieId:int,rating:int,timestamp:timestamp>", "-o",
        ratingsOrc.toString(), ratingsCsv.toString());
    assertReadHereAsRatings(ratingsOrc, "timestamp-millis");

    // convert from JSON lines: dates as text, nulls, a non-ASCII title.
    Path moviesJson = work.resolve("movies.json");
    lines.clear();
    for (Movie movie : movies) {
      lines.add("{\"movieId\":" + movie.movieId() + ",\"title\":" + JSON.writeValueAsString(movie.title()) + ",\"releaseDate\":"
          + (movie.releaseDate() == null ? "null" : "\"" + movie.releaseDate() + "\"") + "}");
    }
    Files.write(moviesJson, lines, StandardCharsets.UTF_8);
    Path moviesOrc = work.resolve("movies.orc");
    tool(ReferenceTool.ORC_TOOLS, "convert", "-s", "struct<movieId:int,title:string,releaseDate:date>", "-o", moviesOrc.toString(),
        moviesJson.toString());
    assertReadHereAsMovies(moviesOrc);
    assertEquals(0, run("schema", "--format", "orc", moviesOrc.toString()), err());
    assertEquals("struct<movieId:int,title:string,releaseDate:date>\n", out());
  }

  // ---------------------------------------------------------------- bench

  @Test
  void benchRunsTheReferenceToolsOnTheSameRatings() throws Exception {
    Path benchWork = work.resolve("bench");
    assertEquals(0, bench("--ratings", "20000", "--codec", "snappy", benchWork.toString()), err());
    List<String> table = out().lines().filter(line -> line.startsWith("| ")).toList();
    assertEquals(1 + 4 + 4 + 3, table.size(), out());
    for (String side : List.of("| Parquet | reference: parquet-cli 1.15.2 `convert-csv`, own JVM | 20,000 |",
        "| ORC | reference: orc-tools 2.1.2 `convert`, own JVM | 20,000 |", "| Parquet | hadoopkit `formats convert`, own JVM | 20,000 |",
        "| ORC | hadoopkit `formats convert`, own JVM | 20,000 |", "| Avro | hadoopkit `formats convert`, own JVM | 20,000 |")) {
      assertTrue(table.stream().anyMatch(line -> line.startsWith(side)), side + " in\n" + out());
    }
    // Each tool's own row is the denominator of its format's own-JVM rows.
    assertTrue(table.stream().anyMatch(line -> line.startsWith("| ORC | reference: orc-tools") && line.endsWith("| 1.00 |")), out());
    assertTrue(out().contains("Avro: avro-tools has no CSV/TSV conversion"), out());
    // The files the tools wrote: same rows, the requested codec, readable here.
    assertEquals(0, run("meta", benchWork.resolve("tool.parquet").toString()), err());
    assertTrue(out().contains("rows: 20,000"), out());
    assertTrue(out().contains("  rating: INT32, SNAPPY, "), out());
    assertEquals(0, run("meta", benchWork.resolve("tool.orc").toString()), err());
    assertTrue(out().toLowerCase(Locale.ROOT).contains("compression: snappy"), out());
  }

  /**
   * The ratings a reference tool printed (JSON lines), field by field against the generated ones; the tools print the
   * timestamp each in their own way: {@code printed} reads it from a row, {@code expected} makes it from a rating.
   */
  private void assertPrintedRatings(List<JsonNode> rows, Function<Rating, Object> expected,
      Function<JsonNode, Object> printed) {
    assertEquals(ratings.size(), rows.size());
    for (int i = 0; i < ratings.size(); i++) {
      Rating rating = ratings.get(i);
      JsonNode row = rows.get(i);
      assertEquals(rating.userId(), row.get("userId").intValue(), "row " + i);
      assertEquals(rating.movieId(), row.get("movieId").intValue(), "row " + i);
      assertEquals(rating.rating(), row.get("rating").intValue(), "row " + i);
      assertEquals(expected.apply(rating), printed.apply(row), "timestamp, row " + i);
    }
  }

  /**
   * The movies a reference tool printed (JSON lines) against the generated ones, a missing release date as null; a
   * present one as {@code printed} reads the tool's releaseDate value and {@code expected} makes it from the date.
   */
  private void assertPrintedMovies(List<JsonNode> rows, Function<LocalDate, Object> expected,
      Function<JsonNode, Object> printed) {
    assertEquals(movies.size(), rows.size());
    for (int i = 0; i < movies.size(); i++) {
      Movie movie = movies.get(i);
      JsonNode row = rows.get(i);
      assertEquals(movie.movieId(), row.get("movieId").intValue());
      assertEquals(movie.title(), row.get("title").textValue());
      if (movie.releaseDate() == null) {
        assertTrue(row.get("releaseDate").isNull(), "movie " + movie.movieId() + ": " + row);
      } else {
        assertEquals(expected.apply(movie.releaseDate()), printed.apply(row.get("releaseDate")),
            "release date of movie " + movie.movieId());
      }
    }
  }

  /** The Avro schemas a tool printed for the ratings and the movies file: timestamp-millis, a nullable date. */
  private static void assertPrintedAvroSchemas(String ratingsSchema, String moviesSchema) throws IOException {
    assertEquals("timestamp-millis", field(JSON.readTree(ratingsSchema), "timestamp").get("type").get("logicalType")
        .textValue());
    assertEquals("date", field(JSON.readTree(moviesSchema), "releaseDate").get("type").get(1).get("logicalType")
        .textValue());
  }

  // ---------------------------------------------------------------- reading here

  /** formats count, cat (JSON lines) and schema on a ratings file written by a reference tool. */
  private void assertReadHereAsRatings(Path file, String timestampType) throws Exception {
    assertEquals(0, run("count", file.toString()), err());
    assertEquals(ratings.size() + "\n", out());
    assertEquals(0, run("cat", file.toString()), err());
    List<String> printed = out().lines().toList();
    assertEquals(ratings.size(), printed.size());
    for (int i = 0; i < ratings.size(); i++) {
      Rating rating = ratings.get(i);
      assertEquals("{\"userId\":" + rating.userId() + ",\"movieId\":" + rating.movieId() + ",\"rating\":" + rating.rating()
          + ",\"timestamp\":\"" + Instant.ofEpochSecond(rating.seconds()) + "\"}", printed.get(i), file + " row " + i);
    }
    assertEquals(0, run("schema", file.toString()), err());
    JsonNode timestamp = field(JSON.readTree(out()), "timestamp").get("type");
    JsonNode logical = timestamp.isArray() ? timestamp.get(1) : timestamp;
    assertEquals(timestampType, logical.get("logicalType").textValue(), out());
  }

  /** formats count and cat (CSV) on a movies file written by a reference tool: titles, dates and nulls. */
  private void assertReadHereAsMovies(Path file) throws Exception {
    assertEquals(0, run("count", file.toString()), err());
    assertEquals(movies.size() + "\n", out());
    assertEquals(0, run("cat", file.toString()), err());
    List<String> printed = out().lines().toList();
    assertEquals(movies.size(), printed.size());
    for (int i = 0; i < movies.size(); i++) {
      Movie movie = movies.get(i);
      JsonNode row = JSON.readTree(printed.get(i));
      assertEquals(movie.movieId(), row.get("movieId").intValue(), file + " row " + i);
      assertEquals(movie.title(), row.get("title").textValue(), file + " row " + i);
      if (movie.releaseDate() == null) {
        assertTrue(row.get("releaseDate").isNull(), file + " row " + i + ": " + row);
      } else {
        assertEquals(movie.releaseDate().toString(), row.get("releaseDate").textValue(), file + " row " + i);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private Path convert(Path source, String name, String format, String preset) throws Exception {
    Path target = work.resolve(name);
    assertEquals(0, run("convert", source.toString(), target.toString(), "--to", format, "--preset", preset), err());
    return target;
  }

  private Path schemaFile(Preset preset) throws IOException {
    Path file = work.resolve(preset.presetName() + ".avsc");
    Files.writeString(file, preset.schema().toString(true), StandardCharsets.UTF_8);
    return file;
  }

  /** Runs a reference tool in its own JVM; fails the test with its output when it exits non-zero. */
  private String tool(ReferenceTool tool, String... arguments) throws IOException {
    ReferenceTool.Result result = tool.run(work, TOOL_JVM, List.of(arguments), 180);
    assertEquals(0, result.exitCode(), () -> tool.toolName() + " " + String.join(" ", arguments) + " failed:\n" + result.err());
    return result.out();
  }

  /** Runs a reference tool with its stdout written to {@code output} (avro-tools fromjson writes the Avro file there). */
  private void toolToFile(Path output, ReferenceTool tool, String... arguments) throws IOException {
    ReferenceTool.Result result = tool.run(work, TOOL_JVM, List.of(arguments), 180, output);
    assertEquals(0, result.exitCode(), () -> tool.toolName() + " " + String.join(" ", arguments) + " failed:\n" + result.err());
    assertTrue(Files.size(output) > 0, output + " is empty");
  }

  /** {@code bin/formats bench}: the benchmark harness, a Tool of its own beside the user tool. */
  private int bench(String... args) throws Exception {
    return console.run(ConversionBench::new, args);
  }

  private int run(String... args) throws Exception {
    return console.run(args);
  }

  private String out() {
    return console.out();
  }

  private String err() {
    return console.err();
  }


  /** Parses every line that starts with '{' (the tools print banners and separators around the data). */
  private static List<JsonNode> jsonLines(String output) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("{")) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }

  private static JsonNode field(JsonNode recordSchema, String name) {
    for (JsonNode field : recordSchema.get("fields")) {
      if (field.get("name").textValue().equals(name)) {
        return field;
      }
    }
    return fail("no field " + name + " in " + recordSchema);
  }
}
