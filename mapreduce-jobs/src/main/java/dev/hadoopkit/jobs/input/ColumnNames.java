package dev.hadoopkit.jobs.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * The columns a job needs, found among a file's columns by name ignoring case and underscores, so files written
 * by {@code formats convert} ({@code userId}) and files imported from the MovieLens database ({@code user_id})
 * both work. A needed column may have one fallback, taken only when no column matches the name itself (movies
 * accept {@code id} for {@code movieId}; ratings never do: their {@code id} numbers the rating).
 *
 * @param table what the file holds, for messages ({@code ratings}, {@code movies})
 * @param needed the columns in the order a reader wants them
 * @param fallbacks a second name for some needed columns
 */
record ColumnNames(String table, List<String> needed, Map<String, String> fallbacks) {

  static final ColumnNames RATINGS = new ColumnNames("ratings", List.of("userId", "movieId", "rating"), Map.of());
  static final ColumnNames MOVIES = new ColumnNames("movies", List.of("movieId", "title", "releaseDate"),
      Map.of("movieId", "id"));

  ColumnNames {
    needed = List.copyOf(needed);
    fallbacks = Map.copyOf(fallbacks);
  }

  /**
   * The file's names for the {@link #needed} columns, in that order. Fails naming the file, the columns found and
   * the ones needed when a column is missing, or when two of the file's columns match one name.
   */
  List<String> resolve(Path file, List<String> found) throws IOException {
    List<String> chosen = new ArrayList<>(needed.size());
    List<String> missing = new ArrayList<>();
    for (String name : needed) {
      String match = match(file, name, found);
      if (match == null && fallbacks.containsKey(name)) {
        match = match(file, fallbacks.get(name), found);
      }
      if (match == null) {
        missing.add(name);
      }
      chosen.add(match);
    }
    if (!missing.isEmpty()) {
      throw new IOException("Cannot read " + table + " from " + file + ": no column " + String.join(", ", missing)
          + " (columns found: " + String.join(", ", found) + "); " + table + " need " + describeNeeded()
          + ", matched ignoring case and underscores (user_id is userId). Rename the columns, or convert the file with "
          + "formats convert --preset movielens-" + table + ".");
    }
    return List.copyOf(chosen);
  }

  /** The one column named {@code name}: exactly, else ignoring case and underscores; null when there is none. */
  private String match(Path file, String name, List<String> found) throws IOException {
    if (found.contains(name)) {
      return name;
    }
    String key = normalize(name);
    String match = null;
    for (String column : found) {
      if (normalize(column).equals(key)) {
        if (match != null) {
          throw new IOException("Cannot read " + table + " from " + file + ": columns " + match + " and " + column
              + " both stand for " + name + " (columns found: " + String.join(", ", found) + "). Drop or rename one of them.");
        }
        match = column;
      }
    }
    return match;
  }

  private String describeNeeded() {
    List<String> names = new ArrayList<>();
    for (String name : needed) {
      names.add(fallbacks.containsKey(name) ? name + " (or " + fallbacks.get(name) + ")" : name);
    }
    return String.join(", ", names);
  }

  /** {@code user_id}, {@code USERID} and {@code userId} all give {@code userid}. */
  static String normalize(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
