package dev.hadoopkit.formats.movielens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovieCatalogTest {

  @Test
  void readsUItemAsLatin1WithReleaseDates() throws Exception {
    String text = "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
        + "267|unknown||||1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
        + "1679|Café au lait (1993)|15-Oct-1993||x|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n";
    MovieCatalog catalog = read(text.getBytes(StandardCharsets.ISO_8859_1), "u.item");

    assertEquals(3, catalog.size());
    assertEquals(new Movie(1, "Toy Story (1995)", LocalDate.of(1995, 1, 1)), catalog.find(1).orElseThrow());
    assertNull(catalog.find(267).orElseThrow().releaseDate());
    assertEquals("Café au lait (1993)", catalog.titleOf(1679));
    assertEquals(LocalDate.of(1993, 10, 15), catalog.find(1679).orElseThrow().releaseDate());
    assertEquals("", catalog.titleOf(999));
  }

  @Test
  void readsMoviesCsvWithQuotedTitlesAsUtf8() throws Exception {
    String text = "movieId,title,genres\n"
        + "1,Toy Story (1995),Adventure|Animation\n"
        + "11,\"American President, The (1995)\",Comedy|Drama\n"
        + "12,\"Say \"\"Cheese\"\" (2001)\",Comedy\n"
        + "13,Amélie (2001),Comedy\n"
        + "14,No Year Given,Drama\n";
    MovieCatalog catalog = read(text.getBytes(StandardCharsets.UTF_8), "movies.csv");

    assertEquals(5, catalog.size());
    assertEquals("American President, The (1995)", catalog.titleOf(11));
    assertEquals(LocalDate.of(1995, 1, 1), catalog.find(11).orElseThrow().releaseDate());
    assertEquals("Say \"Cheese\" (2001)", catalog.titleOf(12));
    assertEquals("Amélie (2001)", catalog.titleOf(13));
    assertNull(catalog.find(14).orElseThrow().releaseDate());
  }

  @Test
  void readsMoviesDat() throws Exception {
    String text = "1::Toy Story (1995)::Animation|Children's|Comedy\n2::Jumanji (1995)::Adventure\n";
    MovieCatalog catalog = read(text.getBytes(StandardCharsets.ISO_8859_1), "movies.dat");

    assertEquals("Jumanji (1995)", catalog.titleOf(2));
    assertEquals(LocalDate.of(1995, 1, 1), catalog.find(2).orElseThrow().releaseDate());
  }

  @Test
  void skipsMalformedLinesAndSaysWhere() throws Exception {
    String text = "1|Good (1995)|01-Jan-1995||x\n"
        + "x|Bad id|01-Jan-1995||x\n"
        + "3|Bad date|1995/01/01||x\n"
        + "4\n";
    MovieCatalog catalog = read(text.getBytes(StandardCharsets.ISO_8859_1), "u.item");

    assertEquals(1, catalog.size());
    List<MovieCatalog.MalformedLine> malformed = catalog.malformedLines();
    assertEquals(3, malformed.size());
    assertEquals("u.item line 2: movieId 'x' is not a number", malformed.get(0).toString());
    assertEquals("u.item line 3: release date '1995/01/01' is neither dd-MMM-yyyy (01-Jan-1995) nor yyyy-MM-dd (1995-01-01)", malformed.get(1).toString());
    assertTrue(malformed.get(2).toString().startsWith("u.item line 4: "));
  }

  @Test
  void readsIsoDatesOfATableExportedAsText() throws Exception {
    MovieCatalog catalog = read("7|Toy Story (1995)|1995-01-01\n8|No Date (1996)|\n".getBytes(StandardCharsets.UTF_8),
        "part-m-00000");

    assertEquals(java.time.LocalDate.of(1995, 1, 1), catalog.find(7).orElseThrow().releaseDate());
    assertEquals(null, catalog.find(8).orElseThrow().releaseDate());
    assertTrue(catalog.malformedLines().isEmpty());
  }

  @Test
  void readsLatin1UItemAndUtf8TableExports() throws Exception {
    MovieCatalog latin1 = read("1|Café (1995)|01-Jan-1995||x\n".getBytes(StandardCharsets.ISO_8859_1), "u.item");
    MovieCatalog utf8 = read("1|Café (1995)|1995-01-01\n".getBytes(StandardCharsets.UTF_8), "part-m-00000");

    assertEquals("Café (1995)", latin1.titleOf(1));
    assertEquals("Café (1995)", utf8.titleOf(1));
  }

  private static MovieCatalog read(byte[] content, String source) throws Exception {
    return MovieCatalog.builder().read(new ByteArrayInputStream(content), source).build();
  }
}
