package dev.hadoopkit.sandbox.movielens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.sandbox.Sandbox;
import dev.hadoopkit.sandbox.cluster.HadoopConfigWriter;
import dev.hadoopkit.sandbox.cluster.SandboxHome;
import dev.hadoopkit.sandbox.cluster.Topology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * load-movielens against the local MariaDB (127.0.0.1:3306, root) and a file:// target (no cluster needed): an
 * ml-100k directory and a MySQL dump of the same data must give the same tables, and the dump's regenerated u.data
 * must be byte-identical to the original.
 */
class MovieLensLoaderIT {
  static final int DB_PORT = 3306;

  @TempDir
  Path temp;
  String suffix;
  final List<String> databases = new ArrayList<>();

  @BeforeEach
  void names() {
    suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  @AfterEach
  void dropDatabases() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String db : databases) {
        s.execute("DROP DATABASE IF EXISTS `" + db + "`");
      }
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + DB_PORT + "/", "root", "");
  }

  private Sandbox sandbox() throws Exception {
    SandboxHome home = new SandboxHome(temp.resolve("home"));
    Topology t = new Topology(1, 1, 1, 0, true, false, DB_PORT);
    Files.createDirectories(home.root());
    t.save(home.topologyFile());
    new HadoopConfigWriter(home, t).writeAll();
    return new Sandbox(home, temp, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static final String U_DATA = "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t242\t1\t878887116\n"
      + "244\t51\t2\t880606923\n";

  private Path ml100k() throws Exception {
    Path dir = temp.resolve("ml-100k");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("u.data"), U_DATA, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("u.item"),
        "51|Legends of the Fall (1994)|01-Jan-1994||http://a|0|1|0|0|0|0|0|0|1|0|0|0|0|0|1|0|0|1|1\n"
            + "242|Kolya (1996)|24-Jan-1997||http://b|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
            + "302|Misérables, Les (1995)|||http://c|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n",
        StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("u.user"), "22|25|M|writer|40206\n186|39|F|executive|00000\n"
        + "196|49|M|writer|55105\n244|28|M|technician|80525\n", StandardCharsets.ISO_8859_1);
    return dir;
  }

  /** The same data as {@link #ml100k()}, written the way movielens-mysql.sql is. */
  private Path dump() throws Exception {
    StringBuilder sql = new StringBuilder("BEGIN;\n\nDROP TABLE IF EXISTS occupations;\nCREATE TABLE occupations (\n"
        + "  id integer NOT NULL,\n  name varchar(255),\n  PRIMARY KEY (id)\n);\nINSERT INTO occupations VALUES ");
    String[] occ = Ml100kReader.STANDARD_OCCUPATIONS;
    for (int i = 0; i < occ.length; i++) {
      sql.append(i == 0 ? "" : ",").append('(').append(i + 1).append(",'")
          .append(Ml100kReader.capitalize(occ[i])).append("')");
    }
    sql.append(";\n\nDROP TABLE IF EXISTS users;\nCREATE TABLE users (\n  id integer NOT NULL,\n  age integer,\n"
        + "  gender char(1),\n  occupation_id integer,\n  zip_code varchar(255),\n  PRIMARY KEY (id)\n);\n"
        + "INSERT INTO users VALUES (22,25,'M',21,'40206'),(186,39,'F',7,'00000'),(196,49,'M',21,'55105'),"
        + "(244,28,'M',20,'80525');\n\n");
    sql.append("DROP TABLE IF EXISTS ratings;\nCREATE TABLE ratings (\n  id integer NOT NULL,\n  user_id integer,\n"
        + "  movie_id integer,\n  rating integer,\n  rated_at timestamp,\n  PRIMARY KEY (id)\n);\n"
        + "INSERT INTO ratings VALUES (1,196,242,3,'1997-12-04 07:55:49'),(2,186,302,3,'1998-04-04 11:22:22'),"
        + "(3,22,242,1,'1997-11-06 23:18:36'),(4,244,51,2,'1997-11-26 21:02:03');\n\n");
    sql.append("DROP TABLE IF EXISTS movies;\nCREATE TABLE movies (\n  id integer NOT NULL,\n  title varchar(255),\n"
        + "  release_date date,\n  PRIMARY KEY (id)\n);\nINSERT INTO movies VALUES (51,'Legends of the Fall (1994)',"
        + "'1994-01-01'),(242,'Kolya (1996)','1997-01-24'),(302,'Misérables, Les (1995)',NULL);\n\n");
    sql.append("DROP TABLE IF EXISTS genres;\nCREATE TABLE genres (\n  id integer NOT NULL,\n  name varchar(255),\n"
        + "  PRIMARY KEY (id)\n);\nINSERT INTO genres VALUES ");
    String[] genres = Ml100kReader.STANDARD_GENRES;
    for (int g = 1; g < genres.length; g++) {
      sql.append(g == 1 ? "" : ",").append('(').append(g).append(",'").append(genres[g].replace("'", "''"))
          .append("')");
    }
    sql.append(";\n\nDROP TABLE IF EXISTS genres_movies;\nCREATE TABLE genres_movies (\n  id integer NOT NULL,\n"
        + "  movie_id integer,\n  genre_id integer,\n  PRIMARY KEY (id)\n);\n"
        + "INSERT INTO genres_movies VALUES (1,51,1),(2,51,8),(3,51,14),(4,51,17),(5,51,18),(6,242,5);\n\nCOMMIT;\n");
    Path file = temp.resolve("movielens-small.sql");
    Files.writeString(file, sql.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private List<String> rows(String db, String table) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM `" + db + "`.`" + table + "` ORDER BY id")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        rows.add(sb.toString());
      }
    }
    return rows;
  }

  @Test
  void directoryAndDumpGiveTheSameTablesAndFiles() throws Exception {
    Sandbox sandbox = sandbox();
    String fromDir = "sbx_it_dir_" + suffix;
    String fromDump = "sbx_it_dump_" + suffix;
    databases.add(fromDir);
    databases.add(fromDump);
    Path source = ml100k();
    Path dirTarget = temp.resolve("hdfs/dir");
    Path dumpTarget = temp.resolve("hdfs/dump");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    MovieLensLoader loader = new MovieLensLoader(sandbox, new PrintStream(log, true, StandardCharsets.UTF_8));
    loader.load(source, dirTarget.toUri().toString(), fromDir, 1, 1);
    loader.load(dump(), dumpTarget.toUri().toString(), fromDump, 1, 1);

    assertEquals(List.of("1|196|242|3|1997-12-04 07:55:49", "2|186|302|3|1998-04-04 11:22:22",
        "3|22|242|1|1997-11-06 23:18:36", "4|244|51|2|1997-11-26 21:02:03"), rows(fromDir, "ratings"));
    assertEquals(List.of("51|Legends of the Fall (1994)|1994-01-01", "242|Kolya (1996)|1997-01-24",
        "302|Misérables, Les (1995)|null"), rows(fromDir, "movies"));
    assertEquals("186|39|F|7|00000", rows(fromDir, "users").get(1));
    for (String table : MovieLensDb.TABLES.keySet()) {
      assertEquals(rows(fromDump, table), rows(fromDir, table), "table " + table);
    }
    // Copied byte for byte from the directory; regenerated from the dump's tables: the same ratings file.
    assertArrayEquals(Files.readAllBytes(source.resolve("u.data")), Files.readAllBytes(dirTarget.resolve("u.data")));
    assertArrayEquals(U_DATA.getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(dumpTarget.resolve("u.data")));
    List<String> items = Files.readAllLines(dumpTarget.resolve("u.item"), StandardCharsets.ISO_8859_1);
    assertEquals("302|Misérables, Les (1995)|||" + "|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0", items.get(2));
  }

  @Test
  void generatedDataLoadsTheRequestedNumberOfRatings() throws Exception {
    Sandbox sandbox = sandbox();
    String db = "sbx_it_gen_" + suffix;
    databases.add(db);
    Path target = temp.resolve("hdfs/gen");
    new MovieLensLoader(sandbox, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .load(null, target.toUri().toString(), db, 5, 2000);
    assertEquals(2000, Files.readAllLines(target.resolve("u.data")).size());
    assertEquals(2000, rows(db, "ratings").size());
    assertEquals(Files.readAllLines(target.resolve("u.item"), StandardCharsets.ISO_8859_1).size(),
        rows(db, "movies").size());
  }
}
