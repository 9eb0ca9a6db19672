package dev.hadoopkit.formats.text;

import dev.hadoopkit.formats.io.RecordReader;
import dev.hadoopkit.formats.movielens.MalformedRecordException;
import dev.hadoopkit.formats.movielens.Movie;
import dev.hadoopkit.formats.movielens.MovieFormat;
import dev.hadoopkit.formats.movielens.MovieParser;
import dev.hadoopkit.formats.movielens.Rating;
import dev.hadoopkit.formats.movielens.RatingParser;
import dev.hadoopkit.formats.schema.Preset;
import dev.hadoopkit.formats.schema.Schemas;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * MovieLens text in any of its layouts (u.data/ratings.dat/ratings.csv, u.item/movies.dat/movies.csv,
 * u.user/users.dat) as records of a {@link Preset} schema. Ratings times become milliseconds; an int rating
 * column takes whole stars only. Any malformed line fails the read, naming file and line.
 */
public final class MovieLensTextReader implements RecordReader {

  private final Preset preset;
  private final Schema schema;
  private final String source;
  private final BufferedReader lines;
  private final boolean intRating;
  private final RatingParser ratingParser = new RatingParser();
  private final MovieParser movieParser = new MovieParser();
  private MovieFormat movieFormat;
  private long lineNumber;
  private final InputStream bytes;
  private byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;

  public MovieLensTextReader(InputStream in, String source, Preset preset) throws IOException {
    this.preset = preset;
    this.schema = preset.schema();
    this.source = source;
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    java.nio.charset.Charset charset = StandardCharsets.ISO_8859_1;
    if (preset == Preset.MOVIELENS_MOVIES) {
      buffered.mark(1 << 15);
      byte[] head = buffered.readNBytes(1 << 14);
      buffered.reset();
      int end = 0;
      while (end < head.length && head[end] != '\n') {
        end++;
      }
      movieFormat = MovieFormat.detect(new String(head, 0, end, StandardCharsets.ISO_8859_1));
      charset = movieFormat.charset();
    } else if (preset == Preset.MOVIELENS_RATINGS || preset == Preset.MOVIELENS_RATINGS_LATEST) {
      charset = StandardCharsets.UTF_8;
    }
    // Ratings are parsed from bytes (no charset decoding); movies and users go through a reader.
    this.bytes = preset.isRatings() ? in : null;
    this.lines = preset.isRatings() ? null : new BufferedReader(new InputStreamReader(buffered, charset), 1 << 16);
    this.intRating = preset.isRatings() && Schemas.nonNull(schema.getField("rating").schema()).getType() == Schema.Type.INT;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public GenericRecord next() throws IOException {
    if (bytes != null) {
      return nextRating();
    }
    String line;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        GenericRecord record = parse(line);
        if (record != null) {
          return record;
        }
      } catch (MalformedRecordException e) {
        throw new IOException(String.format(Locale.ROOT, "Cannot read %s line %d as %s: %s", source, lineNumber,
            preset.presetName(), e.getMessage()));
      }
    }
    return null;
  }

  private GenericRecord nextRating() throws IOException {
    while (true) {
      int end = findNewline();
      if (end < 0) {
        return null;
      }
      int start = position;
      position = end + 1;
      lineNumber++;
      int length = end - start;
      if (length > 0 && buffer[end - 1] == '\r') {
        length--;
      }
      if (length == 0 || isBlank(start, length)) {
        continue;
      }
      try {
        if (lineNumber == 1 && ratingParser.isHeader(buffer, start, length)) {
          continue;
        }
        return rating(ratingParser.parse(buffer, start, length));
      } catch (MalformedRecordException e) {
        throw new IOException(String.format(Locale.ROOT, "Cannot read %s line %d as %s: %s", source, lineNumber,
            preset.presetName(), e.getMessage()));
      }
    }
  }

  private boolean isBlank(int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (buffer[i] != ' ' && buffer[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The index of the next line's end in the buffer (refilling it as needed); -1 at the end of input. */
  private int findNewline() throws IOException {
    int scanned = position;
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buffer[i] == '\n') {
          return i;
        }
      }
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
      }
      if (limit == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
      }
      scanned = limit;
      int read = bytes.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        if (limit > position) {
          // The last line has no newline: end it here.
          if (limit == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length + 1);
          }
          buffer[limit] = '\n';
          return limit++;
        }
        return -1;
      }
      limit += read;
    }
  }

  private GenericRecord rating(Rating rating) throws MalformedRecordException {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, rating.userId());
    record.put(1, rating.movieId());
    if (intRating) {
      if (rating.rating() != Math.rint(rating.rating())) {
        throw new MalformedRecordException("rating " + rating.rating() + " is not a whole star; half-star data "
            + "(ml-latest) needs --preset movielens-ratings-latest (rating as float)");
      }
      record.put(2, (int) rating.rating());
    } else {
      record.put(2, (float) rating.rating());
    }
    record.put(3, rating.timestamp() * 1000L);
    return record;
  }

  private GenericRecord parse(String line) throws MalformedRecordException {
    GenericData.Record record = new GenericData.Record(schema);
    switch (preset) {
      case MOVIELENS_RATINGS:
      case MOVIELENS_RATINGS_LATEST:
        return rating(ratingParser.parse(line));
      case MOVIELENS_MOVIES:
        Movie movie = movieParser.parse(line, movieFormat);
        if (movie == null) {
          return null;
        }
        record.put(0, movie.movieId());
        record.put(1, movie.title());
        record.put(2, movie.releaseDate() == null ? null : (int) movie.releaseDate().toEpochDay());
        return record;
      case MOVIELENS_USERS:
        return user(line, record);
      default:
        throw new IllegalStateException("Unknown preset " + preset);
    }
  }

  /** u.user {@code id|age|gender|occupation|zip} or users.dat {@code id::gender::age::occupation::zip}. */
  private static GenericRecord user(String line, GenericData.Record record) throws MalformedRecordException {
    boolean dat = line.contains("::");
    List<String> fields = List.of(line.split(dat ? "::" : "\\|", -1));
    if (fields.size() != 5) {
      throw new MalformedRecordException("expected 5 fields (userId, age, gender, occupation, zip), found " + fields.size());
    }
    try {
      record.put(0, Integer.parseInt(fields.get(0).trim()));
      record.put(1, Integer.parseInt(fields.get(dat ? 2 : 1).trim()));
    } catch (NumberFormatException e) {
      throw new MalformedRecordException("userId and age must be whole numbers: " + e.getMessage());
    }
    record.put(2, fields.get(dat ? 1 : 2));
    record.put(3, fields.get(3));
    record.put(4, fields.get(4).isEmpty() ? null : fields.get(4));
    return record;
  }

  @Override
  public void close() throws IOException {
    if (lines != null) {
      lines.close();
    }
    if (bytes != null) {
      bytes.close();
    }
  }
}
