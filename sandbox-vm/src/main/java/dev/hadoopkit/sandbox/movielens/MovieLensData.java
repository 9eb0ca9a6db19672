package dev.hadoopkit.sandbox.movielens;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * MovieLens 100k as the sandbox loads it: the tables of {@code movielens-mysql.sql} (occupations, users, genres,
 * movies, genres_movies, ratings). Immutable.
 */
record MovieLensData(List<Named> occupations, List<User> users, List<Named> genres, List<Movie> movies,
    List<Rating> ratings) {

  /**
   * The MySQL dump stores rating times as local times of the MovieLens site (US Pacific); u.data has epoch
   * seconds. This zone converts one to the other.
   */
  public static final ZoneId RATING_ZONE = ZoneId.of("America/Los_Angeles");
  static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  /** u.item's release dates: 01-Jan-1995. */
  static final DateTimeFormatter U_ITEM_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
  /** Reading also accepts one-digit days (u.item has 4-Feb-1971). */
  static final DateTimeFormatter U_ITEM_DATE_IN = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

  public MovieLensData {
    occupations = List.copyOf(occupations);
    users = List.copyOf(users);
    genres = List.copyOf(genres);
    movies = List.copyOf(movies);
    ratings = List.copyOf(ratings);
  }

  /** An id and a name: occupations and genres. */
  public record Named(int id, String name) {
  }

  public record User(int id, int age, String gender, int occupationId, String zipCode) {
  }

  /** A movie; releaseDate may be null (unknown); genreIds are the ids of {@link #genres()}, ascending. */
  public record Movie(int id, String title, LocalDate releaseDate, List<Integer> genreIds) {
    public Movie {
      genreIds = List.copyOf(genreIds);
    }
  }

  /** One rating; {@code id} is its 1-based line number in u.data. */
  public record Rating(int id, int userId, int movieId, int rating, long epochSeconds) {
    public String ratedAt() {
      return SQL_DATETIME.format(LocalDateTime.ofEpochSecond(epochSeconds, 0,
          RATING_ZONE.getRules().getOffset(java.time.Instant.ofEpochSecond(epochSeconds))));
    }

    static long epochOf(String sqlDateTime) {
      return LocalDateTime.parse(sqlDateTime, SQL_DATETIME).atZone(RATING_ZONE).toEpochSecond();
    }
  }
}
