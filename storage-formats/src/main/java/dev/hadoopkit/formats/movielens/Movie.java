package dev.hadoopkit.formats.movielens;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One MovieLens movie. The release date is absent when the source has none (some u.item rows)
 * and, for {@code movies.csv} / {@code movies.dat}, is the first of January of the year in the title.
 */
public record Movie(int movieId, String title, LocalDate releaseDate) {

  public Movie {
    Objects.requireNonNull(title, "title");
  }
}
