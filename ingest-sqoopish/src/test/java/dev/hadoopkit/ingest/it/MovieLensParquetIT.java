package dev.hadoopkit.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.io.Formats;
import dev.hadoopkit.formats.parquet.Parquet;
import dev.hadoopkit.formats.schema.Schemas;
import dev.hadoopkit.ingest.CliRun;
import dev.hadoopkit.ingest.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.mapreduce.lib.reduce.LongSumReducer;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MovieLens database (../shared/datasets/movielens-mysql.sql) through the README's Sqoop command lines with
 * --as-parquetfile, as the workflows module runs them, and a MapReduce job reading the imported ratings back.
 */
class MovieLensParquetIT {
  private static String db;
  private static String url;

  @TempDir
  Path tmp;

  @BeforeAll
  static void loadMovieLens() throws Exception {
    db = TestDatabases.uniqueName("hk_it_ml");
    url = TestDatabases.createMariaDb(db);
    Path dump = Path.of("../../shared/datasets/movielens-mysql.sql");
    if (!Files.exists(dump)) {
      dump = Path.of("/work/shared/datasets/movielens-mysql.sql");
    }
    String sql = Files.readString(dump, StandardCharsets.UTF_8);
    try (Connection c = TestDatabases.mariaDb(db); Statement s = c.createStatement()) {
      for (String statement : sql.split(";\\s*\\n")) {
        String trimmed = statement.trim();
        if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("BEGIN") && !trimmed.equalsIgnoreCase("COMMIT")) {
          s.execute(trimmed);
        }
      }
      s.execute("CREATE TABLE exported_movies (id integer NOT NULL PRIMARY KEY, title varchar(255), release_date date)");
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    TestDatabases.dropMariaDb(db);
  }

  private CliRun sqoop(String... args) {
    return CliRun.run(tmp.resolve("hadoop-tmp"), args);
  }

  @Test
  void readmeCommandLinesWorkWithParquetAndMapReduceReadsTheRatings() throws Exception {
    Path movies = tmp.resolve("movies");
    CliRun importMovies = sqoop("import", "--connect", url, "--driver", "com.mysql.jdbc.Driver", "--table", "movies", "-m", "1",
        "--target-dir", movies.toString(), "--as-parquetfile");
    assertEquals(0, importMovies.exit, importMovies.toString());
    assertTrue(importMovies.err.contains("Retrieved 1682 records."), importMovies.err);

    Path ratings = tmp.resolve("ratings");
    CliRun importRatings = sqoop("import", "-D", "mapreduce.job.queuename=default", "--connect", url, "--username", "root",
        "--table", "ratings", "-m", "4", "--split-by", "id", "--target-dir", ratings.toString(), "--fields-terminated-by", "\\t",
        "-z", "--as-parquetfile");
    assertEquals(0, importRatings.exit, importRatings.toString());
    assertTrue(importRatings.err.contains("Retrieved 100000 records."), importRatings.err);

    CliRun export = sqoop("export", "--connect", url, "-m", "1", "--driver", "com.mysql.jdbc.Driver", "--table",
        "exported_movies", "--export-dir", movies.toString());
    assertEquals(0, export.exit, export.toString());
    assertEquals(query("CHECKSUM TABLE movies").get(0).split("\t")[1], query("CHECKSUM TABLE exported_movies").get(0).split("\t")[1],
        "exported_movies is a copy of movies");

    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path first = new org.apache.hadoop.fs.Path(ratings.resolve("part-m-00000.parquet").toString());
    Schema schema = Formats.schema(conf, first);
    assertEquals("ratings", schema.getName());
    assertEquals(List.of("id", "user_id", "movie_id", "rating", "rated_at"), Schemas.names(schema));
    assertEquals(Schema.Type.INT, Schemas.nonNull(schema.getField("rating").schema()).getType());
    assertEquals(LogicalTypes.timestampMillis(), Schemas.nonNull(schema.getField("rated_at").schema()).getLogicalType());
    assertEquals(CompressionCodecName.SNAPPY, Parquet.footer(conf, first).getBlocks().get(0).getColumns().get(0).getCodec(),
        "-z keeps Parquet's default codec");
    Schema movieSchema = Formats.schema(conf, new org.apache.hadoop.fs.Path(movies.resolve("part-m-00000.parquet").toString()));
    assertEquals(LogicalTypes.date(), Schemas.nonNull(movieSchema.getField("release_date").schema()).getLogicalType());

    long total = 0;
    for (org.apache.hadoop.fs.Path file : Formats.dataFiles(conf, new org.apache.hadoop.fs.Path(ratings.toString()))) {
      total += Formats.count(conf, file);
      try (dev.hadoopkit.formats.io.RecordReader reader = Formats.read(file).conf(conf).build()) {
        for (GenericRecord r = reader.next(); r != null; r = reader.next()) {
          if ((Integer) r.get("id") == 1) {
            // The dump's first rating: (1, 196, 242, 3, '1997-12-04 07:55:49').
            assertEquals(196, r.get("user_id"));
            assertEquals(LocalDateTime.of(1997, 12, 4, 7, 55, 49).toEpochSecond(ZoneOffset.UTC) * 1000, r.get("rated_at"));
          }
        }
      }
    }
    assertEquals(100_000, total);

    // A MapReduce job over the imported files: ratings per star value, compared with the database's GROUP BY.
    Map<String, String> expected = new TreeMap<>();
    for (String line : query("SELECT rating, COUNT(*) FROM ratings GROUP BY rating")) {
      String[] parts = line.split("\t");
      expected.put(parts[0], parts[1]);
    }
    assertEquals(expected, countRatingsWithMapReduce(ratings, tmp.resolve("per-star")));
  }

  /** Counts the ratings per star value with parquet-avro's input format in a local job. */
  private Map<String, String> countRatingsWithMapReduce(Path input, Path output) throws Exception {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("hadoop.tmp.dir", tmp.resolve("hadoop-tmp").toString());
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    Job job = Job.getInstance(conf, "ratings per star");
    job.setInputFormatClass(AvroParquetInputFormat.class);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(input.toString()));
    job.setMapperClass(StarMapper.class);
    job.setCombinerClass(LongSumReducer.class);
    job.setReducerClass(LongSumReducer.class);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(LongWritable.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(output.toString()));
    assertTrue(job.waitForCompletion(false), "the MapReduce job succeeded");
    Map<String, String> counts = new TreeMap<>();
    FileSystem fs = FileSystem.getLocal(conf);
    for (String line : Files.readAllLines(output.resolve("part-r-00000"))) {
      String[] parts = line.split("\t");
      counts.put(parts[0], parts[1]);
    }
    fs.close();
    return counts;
  }

  /** (rating, 1) for every imported rating row. */
  public static final class StarMapper extends Mapper<Void, GenericRecord, Text, LongWritable> {
    private final Text star = new Text();
    private final LongWritable one = new LongWritable(1);

    @Override
    protected void map(Void key, GenericRecord value, Context context) throws IOException, InterruptedException {
      star.set(String.valueOf(value.get("rating")));
      context.write(star, one);
    }
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = TestDatabases.mariaDb(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          line.append(i == 1 ? "" : "\t").append(rs.getString(i));
        }
        out.add(line.toString());
      }
    }
    return out;
  }
}
