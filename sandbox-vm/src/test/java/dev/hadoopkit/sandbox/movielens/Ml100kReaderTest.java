package dev.hadoopkit.sandbox.movielens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ml100kReaderTest {

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
  }

  private static String flags(int... on) {
    StringBuilder sb = new StringBuilder();
    for (int g = 0; g < 19; g++) {
      final int gg = g;
      sb.append('|').append(java.util.Arrays.stream(on).anyMatch(x -> x == gg) ? 1 : 0);
    }
    return sb.toString();
  }

  @Test
  void readsTheDumpsTablesFromAnMl100kDirectory(@TempDir Path dir) throws Exception {
    write(dir, "u.data", "196\t242\t3\t881250949\n186\t1\t5\t891717742\n");
    write(dir, "u.item", "1|Toy Story (1995)|01-Jan-1995||http://x" + flags(3, 4, 5) + "\n"
        + "242|Misérables, Les (1995)|4-Feb-1971||http://y" + flags(8) + "\n"
        + "267|unknown|||" + flags(0) + "\n");
    write(dir, "u.user", "186|39|F|executive|00000\n196|49|M|writer|55105\n");
    MovieLensData data = Ml100kReader.read(dir);

    assertEquals(21, data.occupations().size());
    assertEquals(new MovieLensData.Named(7, "Executive"), data.occupations().get(6));
    assertEquals(new MovieLensData.User(186, 39, "F", 7, "00000"), data.users().get(0));
    assertEquals(18, data.genres().size());
    assertEquals(new MovieLensData.Named(4, "Children's"), data.genres().get(3));
    assertEquals(List.of(3, 4, 5), data.movies().get(0).genreIds());
    assertEquals(LocalDate.of(1971, 2, 4), data.movies().get(1).releaseDate());
    assertEquals("Misérables, Les (1995)", data.movies().get(1).title());
    assertNull(data.movies().get(2).releaseDate());
    assertEquals(List.of(), data.movies().get(2).genreIds());
    // movielens-mysql.sql has rating 1 of u.data as (1,196,242,3,'1997-12-04 07:55:49'): US Pacific local time.
    MovieLensData.Rating first = data.ratings().get(0);
    assertEquals(new MovieLensData.Rating(1, 196, 242, 3, 881250949L), first);
    assertEquals("1997-12-04 07:55:49", first.ratedAt());
    assertEquals(881250949L, MovieLensData.Rating.epochOf(first.ratedAt()));
  }

  @Test
  void aMalformedRatingNamesFileAndLine(@TempDir Path dir) throws Exception {
    write(dir, "u.data", "196\t242\t3\t881250949\n186\t302\tthree\t891717742\n");
    write(dir, "u.item", "");
    IOException e = assertThrows(IOException.class, () -> Ml100kReader.read(dir));
    assertTrue(e.getMessage().contains("u.data line 2"), e.getMessage());
  }

  @Test
  void aDirectoryWithoutUDataIsNotMl100k(@TempDir Path dir) throws Exception {
    write(dir, "u.item", "");
    IOException e = assertThrows(IOException.class, () -> Ml100kReader.read(dir));
    assertTrue(e.getMessage().startsWith("Invalid ml-100k directory"), e.getMessage());
  }
}
