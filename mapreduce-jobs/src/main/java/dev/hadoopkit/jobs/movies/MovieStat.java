package dev.hadoopkit.jobs.movies;

import dev.hadoopkit.jobs.output.OutputNumbers;
import java.time.LocalDate;
import java.util.Comparator;

/** A movie's final numbers: what the movie jobs filter, order and print. */
record MovieStat(int movieId, String title, LocalDate releaseDate, long count, double sum) {

  /** Lowest average first; among equal averages the most rated, then the lowest id. */
  public static final Comparator<MovieStat> BY_AVERAGE = Comparator.comparingDouble(MovieStat::average)
      .thenComparing(Comparator.comparingLong(MovieStat::count).reversed())
      .thenComparingInt(MovieStat::movieId);

  /** Most rated first, then the lowest id. */
  public static final Comparator<MovieStat> BY_POPULARITY = Comparator.comparingLong(MovieStat::count).reversed()
      .thenComparingInt(MovieStat::movieId);

  /** Oldest release first, then the lowest id; only for movies with a release date. */
  public static final Comparator<MovieStat> BY_RELEASE = Comparator.comparing(MovieStat::releaseDate)
      .thenComparingInt(MovieStat::movieId);

  public double average() {
    return sum / count;
  }

  public String averageText() {
    return OutputNumbers.average(sum, count);
  }
}
