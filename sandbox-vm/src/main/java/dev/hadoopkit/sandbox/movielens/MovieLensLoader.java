package dev.hadoopkit.sandbox.movielens;

import dev.hadoopkit.formats.generate.MovieLensGenerator;
import dev.hadoopkit.sandbox.Sandbox;
import dev.hadoopkit.sandbox.cluster.Topology;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code sandbox load-movielens [PATH]}: MovieLens into HDFS (ml-100k layout) and into the database's
 * {@code movielens} tables (the layout of movielens-mysql.sql). PATH is an ml-100k directory or a MySQL dump; without
 * one, seeded generated data.
 */
public final class MovieLensLoader {
  private final Sandbox sandbox;
  private final PrintStream out;

  public MovieLensLoader(Sandbox sandbox, PrintStream out) {
    this.sandbox = sandbox;
    this.out = out;
  }

  public void load(java.nio.file.Path source, String hdfsDir, String dbName, long seed, int ratings)
      throws IOException, SQLException, Sandbox.SandboxException {
    Topology topology = sandbox.requireTopology();
    Configuration conf = clientConf(sandbox.home().clientConf());
    long t0 = System.nanoTime();
    java.nio.file.Path generated = null;
    try {
      if (source == null) {
        generated = Files.createTempDirectory("sandbox-movielens-");
        generate(generated, seed, ratings);
        out.printf(Locale.ROOT, "Generated %,d ratings (seed %d) in %s%n", ratings, seed, generated);
        source = generated;
      }
      Path target = new Path(hdfsDir);
      FileSystem fs = target.getFileSystem(conf);
      target = fs.makeQualified(target);
      if (Ml100kReader.isMl100k(source)) {
        MovieLensData data = Ml100kReader.read(source);
        Ml100kFiles.copy(source, fs, target);
        out.println("HDFS: " + target + " <- " + source + " (u.data " + data.ratings().size() + " ratings, u.item "
            + data.movies().size() + " movies)");
        if (topology.database()) {
          try (Connection c = connect(topology)) {
            MovieLensDb db = new MovieLensDb(c, dbName);
            db.write(data);
            out.println("DB:   " + dbName + " " + db.counts());
          }
        }
      } else if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".sql")) {
        if (!topology.database()) {
          throw new Sandbox.SandboxException("A MySQL dump needs the database, but this sandbox runs without one"
              + " (--no-db). Bring it up with a database, or load an ml-100k directory");
        }
        try (Connection c = connect(topology)) {
          MovieLensDb db = new MovieLensDb(c, dbName);
          db.loadDump(source);
          Map<String, Long> counts = db.counts();
          out.println("DB:   " + dbName + " " + counts + " <- " + source);
          MovieLensData data = db.read();
          Ml100kFiles.write(data, fs, target);
          out.println("HDFS: " + target + " (u.data " + data.ratings().size() + " ratings, u.item "
              + data.movies().size() + " movies, from the dump's tables)");
        }
      } else {
        throw new Sandbox.SandboxException("Invalid PATH " + source + ": give an ml-100k directory (with u.data and"
            + " u.item) or a MySQL dump ending in .sql, like movielens-mysql.sql");
      }
      out.printf(Locale.ROOT, "Loaded in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
    } finally {
      if (generated != null) {
        try (var files = Files.walk(generated)) {
          for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  /**
   * MovieLens into database {@code dbName} of any MySQL-compatible server (no HDFS): the tables of movielens-mysql.sql,
   * from an ml-100k directory, a MySQL dump, or seeded generated data when {@code source} is null. Tables are built
   * in a staging database and swapped in, so a failed load leaves the previous tables as they were.
   */
  public static Map<String, Long> loadDatabase(String serverUrl, String user, String password, String dbName,
      java.nio.file.Path source, long seed, int ratings, PrintStream out) throws IOException, SQLException {
    long t0 = System.nanoTime();
    java.nio.file.Path generated = null;
    try (Connection c = DriverManager.getConnection(serverUrl, user, password == null ? "" : password)) {
      MovieLensDb db = new MovieLensDb(c, dbName);
      if (source == null) {
        generated = Files.createTempDirectory("movielens-db-");
        generate(generated, seed, ratings);
        db.write(Ml100kReader.read(generated));
        out.printf(Locale.ROOT, "# generated %,d ratings (seed %d)%n", ratings, seed);
      } else if (Ml100kReader.isMl100k(source)) {
        db.write(Ml100kReader.read(source));
      } else if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".sql")) {
        db.loadDump(source);
      } else {
        throw new IOException("Invalid PATH " + source + ": give an ml-100k directory (with u.data and u.item) or a"
            + " MySQL dump ending in .sql, like movielens-mysql.sql");
      }
      Map<String, Long> counts = db.counts();
      out.printf(Locale.ROOT, "# loaded %s into %s in %.1f s%n", source == null ? "generated data" : source, dbName,
          (System.nanoTime() - t0) / 1e9);
      return counts;
    } finally {
      if (generated != null) {
        try (var files = Files.walk(generated)) {
          for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  /** Seeded MovieLens-shaped data in ml-100k layout (the MovieLens jobs' own generator). */
  static void generate(java.nio.file.Path dir, long seed, int ratings) throws IOException {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(ratings).seed(seed).build();
    try (OutputStream o = Files.newOutputStream(dir.resolve("u.data"))) {
      generator.writeRatings(o);
    }
    try (OutputStream o = Files.newOutputStream(dir.resolve("u.item"))) {
      generator.writeMovies(o);
    }
    try (OutputStream o = Files.newOutputStream(dir.resolve("u.user"))) {
      generator.writeUsers(o);
    }
  }

  static Connection connect(Topology topology) throws SQLException {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + topology.dbPort() + "/", "root", "");
  }

  static Configuration clientConf(java.nio.file.Path confDir) {
    Configuration conf = new Configuration();
    for (String f : new String[] {"core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml"}) {
      conf.addResource(new Path(confDir.resolve(f).toUri()));
    }
    return conf;
  }
}
