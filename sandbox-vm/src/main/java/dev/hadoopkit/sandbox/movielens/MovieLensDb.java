package dev.hadoopkit.sandbox.movielens;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The database side of load-movielens: the tables of {@code movielens-mysql.sql}, filled from a {@link MovieLensData}
 * or by running the dump itself. Everything is loaded into a staging database first and moved into place table by
 * table with RENAME TABLE, so a failed load never leaves half a table behind.
 */
final class MovieLensDb {

  /** The dump's tables, in its order, with its column definitions. */
  static final Map<String, String> TABLES = new java.util.LinkedHashMap<>();

  static {
    TABLES.put("occupations", "id integer NOT NULL, name varchar(255), PRIMARY KEY (id)");
    TABLES.put("users", "id integer NOT NULL, age integer, gender char(1), occupation_id integer,"
        + " zip_code varchar(255), PRIMARY KEY (id)");
    TABLES.put("ratings", "id integer NOT NULL, user_id integer, movie_id integer, rating integer,"
        + " rated_at timestamp, PRIMARY KEY (id)");
    TABLES.put("movies", "id integer NOT NULL, title varchar(255), release_date date, PRIMARY KEY (id)");
    TABLES.put("genres", "id integer NOT NULL, name varchar(255), PRIMARY KEY (id)");
    TABLES.put("genres_movies", "id integer NOT NULL, movie_id integer, genre_id integer, PRIMARY KEY (id)");
  }

  private static final Pattern DB_NAME = Pattern.compile("[A-Za-z0-9_]{1,50}");
  private static final int BATCH = 5000;

  private final Connection connection;
  private final String database;
  private final String staging;

  /** {@code connection} must not be bound to a database; {@code database} is created when missing. */
  public MovieLensDb(Connection connection, String database) {
    if (!DB_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Invalid database name '" + database + "': use letters, digits and _");
    }
    this.connection = connection;
    this.database = database;
    this.staging = database + "__loading";
  }

  public void write(MovieLensData data) throws SQLException {
    prepareStaging();
    try (Statement s = connection.createStatement()) {
      for (Map.Entry<String, String> t : TABLES.entrySet()) {
        s.execute("CREATE TABLE `" + staging + "`.`" + t.getKey() + "` (" + t.getValue() + ")");
      }
    }
    connection.setAutoCommit(false);
    try {
      insert("occupations", "(id, name) VALUES (?, ?)", data.occupations(), (p, o) -> {
        p.setInt(1, o.id());
        p.setString(2, o.name());
      });
      insert("users", "(id, age, gender, occupation_id, zip_code) VALUES (?, ?, ?, ?, ?)", data.users(), (p, u) -> {
        p.setInt(1, u.id());
        p.setInt(2, u.age());
        p.setString(3, u.gender());
        p.setInt(4, u.occupationId());
        p.setString(5, u.zipCode());
      });
      insert("ratings", "(id, user_id, movie_id, rating, rated_at) VALUES (?, ?, ?, ?, ?)", data.ratings(), (p, r) -> {
        p.setInt(1, r.id());
        p.setInt(2, r.userId());
        p.setInt(3, r.movieId());
        p.setInt(4, r.rating());
        p.setString(5, r.ratedAt());
      });
      insert("movies", "(id, title, release_date) VALUES (?, ?, ?)", data.movies(), (p, m) -> {
        p.setInt(1, m.id());
        p.setString(2, m.title());
        p.setDate(3, m.releaseDate() == null ? null : Date.valueOf(m.releaseDate()));
      });
      List<int[]> genresMovies = new ArrayList<>();
      for (MovieLensData.Movie m : data.movies()) {
        for (int g : m.genreIds()) {
          genresMovies.add(new int[] {genresMovies.size() + 1, m.id(), g});
        }
      }
      insert("genres", "(id, name) VALUES (?, ?)", data.genres(), (p, g) -> {
        p.setInt(1, g.id());
        p.setString(2, g.name());
      });
      insert("genres_movies", "(id, movie_id, genre_id) VALUES (?, ?, ?)", genresMovies, (p, gm) -> {
        p.setInt(1, gm[0]);
        p.setInt(2, gm[1]);
        p.setInt(3, gm[2]);
      });
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    publish();
  }

  /** Runs a MySQL dump like movielens-mysql.sql (statements ending with ';' at a line end) into the database. */
  public void loadDump(Path dump) throws IOException, SQLException {
    prepareStaging();
    connection.setCatalog(staging);
    try (BufferedReader r = Files.newBufferedReader(dump, StandardCharsets.UTF_8);
         Statement s = connection.createStatement()) {
      StringBuilder statement = new StringBuilder();
      String line;
      int lineNo = 0;
      int startLine = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (statement.length() == 0 && (line.isBlank() || line.startsWith("--"))) {
          startLine = lineNo + 1;
          continue;
        }
        statement.append(line).append('\n');
        if (line.endsWith(";")) {
          String sql = statement.toString().trim();
          statement.setLength(0);
          try {
            s.execute(sql.substring(0, sql.length() - 1));
          } catch (SQLException e) {
            throw new SQLException(dump + " line " + startLine + ": " + e.getMessage(), e.getSQLState(), e);
          }
          startLine = lineNo + 1;
        }
      }
      if (statement.length() > 0 && !statement.toString().isBlank()) {
        throw new IOException(dump + " line " + startLine + ": the last statement has no closing ';'");
      }
    } finally {
      connection.setCatalog(null);
    }
    for (String table : TABLES.keySet()) {
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
               + staging + "' AND table_name = '" + table + "'")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          throw new IOException(dump + " has no table `" + table + "`: it is not a MovieLens dump like"
              + " movielens-mysql.sql (tables " + String.join(", ", TABLES.keySet()) + ")");
        }
      }
    }
    publish();
  }

  /** Reads the loaded tables back (used to write the HDFS files of a dump). */
  public MovieLensData read() throws SQLException {
    List<MovieLensData.Named> occupations = new ArrayList<>();
    List<MovieLensData.User> users = new ArrayList<>();
    List<MovieLensData.Named> genres = new ArrayList<>();
    List<MovieLensData.Movie> movies = new ArrayList<>();
    List<MovieLensData.Rating> ratings = new ArrayList<>();
    String db = "`" + database + "`.";
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM " + db + "occupations ORDER BY id")) {
        while (rs.next()) {
          occupations.add(new MovieLensData.Named(rs.getInt(1), rs.getString(2)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, age, gender, occupation_id, zip_code FROM " + db
          + "users ORDER BY id")) {
        while (rs.next()) {
          users.add(new MovieLensData.User(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM " + db + "genres ORDER BY id")) {
        while (rs.next()) {
          genres.add(new MovieLensData.Named(rs.getInt(1), rs.getString(2)));
        }
      }
      Map<Integer, List<Integer>> movieGenres = new HashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT movie_id, genre_id FROM " + db + "genres_movies ORDER BY id")) {
        while (rs.next()) {
          movieGenres.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getInt(2));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, title, release_date FROM " + db + "movies ORDER BY id")) {
        while (rs.next()) {
          Date release = rs.getDate(3);
          List<Integer> g = new ArrayList<>(movieGenres.getOrDefault(rs.getInt(1), List.of()));
          g.sort(null);
          movies.add(new MovieLensData.Movie(rs.getInt(1), rs.getString(2),
              release == null ? null : release.toLocalDate(), g));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, user_id, movie_id, rating, CAST(rated_at AS CHAR) FROM " + db
          + "ratings ORDER BY id")) {
        while (rs.next()) {
          ratings.add(new MovieLensData.Rating(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
              MovieLensData.Rating.epochOf(rs.getString(5))));
        }
      }
    }
    return new MovieLensData(occupations, users, genres, movies, ratings);
  }

  /** Row counts of the loaded tables, in the dump's order. */
  public Map<String, Long> counts() throws SQLException {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    try (Statement s = connection.createStatement()) {
      for (String table : TABLES.keySet()) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + database + "`.`" + table + "`")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private void prepareStaging() throws SQLException {
    try (Statement s = connection.createStatement()) {
      // Rating times are stored as the dump has them: local times; the session zone must not shift them.
      s.execute("SET time_zone = '+00:00'");
      s.execute("DROP DATABASE IF EXISTS `" + staging + "`");
      s.execute("CREATE DATABASE `" + staging + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
      s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    }
  }

  private void publish() throws SQLException {
    try (Statement s = connection.createStatement()) {
      List<String> renames = new ArrayList<>();
      for (String table : TABLES.keySet()) {
        s.execute("DROP TABLE IF EXISTS `" + database + "`.`" + table + "`");
        renames.add("`" + staging + "`.`" + table + "` TO `" + database + "`.`" + table + "`");
      }
      s.execute("RENAME TABLE " + String.join(", ", renames));
      s.execute("DROP DATABASE IF EXISTS `" + staging + "`");
    }
  }

  private interface Binder<T> {
    void bind(PreparedStatement p, T row) throws SQLException;
  }

  private <T> void insert(String table, String columnsAndValues, List<T> rows, Binder<T> binder) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO `" + staging + "`.`" + table + "` "
        + columnsAndValues)) {
      int n = 0;
      for (T row : rows) {
        binder.bind(p, row);
        p.addBatch();
        if (++n % BATCH == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
  }
}
