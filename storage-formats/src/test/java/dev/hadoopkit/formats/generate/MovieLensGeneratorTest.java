package dev.hadoopkit.formats.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.movielens.MovieCatalog;
import dev.hadoopkit.formats.movielens.Rating;
import dev.hadoopkit.formats.movielens.RatingFormat;
import dev.hadoopkit.formats.movielens.RatingParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MovieLensGeneratorTest {

  @Test
  void sameSeedGivesIdenticalFiles() throws Exception {
    MovieLensGenerator.Builder settings = MovieLensGenerator.builder().ratings(5_000).users(50).movies(80).seed(7);
    assertArrayEquals(ratings(settings.build()), ratings(settings.build()));
    assertArrayEquals(movies(settings.build()), movies(settings.build()));
    assertFalse(Arrays.equals(ratings(settings.build()), ratings(settings.seed(8).build())));
  }

  @ParameterizedTest
  @EnumSource(RatingFormat.class)
  void everyLineParsesAndEveryMovieIsInTheMoviesFile(RatingFormat format) throws Exception {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(20_000).users(100).movies(300).seed(1)
        .format(format).build();
    MovieCatalog catalog = MovieCatalog.builder().read(new ByteArrayInputStream(movies(generator)), "movies").build();
    assertEquals(300, catalog.size());
    assertTrue(catalog.malformedLines().isEmpty(), () -> catalog.malformedLines().toString());

    RatingParser parser = new RatingParser();
    String[] lines = new String(ratings(generator), StandardCharsets.US_ASCII).split("\n");
    int first = format == RatingFormat.CSV ? 1 : 0;
    assertEquals(20_000, lines.length - first);
    for (int i = first; i < lines.length; i++) {
      Rating rating = parser.parse(lines[i]);
      assertTrue(rating.userId() >= 1 && rating.userId() <= 100, lines[i]);
      assertTrue(catalog.find(rating.movieId()).isPresent(), lines[i]);
    }
  }

  @Test
  void popularityIsSkewedAndRatingsLookLikeMovieLens() throws Exception {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(100_000).users(943).movies(1682).seed(3).build();
    RatingParser parser = new RatingParser();
    Map<Integer, Integer> perMovie = new HashMap<>();
    int[] stars = new int[6];
    for (String line : new String(ratings(generator), StandardCharsets.US_ASCII).split("\n")) {
      Rating rating = parser.parse(line);
      perMovie.merge(rating.movieId(), 1, Integer::sum);
      stars[(int) rating.rating()]++;
    }
    int[] counts = perMovie.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    int top = counts[counts.length - 1];
    int median = counts[counts.length / 2];
    assertTrue(top > 20 * median, "most popular movie " + top + " vs median " + median);
    // ml-100k: 1★ 6%, 2★ 11%, 3★ 27%, 4★ 34%, 5★ 21%; the generator should be in the same shape.
    assertTrue(stars[4] > stars[3] && stars[3] > stars[2] && stars[2] > stars[1], Arrays.toString(stars));
    assertTrue(stars[5] > stars[1] && stars[1] > 2_000, Arrays.toString(stars));
  }

  @Test
  void partsAreDeterministicAndAddUp() throws Exception {
    MovieLensGenerator generator = MovieLensGenerator.builder().ratings(1_001).seed(5).build();
    int lines = 0;
    for (int part = 0; part < 3; part++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      generator.writeRatings(out, part, 3);
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      generator.writeRatings(again, part, 3);
      assertArrayEquals(out.toByteArray(), again.toByteArray());
      lines += new String(out.toByteArray(), StandardCharsets.US_ASCII).split("\n").length;
    }
    assertEquals(1_001, lines);
  }

  private static byte[] ratings(MovieLensGenerator generator) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    generator.writeRatings(out);
    return out.toByteArray();
  }

  private static byte[] movies(MovieLensGenerator generator) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    generator.writeMovies(out);
    return out.toByteArray();
  }
}
