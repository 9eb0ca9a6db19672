package dev.hadoopkit.sandbox.movielens;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes MovieLens into a Hadoop filesystem directory in ml-100k's layout (u.data, u.item, u.user, u.genre,
 * u.occupation; ISO-8859-1), into a temporary sibling first and renamed into place when complete.
 */
final class Ml100kFiles {
  static final List<String> FILES = List.of("u.data", "u.item", "u.user", "u.genre", "u.occupation", "u.info");

  private Ml100kFiles() {
  }

  /** Copies an ml-100k directory's files byte for byte. */
  public static void copy(java.nio.file.Path source, FileSystem fs, Path target) throws IOException {
    Path tmp = temporarySibling(target);
    fs.mkdirs(tmp);
    for (String name : FILES) {
      java.nio.file.Path f = source.resolve(name);
      if (java.nio.file.Files.isRegularFile(f)) {
        fs.copyFromLocalFile(false, true, new Path(f.toAbsolutePath().toUri()), new Path(tmp, name));
      }
    }
    commit(fs, tmp, target);
  }

  /** Writes the files from the tables (a MySQL dump has no IMDb URLs: that column stays empty). */
  public static void write(MovieLensData data, FileSystem fs, Path target) throws IOException {
    Path tmp = temporarySibling(target);
    fs.mkdirs(tmp);
    StringBuilder sb = new StringBuilder(data.ratings().size() * 24);
    for (MovieLensData.Rating r : data.ratings()) {
      sb.append(r.userId()).append('\t').append(r.movieId()).append('\t').append(r.rating()).append('\t')
          .append(r.epochSeconds()).append('\n');
    }
    writeFile(fs, new Path(tmp, "u.data"), sb);
    int maxGenre = data.genres().stream().mapToInt(MovieLensData.Named::id).max().orElse(0);
    sb.setLength(0);
    for (MovieLensData.Movie m : data.movies()) {
      LocalDate d = m.releaseDate();
      sb.append(m.id()).append('|').append(m.title()).append('|')
          .append(d == null ? "" : MovieLensData.U_ITEM_DATE.format(d)).append("||");
      Set<Integer> genres = new HashSet<>(m.genreIds());
      sb.append('|').append(genres.isEmpty() ? 1 : 0);
      for (int g = 1; g <= maxGenre; g++) {
        sb.append('|').append(genres.contains(g) ? 1 : 0);
      }
      sb.append('\n');
    }
    writeFile(fs, new Path(tmp, "u.item"), sb);
    List<String> occupationNames = new ArrayList<>();
    for (MovieLensData.Named o : data.occupations()) {
      while (occupationNames.size() < o.id()) {
        occupationNames.add("");
      }
      occupationNames.set(o.id() - 1, o.name().toLowerCase(Locale.ROOT));
    }
    sb.setLength(0);
    for (MovieLensData.User u : data.users()) {
      String occupation = u.occupationId() >= 1 && u.occupationId() <= occupationNames.size()
          ? occupationNames.get(u.occupationId() - 1) : "other";
      sb.append(u.id()).append('|').append(u.age()).append('|').append(u.gender()).append('|').append(occupation)
          .append('|').append(u.zipCode()).append('\n');
    }
    writeFile(fs, new Path(tmp, "u.user"), sb);
    sb.setLength(0);
    sb.append("unknown|0\n");
    for (MovieLensData.Named g : data.genres()) {
      sb.append(g.name()).append('|').append(g.id()).append('\n');
    }
    writeFile(fs, new Path(tmp, "u.genre"), sb);
    sb.setLength(0);
    for (String o : occupationNames) {
      sb.append(o).append('\n');
    }
    writeFile(fs, new Path(tmp, "u.occupation"), sb);
    commit(fs, tmp, target);
  }

  private static void writeFile(FileSystem fs, Path file, CharSequence text) throws IOException {
    try (FSDataOutputStream out = fs.create(file, true)) {
      writeText(out, text);
    }
  }

  private static void writeText(OutputStream out, CharSequence text) throws IOException {
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Path temporarySibling(Path target) {
    return new Path(target.getParent(), "." + target.getName() + ".loading-" + System.nanoTime());
  }

  private static void commit(FileSystem fs, Path tmp, Path target) throws IOException {
    if (fs.exists(target) && !fs.delete(target, true)) {
      throw new IOException("Cannot replace " + target + ": delete failed");
    }
    if (!fs.rename(tmp, target)) {
      throw new IOException("Cannot move " + tmp + " to " + target);
    }
  }
}
