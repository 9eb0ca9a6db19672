package dev.hadoopkit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.formats.io.FileAppender;
import dev.hadoopkit.formats.io.FileFormat;
import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.schema.Preset;
import dev.hadoopkit.formats.source.Inputs;
import dev.hadoopkit.formats.source.TextSchema;
import dev.hadoopkit.jobs.cli.JobCommand;
import dev.hadoopkit.jobs.movies.BadMoviesJob;
import dev.hadoopkit.jobs.movies.LowestRatedJob;
import dev.hadoopkit.jobs.movies.MostPopularJob;
import dev.hadoopkit.jobs.movies.MovieStatsJob;
import dev.hadoopkit.jobs.movies.OldestFiveStarJob;
import dev.hadoopkit.jobs.output.OutputFiles;
import dev.hadoopkit.jobs.ratings.RatingsBreakdownJob;
import dev.hadoopkit.jobs.ratings.RatingsPerUserJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every job on ratings and movies stored as Parquet, ORC and Avro (converted from generated text), compared with
 * {@link MovieLensOracle} computed on the text: the answers must not depend on the format. Row groups, stripes
 * and blocks are kept small and the split size too, so each binary file is read by several map tasks.
 */
class AnyFormatJobsIT {

  @TempDir
  static Path data;

  static Path text;
  static Path textMovies;
  static MovieLensOracle oracle;

  @TempDir
  Path work;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void generateAndConvert() throws IOException {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(30_000).users(300).movies(400).seed(23).build();
    text = Files.createDirectories(data.resolve("text"));
    List<Path> parts = new ArrayList<>();
    for (int part = 0; part < 2; part++) {
      Path file = text.resolve("part-0000" + part);
      try (OutputStream stream = Files.newOutputStream(file)) {
        generator.writeRatings(stream, part, 2);
      }
      parts.add(file);
    }
    textMovies = data.resolve("u.item");
    try (OutputStream stream = Files.newOutputStream(textMovies)) {
      generator.writeMovies(stream);
    }
    oracle = new MovieLensOracle(parts, textMovies);
    Configuration conf = new Configuration();
    for (FileFormat format : List.of(FileFormat.PARQUET, FileFormat.ORC, FileFormat.AVRO)) {
      Path directory = Files.createDirectories(data.resolve(format.extension()).resolve("ratings"));
      for (Path part : parts) {
        convert(conf, part, directory.resolve(part.getFileName() + "." + format.extension()), format, Preset.MOVIELENS_RATINGS);
      }
      convert(conf, textMovies, data.resolve(format.extension()).resolve("movies"), format, Preset.MOVIELENS_MOVIES);
    }
  }

  /** Converts with the storage-formats API, in small row groups / stripes so a file makes several splits. */
  static void convert(Configuration conf, Path from, Path to, FileFormat format, Preset preset) throws IOException {
    try (RecordReader reader = Inputs.open(conf, new org.apache.hadoop.fs.Path(from.toUri()), new TextSchema(preset, null, false), null);
        FileAppender appender = Formats.write(new org.apache.hadoop.fs.Path(to.toUri())).format(format).conf(conf)
            .schema(reader.schema()).set("parquet.block.size", "32768").set("orc.stripe.size", "16384")
            .set("orc.rows.between.memory.checks", "500").build()) {
      GenericRecord record;
      while ((record = reader.next()) != null) {
        appender.add(record);
      }
    }
  }

  private static Path ratings(FileFormat format) {
    return data.resolve(format.extension()).resolve("ratings");
  }

  private static Path movies(FileFormat format) {
    return data.resolve(format.extension()).resolve("movies");
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"PARQUET", "ORC", "AVRO"})
  void everyJobGivesTheOracleAnswer(FileFormat format) throws Exception {
    String in = ratings(format).toString();
    String movies = movies(format).toString();
    assertEquals(0, run(new RatingsBreakdownJob(), in, output("breakdown")));
    assertEquals(oracle.ratingsBreakdown(), result("breakdown"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("30,000 ratings read"), err.toString());
    assertEquals(0, run(new RatingsPerUserJob(), in, output("per-user")));
    assertEquals(oracle.ratingsPerUser(), result("per-user"));
    assertEquals(0, run(new MovieStatsJob(), "--movies", movies, in, output("stats")));
    assertEquals(oracle.movieStats(), result("stats"));
    assertEquals(0, run(new LowestRatedJob(), "--movies", movies, "--min-ratings", "20", "--limit", "15", in, output("lowest")));
    assertEquals(oracle.lowestRated(20, 15), result("lowest"));
    assertEquals(0, run(new BadMoviesJob(), "--movies", movies, "--below", "2.5", in, output("bad")));
    assertFalse(oracle.badMovies(2.5).isEmpty());
    assertEquals(oracle.badMovies(2.5), result("bad"));
    assertEquals(0, run(new MostPopularJob(), "--movies", movies, "--limit", "12", in, output("popular")));
    assertEquals(oracle.mostPopular(12), result("popular"));
    assertEquals(0, run(new OldestFiveStarJob(), "--movies", movies, "--above", "3.8", in, output("oldest")));
    assertFalse(oracle.oldestFiveStar(3.8).isEmpty());
    assertEquals(oracle.oldestFiveStar(3.8), result("oldest"));
  }

  @ParameterizedTest
  @EnumSource(value = FileFormat.class, names = {"PARQUET", "ORC", "AVRO"})
  void outputFormatWritesReadableFilesWithTheSameRows(FileFormat format) throws Exception {
    assertEquals(0, run(new OldestFiveStarJob(), "--movies", textMovies.toString(), "--above", "3.8",
        "--output-format", format.extension(), text.toString(), output("oldest")));
    Path part = work.resolve("oldest").resolve("part-r-00000." + format.extension());
    assertTrue(Files.exists(part), "part file named by format");
    Configuration conf = new Configuration();
    assertEquals(format, FileFormat.detect(conf, new org.apache.hadoop.fs.Path(part.toUri())));
    List<String> rows = new ArrayList<>();
    for (String[] row : OutputFiles.readRows(conf, new org.apache.hadoop.fs.Path(work.resolve("oldest").toUri()))) {
      rows.add(String.join("\t", row));
    }
    assertEquals(oracle.oldestFiveStar(3.8), rows);
    try (RecordReader reader = Formats.read(new org.apache.hadoop.fs.Path(part.toUri())).conf(conf).build()) {
      assertEquals("date", reader.schema().getField("releaseDate").schema().getTypes().get(1).getLogicalType().getName());
      assertEquals("DOUBLE", reader.schema().getField("avg").schema().getType().name());
    }
  }

  @Test
  void aDirectoryMixingTextParquetAndOrcPartsIsReadPartByPart() throws Exception {
    Path mixed = Files.createDirectories(work.resolve("mixed"));
    Files.copy(text.resolve("part-00000"), mixed.resolve("part-00000"));
    Files.copy(ratings(FileFormat.ORC).resolve("part-00001.orc"), mixed.resolve("part-00001"));
    assertEquals(0, run(new RatingsBreakdownJob(), mixed.toString(), output("breakdown")));
    assertEquals(oracle.ratingsBreakdown(), result("breakdown"));
    assertEquals(0, run(new MovieStatsJob(), "--movies", movies(FileFormat.PARQUET).toString(), mixed.toString(), output("stats")));
    assertEquals(oracle.movieStats(), result("stats"));
  }

  @Test
  void aCorruptParquetFileFailsTheJobNamingTheFile() throws Exception {
    Path broken = Files.createDirectories(work.resolve("broken"));
    byte[] bytes = Files.readAllBytes(ratings(FileFormat.PARQUET).resolve("part-00000.parquet"));
    Files.write(broken.resolve("part-00000.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertEquals(1, run(new RatingsBreakdownJob(), broken.toString(), output("breakdown")));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("Cannot read Parquet file file:" + broken.resolve("part-00000.parquet")), message);
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of("broken"), left.map(p -> p.getFileName().toString()).toList(), "no output or staging left");
    }
  }

  private String output(String name) {
    return work.resolve(name).toString();
  }

  private List<String> result(String name) throws IOException {
    return Files.readAllLines(work.resolve(name).resolve("part-r-00000"), StandardCharsets.UTF_8);
  }

  private int run(JobCommand job, String... args) throws Exception {
    out.reset();
    err.reset();
    job.printingTo(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    Configuration conf = new Configuration();
    // Several map tasks per binary file: splits of 48 KB over row groups / stripes / blocks of about 32 KB.
    conf.setLong("mapreduce.input.fileinputformat.split.maxsize", 48 * 1024);
    return ToolRunner.run(conf, job, args);
  }
}
