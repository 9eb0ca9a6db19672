package dev.hadoopkit.formats.generate;

import dev.hadoopkit.formats.movielens.MovieParser;
import dev.hadoopkit.formats.movielens.RatingFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes MovieLens-shaped data: ratings with Zipf-like movie and user popularity and a realistic rating
 * distribution (each movie has its own quality, each user a bias), plus the matching movies (and users) file.
 * The same settings and seed always give byte-identical files, whichever part is written first.
 *
 * <pre>{@code
 * MovieLensGenerator generator = MovieLensGenerator.builder().ratings(1_000_000).users(6_000).movies(4_000).seed(42).build();
 * generator.writeRatings(out);
 * generator.writeMovies(moviesOut);
 * }</pre>
 */
public final class MovieLensGenerator {

  /** ml-100k's ratings start in September 1997 and span about seven months. */
  private static final long FIRST_TIMESTAMP = 874_724_710L;
  private static final long TIMESTAMP_SPAN = 18_000_000L;

  static final String[] GENRES = {"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
      "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
      "Thriller", "War", "Western"};
  private static final String[] ADJECTIVES = {"Silent", "Last", "Crimson", "Lost", "Secret", "Broken", "Golden",
      "Wild", "Hidden", "Frozen", "Electric", "Lonely", "Brave", "Dark", "Señor", "Café", "Über", "Strange"};
  private static final String[] NOUNS = {"River", "Kingdom", "Heart", "Summer", "Road", "Garden", "Station", "Moon",
      "Island", "Letter", "Machine", "Promise", "Harbor", "Storm", "Amélie", "Journey", "Mirror", "Dream"};
  private static final String[] OCCUPATIONS = {"administrator", "artist", "doctor", "educator", "engineer",
      "entertainment", "executive", "healthcare", "homemaker", "lawyer", "librarian", "marketing", "none", "other",
      "programmer", "retired", "salesman", "scientist", "student", "technician", "writer"};

  private final long ratings;
  private final int users;
  private final int movies;
  private final long seed;
  private final RatingFormat format;
  private final double movieSkew;
  private final double userSkew;

  private MovieLensGenerator(Builder builder) {
    this.ratings = builder.ratings;
    this.users = builder.users;
    this.movies = builder.movies;
    this.seed = builder.seed;
    this.format = builder.format;
    this.movieSkew = builder.movieSkew;
    this.userSkew = builder.userSkew;
  }

  public static Builder builder() {
    return new Builder();
  }

  public long ratings() {
    return ratings;
  }

  public int users() {
    return users;
  }

  public int movies() {
    return movies;
  }

  public RatingFormat format() {
    return format;
  }

  /** The conventional file names for this format: {@code u.data}/{@code u.item}, {@code ratings.dat}/..., ... */
  public String ratingsFileName() {
    return switch (format) {
      case U_DATA -> "u.data";
      case DAT -> "ratings.dat";
      case CSV -> "ratings.csv";
    };
  }

  public String moviesFileName() {
    return switch (format) {
      case U_DATA -> "u.item";
      case DAT -> "movies.dat";
      case CSV -> "movies.csv";
    };
  }

  /** Writes all ratings. */
  public void writeRatings(OutputStream out) throws IOException {
    writeRatings(out, 0, 1);
  }

  /**
   * Writes part {@code part} of {@code parts} of the ratings, so parts can be written in parallel. Each
   * (part, parts) pair always gives the same lines; another number of parts gives other, equally shaped, data.
   */
  public void writeRatings(OutputStream out, int part, int parts) throws IOException {
    if (part < 0 || part >= parts) {
      throw new IllegalArgumentException("Invalid part " + part + " of " + parts);
    }
    Model model = new Model();
    long first = ratings * part / parts;
    long last = ratings * (part + 1) / parts;
    SplittableRandom random = new SplittableRandom(mix(seed, 1_000_003L + part));
    AsciiBuffer buffer = new AsciiBuffer(out);
    if (format == RatingFormat.CSV && part == 0) {
      buffer.append("userId,movieId,rating,timestamp\n");
    }
    String separator = format.separator();
    for (long i = first; i < last; i++) {
      int user = model.userIds[sample(model.userCdf, random)];
      int movieIndex = sample(model.movieCdf, random);
      int movie = model.movieIds[movieIndex];
      double score = model.quality[movieIndex] + model.userBias[user - 1] + gaussian(random) * 1.0;
      long timestamp = FIRST_TIMESTAMP + random.nextLong(TIMESTAMP_SPAN);
      buffer.append(user).append(separator).append(movie).append(separator);
      if (format == RatingFormat.CSV) {
        long halfStars = Math.max(1, Math.min(10, Math.round(score * 2)));
        buffer.append(halfStars / 2).append('.').append(halfStars % 2 == 0 ? 0 : 5);
      } else {
        buffer.append(Math.max(1, Math.min(5, Math.round(score))));
      }
      buffer.append(separator).append(timestamp).append('\n');
    }
    buffer.flush();
  }

  /** Writes the movies file matching the ratings, in this format's layout and character set. */
  public void writeMovies(OutputStream out) throws IOException {
    SplittableRandom random = new SplittableRandom(mix(seed, 7L));
    Charset charset = format == RatingFormat.CSV ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    StringBuilder text = new StringBuilder(movies * 80);
    if (format == RatingFormat.CSV) {
      text.append("movieId,title,genres\n");
    }
    for (int id = 1; id <= movies; id++) {
      String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
      if (random.nextInt(12) == 0) {
        name = name + ", The";
      }
      int year = Math.max(1920, 1998 - (int) (-Math.log(1 - random.nextDouble()) * 12));
      LocalDate release = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
      boolean unknownDate = random.nextInt(200) == 0;
      String title = name + " " + id + " (" + year + ")";
      boolean[] genres = new boolean[GENRES.length];
      int genreCount = 1 + random.nextInt(3);
      for (int g = 0; g < genreCount; g++) {
        genres[1 + random.nextInt(GENRES.length - 1)] = true;
      }
      switch (format) {
        case U_DATA -> {
          text.append(id).append('|').append(title).append('|')
              .append(unknownDate ? "" : MovieParser.U_ITEM_DATE.format(release)).append("||http://movies.invalid/")
              .append(id);
          for (boolean genre : genres) {
            text.append('|').append(genre ? 1 : 0);
          }
        }
        case DAT -> text.append(id).append("::").append(title).append("::").append(genreList(genres));
        case CSV -> text.append(id).append(',').append(csvQuote(title)).append(',').append(genreList(genres));
      }
      text.append('\n');
    }
    out.write(text.toString().getBytes(charset));
    out.flush();
  }

  /** Writes a {@code u.user}-style file: {@code id|age|gender|occupation|zip}. */
  public void writeUsers(OutputStream out) throws IOException {
    SplittableRandom random = new SplittableRandom(mix(seed, 11L));
    StringBuilder text = new StringBuilder(users * 30);
    for (int id = 1; id <= users; id++) {
      text.append(id).append('|').append(15 + random.nextInt(55)).append('|').append(random.nextInt(10) < 7 ? 'M' : 'F')
          .append('|').append(OCCUPATIONS[random.nextInt(OCCUPATIONS.length)]).append('|')
          .append(String.format("%05d", random.nextInt(100_000))).append('\n');
    }
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String genreList(boolean[] genres) {
    StringBuilder list = new StringBuilder();
    for (int g = 0; g < genres.length; g++) {
      if (genres[g]) {
        list.append(list.length() == 0 ? "" : "|").append(GENRES[g]);
      }
    }
    return list.toString();
  }

  private static String csvQuote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** The per-movie and per-user parameters every part shares. */
  private final class Model {
    final int[] movieIds;
    final double[] movieCdf;
    final double[] quality;
    final int[] userIds;
    final double[] userCdf;
    final double[] userBias;

    Model() {
      SplittableRandom random = new SplittableRandom(mix(seed, 3L));
      movieIds = shuffledIds(movies, random);
      movieCdf = zipfCdf(movies, movieSkew);
      quality = new double[movies];
      for (int i = 0; i < movies; i++) {
        quality[i] = Math.max(1.2, Math.min(4.7, 3.55 + gaussian(random) * 0.55));
      }
      userIds = shuffledIds(users, random);
      userCdf = zipfCdf(users, userSkew);
      userBias = new double[users];
      for (int i = 0; i < users; i++) {
        userBias[i] = gaussian(random) * 0.35;
      }
    }
  }

  private static int[] shuffledIds(int count, SplittableRandom random) {
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = i + 1;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = ids[i];
      ids[i] = ids[j];
      ids[j] = swap;
    }
    return ids;
  }

  private static double[] zipfCdf(int count, double exponent) {
    double[] cdf = new double[count];
    double total = 0;
    for (int rank = 0; rank < count; rank++) {
      total += 1.0 / Math.pow(rank + 1, exponent);
      cdf[rank] = total;
    }
    for (int rank = 0; rank < count; rank++) {
      cdf[rank] /= total;
    }
    return cdf;
  }

  private static int sample(double[] cdf, SplittableRandom random) {
    int index = Arrays.binarySearch(cdf, random.nextDouble());
    return Math.min(index >= 0 ? index : -index - 1, cdf.length - 1);
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static long mix(long seed, long salt) {
    long z = seed * 0x9E3779B97F4A7C15L + salt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Settings; defaults are ml-100k's shape: 100,000 ratings by 943 users of 1,682 movies. */
  public static final class Builder {
    private long ratings = 100_000;
    private int users = 943;
    private int movies = 1_682;
    private long seed = 42;
    private RatingFormat format = RatingFormat.U_DATA;
    private double movieSkew = 0.5;
    private double userSkew = 0.4;

    private Builder() {
    }

    public Builder ratings(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("Invalid number of ratings, must be >= 0: " + value);
      }
      this.ratings = value;
      return this;
    }

    public Builder users(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("Invalid number of users, must be >= 1: " + value);
      }
      this.users = value;
      return this;
    }

    public Builder movies(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("Invalid number of movies, must be >= 1: " + value);
      }
      this.movies = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder format(RatingFormat value) {
      this.format = value;
      return this;
    }

    /** Zipf exponent of movie popularity (0.5 by default, close to ml-100k; 0 is uniform). */
    public Builder movieSkew(double value) {
      if (value < 0) {
        throw new IllegalArgumentException("Invalid movie skew, must be >= 0: " + value);
      }
      this.movieSkew = value;
      return this;
    }

    public Builder userSkew(double value) {
      if (value < 0) {
        throw new IllegalArgumentException("Invalid user skew, must be >= 0: " + value);
      }
      this.userSkew = value;
      return this;
    }

    public MovieLensGenerator build() {
      return new MovieLensGenerator(this);
    }
  }
}
