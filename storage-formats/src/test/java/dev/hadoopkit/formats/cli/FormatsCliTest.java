package dev.hadoopkit.formats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/formats through its Main (a Tool, via ToolRunner), asserting what it prints. */
class FormatsCliTest {

  @TempDir
  static Path data;

  static Path ratings;
  static Path movies;
  static List<String> ratingLines;

  @TempDir
  Path work;

  private final ToolConsole console = new ToolConsole();

  @BeforeAll
  static void generate() throws IOException {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(40_000).users(200).movies(300).seed(5).build();
    ratings = data.resolve("u.data");
    try (OutputStream file = Files.newOutputStream(ratings)) {
      generator.writeRatings(file);
    }
    movies = data.resolve("u.item");
    try (OutputStream file = Files.newOutputStream(movies)) {
      generator.writeMovies(file);
    }
    ratingLines = Files.readAllLines(ratings, StandardCharsets.US_ASCII);
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


  /** The JSON line head prints for one u.data line, computed independently of the tool. */
  private static String expectedJson(String line) {
    String[] fields = line.split("\t");
    return "{\"userId\":" + fields[0] + ",\"movieId\":" + fields[1] + ",\"rating\":" + fields[2] + ",\"timestamp\":\""
        + Instant.ofEpochSecond(Long.parseLong(fields[3])) + "\"}";
  }

  @Test
  void convertsRatingsToEveryFormatAndHeadCountAndCatReadThemBack() throws Exception {
    for (String format : List.of("parquet", "orc", "avro")) {
      Path target = work.resolve("ratings." + format);
      assertEquals(0, run("convert", ratings.toString(), target.toString(), "--to", format, "--preset", "movielens-ratings"), err());
      assertTrue(err().startsWith("convert: 40,000 rows written to "), err());
      assertEquals(0, run("head", "-n", "3", target.toString()));
      assertEquals(expectedJson(ratingLines.get(0)) + "\n" + expectedJson(ratingLines.get(1)) + "\n"
          + expectedJson(ratingLines.get(2)) + "\n", out(), format);
      assertEquals(0, run("count", target.toString()));
      assertEquals("40000\n", out());
      assertEquals(0, run("cat", "--as", "tsv", "--columns", "userId,movieId,rating", target.toString()));
      List<String> lines = out().lines().toList();
      assertEquals("userId\tmovieId\trating", lines.get(0));
      assertEquals(40_001, lines.size());
      for (int i = 0; i < ratingLines.size(); i += 997) {
        String[] fields = ratingLines.get(i).split("\t");
        assertEquals(fields[0] + "\t" + fields[1] + "\t" + fields[2], lines.get(i + 1), format + " row " + i);
      }
    }
  }

  @Test
  void schemaPrintsAvroJsonAndTheNativeForms() throws Exception {
    Path parquet = work.resolve("r.parquet");
    Path orc = work.resolve("r.orc");
    assertEquals(0, run("convert", ratings.toString(), parquet.toString(), "--to", "parquet", "--preset", "movielens-ratings"));
    assertEquals(0, run("convert", ratings.toString(), orc.toString(), "--to", "orc", "--preset", "movielens-ratings"));
    assertEquals(0, run("schema", parquet.toString()));
    assertTrue(out().contains("\"name\" : \"timestamp\",\n    \"type\" : {\n      \"type\" : \"long\",\n      \"logicalType\" : \"timestamp-millis\""), out());
    assertTrue(out().contains("\"name\" : \"rating\",\n    \"type\" : \"int\""), out());
    assertEquals(0, run("schema", "--format", "parquet", parquet.toString()));
    assertEquals("message dev.hadoopkit.movielens.Rating {\n  required int32 userId;\n  required int32 movieId;\n"
        + "  required int32 rating;\n  required int64 timestamp (TIMESTAMP(MILLIS,true));\n}\n", out());
    assertEquals(0, run("schema", "--format", "orc", orc.toString()));
    assertEquals("struct<userId:int,movieId:int,rating:int,timestamp:timestamp with local time zone>\n", out());
  }

  @Test
  void moviesKeepTitlesAndNullableReleaseDates() throws Exception {
    Path orc = work.resolve("movies.orc");
    assertEquals(0, run("convert", movies.toString(), orc.toString(), "--to", "orc", "--preset", "movielens-movies"), err());
    assertEquals(0, run("cat", "--as", "csv", orc.toString()));
    List<String> lines = out().lines().toList();
    assertEquals("movieId,title,releaseDate", lines.get(0));
    assertEquals(301, lines.size());
    List<String> source = Files.readAllLines(movies, StandardCharsets.ISO_8859_1);
    String[] first = source.get(0).split("\\|");
    String expectedDate = first[2].isEmpty() ? "" : java.time.LocalDate.parse(first[2],
        java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy", java.util.Locale.ENGLISH)).toString();
    String title = first[1].contains(",") ? "\"" + first[1] + "\"" : first[1];
    assertEquals(first[0] + "," + title + "," + expectedDate, lines.get(1));
  }

  @Test
  void statsAndMetaDescribeTheData() throws Exception {
    Path parquet = work.resolve("r.parquet");
    assertEquals(0, run("-D", "parquet.block.size=65536", "convert", ratings.toString(), parquet.toString(), "--to", "parquet",
        "--preset", "movielens-ratings"), err());
    assertEquals(0, run("stats", "--columns", "rating,userId", parquet.toString()));
    List<String> lines = out().lines().toList();
    assertEquals(3, lines.size(), out());
    assertTrue(lines.get(1).matches("rating\\s+40000\\s+0\\s+1\\s+5\\s+5"), lines.get(1));
    int maxUser = ratingLines.stream().mapToInt(line -> Integer.parseInt(line.split("\t")[0])).max().orElseThrow();
    long users = ratingLines.stream().map(line -> line.split("\t")[0]).distinct().count();
    assertTrue(lines.get(2).matches("userId\\s+40000\\s+0\\s+1\\s+" + maxUser + "\\s+\\d+"), lines.get(2));
    long estimate = Long.parseLong(lines.get(2).trim().replaceAll(".*\\s", ""));
    assertTrue(Math.abs(estimate - users) <= Math.max(2, users / 50), "distinct estimate " + estimate + " vs exact " + users);
    assertEquals(0, run("meta", parquet.toString()));
    assertTrue(out().contains("format: Parquet"), out());
    assertTrue(out().contains("row group 1: "), "-D parquet.block.size=65536 gives several row groups:\n" + out());
    assertTrue(out().contains("  rating: INT32, ZSTD, "), out());
    assertTrue(out().contains("rows: 40,000"), out());
  }

  @Test
  void inferredCsvSchemaIsPrintedAndRoundTripsThroughAvro() throws Exception {
    Path csv = work.resolve("people.csv");
    Files.writeString(csv, "id,name,born,score,member\n1,Ann,1980-02-03,3.5,true\n2,\"Bo, Jr\",,4,false\n3,Cé,2001-12-31,,true\n");
    assertEquals(0, run("schema", "--infer", csv.toString()));
    assertTrue(out().contains("\"name\" : \"born\",\n    \"type\" : [ \"null\", {\n      \"type\" : \"int\",\n      \"logicalType\" : \"date\""), out());
    assertTrue(out().contains("\"name\" : \"score\",\n    \"type\" : [ \"null\", \"double\" ]"), out());
    assertTrue(out().contains("\"name\" : \"id\",\n    \"type\" : \"int\""), out());
    Files.writeString(work.resolve("people.avsc"), out());
    Path avro = work.resolve("people.avro");
    assertEquals(0, run("convert", csv.toString(), avro.toString(), "--to", "avro", "--schema", work.resolve("people.avsc").toString()), err());
    assertEquals(0, run("cat", "--as", "csv", avro.toString()));
    assertEquals("id,name,born,score,member\n1,Ann,1980-02-03,3.5,true\n2,\"Bo, Jr\",,4.0,false\n3,Cé,2001-12-31,,true\n", out());
    assertEquals(0, run("head", "-n", "1", avro.toString()));
    assertEquals("{\"id\":1,\"name\":\"Ann\",\"born\":\"1980-02-03\",\"score\":3.5,\"member\":true}\n", out());
  }

  @Test
  void aTruncatedFileFailsWithOneLineNamingItAndLeavesNoOutput() throws Exception {
    Path parquet = work.resolve("part-00003.parquet");
    assertEquals(0, run("convert", ratings.toString(), parquet.toString(), "--to", "parquet", "--preset", "movielens-ratings"));
    try (RandomAccessFile file = new RandomAccessFile(parquet.toFile(), "rw")) {
      file.setLength(file.length() - 100);
    }
    Files.deleteIfExists(work.resolve(".part-00003.parquet.crc"));
    Path output = work.resolve("out").resolve("ratings.orc");
    assertEquals(1, run("convert", parquet.toString(), output.toString(), "--to", "orc"));
    assertEquals(1, err().lines().count(), err());
    assertTrue(err().startsWith("formats convert: Cannot read Parquet file file:" + parquet), err());
    assertFalse(Files.exists(output));
    try (Stream<Path> left = Files.exists(output.getParent()) ? Files.list(output.getParent()) : Stream.empty()) {
      assertEquals(List.of(), left.toList(), "no temporary file left behind");
    }
  }

  @Test
  void halfStarsIntoTheWholeStarPresetFailNamingFileAndLine() throws Exception {
    Path csv = work.resolve("ratings.csv");
    Files.writeString(csv, "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n");
    Path target = work.resolve("r.avro");
    assertEquals(1, run("convert", csv.toString(), target.toString(), "--to", "avro", "--preset", "movielens-ratings"));
    assertTrue(err().startsWith("formats convert: Cannot read file:" + csv + " line 2 as movielens-ratings: rating 2.5 is not a whole star"), err());
    assertFalse(Files.exists(target));
    assertEquals(0, run("convert", csv.toString(), target.toString(), "--to", "avro", "--preset", "movielens-ratings-latest"), err());
    assertEquals(0, run("cat", target.toString()));
    assertEquals("{\"userId\":1,\"movieId\":31,\"rating\":2.5,\"timestamp\":\"" + Instant.ofEpochSecond(1260759144) + "\"}\n"
        + "{\"userId\":1,\"movieId\":1029,\"rating\":3.0,\"timestamp\":\"" + Instant.ofEpochSecond(1260759179) + "\"}\n", out());
  }

  @Test
  void usageErrorsExitTwoAndSayWhatToDo() throws Exception {
    Path target = work.resolve("r.parquet");
    assertEquals(2, run("convert", ratings.toString(), target.toString(), "--to", "xml"));
    assertTrue(err().startsWith("formats convert: Invalid --to xml: expected parquet, orc, avro, csv, tsv or json\n"), err());
    assertEquals(0, run("convert", ratings.toString(), target.toString(), "--to", "parquet", "--preset", "movielens-ratings"));
    assertEquals(2, run("convert", ratings.toString(), target.toString(), "--to", "parquet", "--preset", "movielens-ratings"));
    assertTrue(err().contains("already exists. Remove it, choose another, or pass --overwrite"), err());
    assertEquals(0, run("convert", ratings.toString(), target.toString(), "--to", "parquet", "--preset", "movielens-ratings",
        "--codec", "gzip", "--overwrite"));
    assertEquals(0, run("meta", target.toString()));
    assertTrue(out().contains("  rating: INT32, GZIP, "), out());
    assertEquals(1, run("convert", ratings.toString(), work.resolve("x.orc").toString(), "--to", "orc"));
    assertTrue(err().contains("it is text (not Avro, Parquet or ORC) and no schema was given. Pass --preset"), err());
    assertEquals(2, run("nope"));
    assertTrue(err().startsWith("formats: unknown command 'nope'. Commands: convert, schema, meta, head, cat, count, stats"), err());
    assertEquals(2, run());
  }

  @Test
  void everyCommandHasHelpWithExamples() throws Exception {
    assertEquals(0, run("--help"));
    List<String> names = new Main().commandNames();
    for (String name : names) {
      assertTrue(out().contains("  " + name + " "), "listed: " + name);
    }
    for (String name : names) {
      assertEquals(0, run(name, "--help"), name);
      assertTrue(out().startsWith("usage: formats " + name + " [options]"), out());
      assertTrue(out().contains("Examples:\n  formats " + name), name + ":\n" + out());
      assertTrue(out().contains("Exit codes: 0 done, 1 failure"), out());
    }
  }

  /** Issue 15 defect 10: a damaged Avro block is named by file and offset, with the fix, in one line. */
  @Test
  void aDamagedAvroBlockIsNamedByFileAndOffset() throws Exception {
    Path avro = work.resolve("r.avro");
    assertEquals(0, run("convert", ratings.toString(), avro.toString(), "--to", "avro", "--preset", "movielens-ratings",
        "--codec", "none"));
    Files.deleteIfExists(work.resolve(".r.avro.crc"));
    byte[] bytes = Files.readAllBytes(avro);
    // Inside the first data block, after the header: 0xFF bytes are never a valid end of a varint.
    java.util.Arrays.fill(bytes, 5_000, 5_400, (byte) 0xff);
    Files.write(avro, bytes);

    assertEquals(1, run("cat", avro.toString()));
    String message = err();
    assertEquals(1, message.strip().lines().count(), "one line: " + message);
    assertTrue(message.startsWith("formats cat: Cannot read Avro file file:" + avro + ": damaged data block at byte "), message);
    assertTrue(java.util.regex.Pattern.compile("\\(Invalid (int|long) encoding\\); restore the file from a good copy$").matcher(message.strip()).find(), message);
    assertTrue(java.util.regex.Pattern.compile("block at byte [1-9][0-9,]* ").matcher(message).find(), message);
    assertEquals(1, run("cat", "--verbose", avro.toString()));
    assertTrue(err().contains("\tat "), "a stack trace with --verbose: " + err());
  }
}
