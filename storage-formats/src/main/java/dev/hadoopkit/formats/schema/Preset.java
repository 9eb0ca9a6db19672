package dev.hadoopkit.formats.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.avro.Schema;

/** The MovieLens schemas shipped as {@code .avsc} resources, by the name {@code --preset} takes. */
public enum Preset {
  /** ml-100k / ml-1m ratings: whole stars as int. */
  MOVIELENS_RATINGS("movielens-ratings"),
  /** ml-latest ratings: half stars as float. */
  MOVIELENS_RATINGS_LATEST("movielens-ratings-latest"),
  MOVIELENS_MOVIES("movielens-movies"),
  MOVIELENS_USERS("movielens-users");

  private final String presetName;
  private final Schema schema;

  Preset(String presetName) {
    this.presetName = presetName;
    this.schema = load(presetName + ".avsc");
  }

  public String presetName() {
    return presetName;
  }

  public Schema schema() {
    return schema;
  }

  public boolean isRatings() {
    return this == MOVIELENS_RATINGS || this == MOVIELENS_RATINGS_LATEST;
  }

  public static Preset of(String name) {
    for (Preset preset : values()) {
      if (preset.presetName.equals(name.toLowerCase(Locale.ROOT))) {
        return preset;
      }
    }
    throw new IllegalArgumentException("Invalid preset: " + name
        + " (expected movielens-ratings, movielens-ratings-latest, movielens-movies or movielens-users)");
  }

  private static Schema load(String resource) {
    try (InputStream in = Preset.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing schema resource " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
