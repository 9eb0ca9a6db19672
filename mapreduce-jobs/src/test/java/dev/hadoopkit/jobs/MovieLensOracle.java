package dev.hadoopkit.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The expected answers, computed the plainest way: split every line, add up in maps, sort lists.
 * Shares no code with the jobs (not even their parsers), so a job bug cannot hide in both.
 */
final class MovieLensOracle {

  record Movie(String title, LocalDate released) {
  }

  record Stat(int movieId, String title, LocalDate released, long count, double sum, double avg) {
  }

  private final Map<Double, Long> perStar = new TreeMap<>();
  private final Map<Integer, Long> perUser = new TreeMap<>();
  private final Map<Integer, double[]> perMovie = new TreeMap<>();
  private final Map<Integer, Movie> movies = new HashMap<>();

  MovieLensOracle(List<Path> ratingFiles, Path moviesFile) throws IOException {
    for (Path file : ratingFiles) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] fields = line.contains("::") ? line.split("::") : line.split(line.contains("\t") ? "\t" : ",");
        if (fields.length != 4) {
          continue;
        }
        try {
          int user = Integer.parseInt(fields[0]);
          int movie = Integer.parseInt(fields[1]);
          double stars = Double.parseDouble(fields[2]);
          Long.parseLong(fields[3]);
          if (stars < 0.5 || stars > 5 || user < 0 || movie < 0) {
            continue;
          }
          perStar.merge(stars, 1L, Long::sum);
          perUser.merge(user, 1L, Long::sum);
          double[] sumCount = perMovie.computeIfAbsent(movie, id -> new double[2]);
          sumCount[0] += stars;
          sumCount[1]++;
        } catch (NumberFormatException e) {
          // not a rating: skipped, as the jobs do
        }
      }
    }
    if (moviesFile != null) {
      DateTimeFormatter date = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
      for (String line : Files.readAllLines(moviesFile, StandardCharsets.ISO_8859_1)) {
        String[] fields = line.split("\\|", -1);
        movies.put(Integer.parseInt(fields[0]), new Movie(fields[1], fields[2].isEmpty() ? null : LocalDate.parse(fields[2], date)));
      }
    }
  }

  private List<Stat> stats() {
    List<Stat> stats = new ArrayList<>();
    perMovie.forEach((id, sumCount) -> {
      Movie movie = movies.get(id);
      stats.add(new Stat(id, movie == null ? "" : movie.title(), movie == null ? null : movie.released(),
          (long) sumCount[1], sumCount[0], sumCount[0] / sumCount[1]));
    });
    return stats;
  }

  /** Exact: the true quotient rounded half up, as a person would round 483 / 160 = 3.01875 to 3.0188. */
  private static String avg(Stat stat) {
    return new java.math.BigDecimal(stat.sum()).divide(java.math.BigDecimal.valueOf(stat.count()), 4, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  List<String> ratingsBreakdown() {
    return perStar.entrySet().stream()
        .map(e -> (e.getKey() == Math.floor(e.getKey()) ? String.valueOf(e.getKey().longValue()) : e.getKey().toString()) + "\t" + e.getValue())
        .collect(Collectors.toList());
  }

  List<String> ratingsPerUser() {
    return perUser.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).collect(Collectors.toList());
  }

  List<String> movieStats() {
    return stats().stream().map(s -> s.movieId() + "\t" + s.title() + "\t" + s.count() + "\t" + avg(s)).collect(Collectors.toList());
  }

  List<String> lowestRated(int minRatings, int limit) {
    return stats().stream().filter(s -> s.count() > minRatings)
        .sorted(Comparator.comparingDouble(Stat::avg).thenComparing(Stat::count, Comparator.reverseOrder()).thenComparingInt(Stat::movieId))
        .limit(limit).map(s -> s.movieId() + "\t" + s.title() + "\t" + avg(s) + "\t" + s.count()).collect(Collectors.toList());
  }

  List<String> badMovies(double below) {
    return stats().stream().filter(s -> s.avg() < below)
        .sorted(Comparator.comparing(Stat::count, Comparator.reverseOrder()).thenComparingInt(Stat::movieId))
        .map(s -> s.movieId() + "\t" + s.title() + "\t" + avg(s) + "\t" + s.count()).collect(Collectors.toList());
  }

  List<String> mostPopular(int limit) {
    return stats().stream().sorted(Comparator.comparing(Stat::count, Comparator.reverseOrder()).thenComparingInt(Stat::movieId))
        .limit(limit).map(s -> s.movieId() + "\t" + s.title() + "\t" + s.count()).collect(Collectors.toList());
  }

  List<String> oldestFiveStar(double above) {
    return stats().stream().filter(s -> s.avg() > above && s.released() != null)
        .sorted(Comparator.comparing(Stat::released).thenComparingInt(Stat::movieId))
        .map(s -> s.movieId() + "\t" + s.title() + "\t" + s.released() + "\t" + avg(s) + "\t" + s.count())
        .collect(Collectors.toList());
  }
}
