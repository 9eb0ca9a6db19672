package dev.hadoopkit.jobs.input;

/** What the ratings readers saw. Display names are in {@code RatingsCounter.properties}. */
public enum RatingsCounter {
  RATINGS_READ,
  MALFORMED_LINES,
  HEADER_LINES,
  BLANK_LINES,
  MALFORMED_MOVIE_LINES,
  RATINGS_OF_UNKNOWN_MOVIES,
  COLUMNAR_BYTES_READ
}
