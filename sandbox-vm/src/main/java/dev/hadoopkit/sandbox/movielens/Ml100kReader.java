package dev.hadoopkit.sandbox.movielens;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an ml-100k directory (u.data, u.item, u.user; u.genre and u.occupation when present, else MovieLens's
 * standard lists) into the tables of the MySQL dump. Files are ISO-8859-1, as GroupLens ships them. A malformed
 * line fails with its file and line number.
 */
final class Ml100kReader {

  static final String[] STANDARD_GENRES = {"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
      "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
      "Thriller", "War", "Western"};
  static final String[] STANDARD_OCCUPATIONS = {"administrator", "artist", "doctor", "educator", "engineer",
      "entertainment", "executive", "healthcare", "homemaker", "lawyer", "librarian", "marketing", "none", "other",
      "programmer", "retired", "salesman", "scientist", "student", "technician", "writer"};

  private Ml100kReader() {
  }

  /** True when {@code dir} looks like ml-100k: it has u.data and u.item. */
  public static boolean isMl100k(Path dir) {
    return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("u.data"))
        && Files.isRegularFile(dir.resolve("u.item"));
  }

  public static MovieLensData read(Path dir) throws IOException {
    if (!isMl100k(dir)) {
      throw new IOException("Invalid ml-100k directory " + dir + ": it needs u.data and u.item (and u.user)");
    }
    // Genres: u.genre is "name|id"; the dump keeps ids 1..18 and drops "unknown" (0).
    List<String> genreNames = new ArrayList<>();
    if (Files.isRegularFile(dir.resolve("u.genre"))) {
      for (String[] f : lines(dir.resolve("u.genre"), "\\|", 2)) {
        int id = parseInt(f[1], dir.resolve("u.genre"), f);
        while (genreNames.size() <= id) {
          genreNames.add(null);
        }
        genreNames.set(id, f[0]);
      }
    } else {
      genreNames.addAll(List.of(STANDARD_GENRES));
    }
    List<MovieLensData.Named> genres = new ArrayList<>();
    for (int id = 1; id < genreNames.size(); id++) {
      genres.add(new MovieLensData.Named(id, genreNames.get(id)));
    }
    // Occupations: one name a line (u.occupation), numbered from 1 in file order, capitalized as in the dump.
    List<String> occupationNames = new ArrayList<>();
    if (Files.isRegularFile(dir.resolve("u.occupation"))) {
      for (String[] f : lines(dir.resolve("u.occupation"), "\\|", 1)) {
        occupationNames.add(f[0].trim());
      }
    } else {
      occupationNames.addAll(List.of(STANDARD_OCCUPATIONS));
    }
    List<MovieLensData.Named> occupations = new ArrayList<>();
    Map<String, Integer> occupationIds = new HashMap<>();
    for (int i = 0; i < occupationNames.size(); i++) {
      String name = occupationNames.get(i);
      occupations.add(new MovieLensData.Named(i + 1, capitalize(name)));
      occupationIds.put(name.toLowerCase(Locale.ROOT), i + 1);
    }
    List<MovieLensData.User> users = new ArrayList<>();
    Path userFile = dir.resolve("u.user");
    if (Files.isRegularFile(userFile)) {
      int lineNo = 0;
      for (String[] f : lines(userFile, "\\|", 5)) {
        lineNo++;
        Integer occupation = occupationIds.get(f[3].toLowerCase(Locale.ROOT));
        if (occupation == null) {
          throw new IOException(userFile + " line " + lineNo + ": unknown occupation '" + f[3]
              + "' (not in u.occupation)");
        }
        users.add(new MovieLensData.User(parseInt(f[0], userFile, f), parseInt(f[1], userFile, f), f[2], occupation,
            f[4]));
      }
    }
    List<MovieLensData.Movie> movies = new ArrayList<>();
    Path itemFile = dir.resolve("u.item");
    for (String[] f : lines(itemFile, "\\|", 5 + genreNames.size())) {
      List<Integer> movieGenres = new ArrayList<>();
      for (int g = 1; g < genreNames.size(); g++) {
        if ("1".equals(f[5 + g])) {
          movieGenres.add(g);
        }
      }
      movies.add(new MovieLensData.Movie(parseInt(f[0], itemFile, f), f[1], parseDate(f[2], itemFile, f),
          movieGenres));
    }
    List<MovieLensData.Rating> ratings = new ArrayList<>();
    Path dataFile = dir.resolve("u.data");
    try (BufferedReader r = Files.newBufferedReader(dataFile, StandardCharsets.ISO_8859_1)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 4) {
          throw new IOException(dataFile + " line " + lineNo + ": expected 4 tab-separated fields (user, movie,"
              + " rating, timestamp), found " + f.length);
        }
        try {
          ratings.add(new MovieLensData.Rating(ratings.size() + 1, Integer.parseInt(f[0]), Integer.parseInt(f[1]),
              Integer.parseInt(f[2]), Long.parseLong(f[3])));
        } catch (NumberFormatException e) {
          throw new IOException(dataFile + " line " + lineNo + ": not a number: " + e.getMessage());
        }
      }
    }
    return new MovieLensData(occupations, users, genres, movies, ratings);
  }

  private static List<String[]> lines(Path file, String separator, int minFields) throws IOException {
    List<String[]> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(separator, -1);
      if (f.length < minFields) {
        throw new IOException(file + " line " + lineNo + ": expected at least " + minFields + " fields, found "
            + f.length);
      }
      out.add(f);
    }
    return out;
  }

  private static int parseInt(String s, Path file, String[] fields) throws IOException {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IOException(file + ": '" + s + "' is not a number in line '" + String.join("|", fields) + "'");
    }
  }

  private static LocalDate parseDate(String s, Path file, String[] fields) throws IOException {
    if (s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.trim(), MovieLensData.U_ITEM_DATE_IN);
    } catch (DateTimeParseException e) {
      throw new IOException(file + ": invalid release date '" + s + "' (expected like 01-Jan-1995) in movie "
          + fields[0]);
    }
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
