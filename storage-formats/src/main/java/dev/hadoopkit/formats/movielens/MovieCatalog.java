package dev.hadoopkit.formats.movielens;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The movies of one or more movie files, by id. Small enough (tens of thousands of rows) to live in a
 * task's memory, which is what makes the map-side join of titles possible.
 */
public final class MovieCatalog {

  private final Map<Integer, Movie> movies;
  private final List<MalformedLine> malformedLines;

  private MovieCatalog(Map<Integer, Movie> movies, List<MalformedLine> malformedLines) {
    this.movies = Collections.unmodifiableMap(movies);
    this.malformedLines = Collections.unmodifiableList(malformedLines);
  }

  public static MovieCatalog empty() {
    return new MovieCatalog(new HashMap<>(), new ArrayList<>());
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<Movie> find(int movieId) {
    return Optional.ofNullable(movies.get(movieId));
  }

  /** The title, or the empty string for an unknown movie (the jobs print an empty title column). */
  public String titleOf(int movieId) {
    Movie movie = movies.get(movieId);
    return movie == null ? "" : movie.title();
  }

  public int size() {
    return movies.size();
  }

  public boolean isEmpty() {
    return movies.isEmpty();
  }

  /** Lines that could not be read, in file order; they were skipped. */
  public List<MalformedLine> malformedLines() {
    return malformedLines;
  }

  /** A skipped line: where it was and what was wrong with it. */
  public record MalformedLine(String source, long lineNumber, String reason) {
    @Override
    public String toString() {
      return source + " line " + lineNumber + ": " + reason;
    }
  }

  /** Reads movie files one after another; each file's layout and charset is recognised from its first line. */
  public static final class Builder {
    private final Map<Integer, Movie> movies = new HashMap<>();
    private final List<MalformedLine> malformed = new ArrayList<>();
    private final MovieParser parser = new MovieParser();

    private Builder() {
    }

    /**
     * Adds the movies of one file.
     *
     * @param source the file's name, used in messages about its malformed lines
     */
    public Builder read(InputStream in, String source) throws IOException {
      byte[] content = in.readAllBytes();
      int firstLineEnd = 0;
      while (firstLineEnd < content.length && content[firstLineEnd] != '\n') {
        firstLineEnd++;
      }
      MovieFormat format = MovieFormat.detect(new String(content, 0, firstLineEnd, java.nio.charset.StandardCharsets.ISO_8859_1));
      // u.item is Latin-1, but the same layout written by a database import is UTF-8: take UTF-8 when it decodes.
      java.nio.charset.Charset charset = isUtf8(content) ? java.nio.charset.StandardCharsets.UTF_8 : format.charset();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), charset))) {
        String line;
        long lineNumber = 0;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          try {
            Movie movie = parser.parse(line, format);
            if (movie != null) {
              movies.put(movie.movieId(), movie);
            }
          } catch (MalformedRecordException e) {
            malformed.add(new MalformedLine(source, lineNumber, e.getMessage()));
          }
        }
      }
      return this;
    }

    private static boolean isUtf8(byte[] content) {
      try {
        java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(content));
        return true;
      } catch (java.nio.charset.CharacterCodingException e) {
        return false;
      }
    }

    public Builder add(Movie movie) {
      movies.put(movie.movieId(), movie);
      return this;
    }

    public MovieCatalog build() {
      return new MovieCatalog(new HashMap<>(movies), new ArrayList<>(malformed));
    }
  }
}
