package dev.hadoopkit.formats.movielens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingParserTest {

  private final RatingParser parser = new RatingParser();

  @Test
  void parsesUData() throws Exception {
    assertEquals(new Rating(196, 242, 3.0, 881250949L), parser.parse("196\t242\t3\t881250949"));
  }

  @Test
  void parsesRatingsDat() throws Exception {
    assertEquals(new Rating(1, 1193, 5.0, 978300760L), parser.parse("1::1193::5::978300760"));
  }

  @Test
  void parsesRatingsCsvWithHalfStars() throws Exception {
    assertEquals(new Rating(1, 31, 2.5, 1260759144L), parser.parse("1,31,2.5,1260759144"));
    assertEquals(new Rating(1, 31, 0.5, 1260759144L), parser.parse("1,31,0.5,1260759144"));
  }

  @Test
  void ignoresTrailingCarriageReturn() throws Exception {
    assertEquals(new Rating(7, 8, 4.0, 9L), parser.parse("7\t8\t4\t9\r"));
  }

  @Test
  void parsesASliceOfABuffer() throws Exception {
    byte[] buffer = "xx12\t34\t5\t6yy".getBytes(StandardCharsets.US_ASCII);
    assertEquals(new Rating(12, 34, 5.0, 6L), parser.parse(buffer, 2, 9));
  }

  @Test
  void recognisesCsvHeader() {
    assertTrue(parser.isHeader("userId,movieId,rating,timestamp"));
    byte[] header = "userId,movieId,rating,timestamp".getBytes(StandardCharsets.US_ASCII);
    assertTrue(parser.isHeader(header, 0, header.length));
    byte[] data = "1,2,3,4".getBytes(StandardCharsets.US_ASCII);
    assertFalse(parser.isHeader(data, 0, data.length));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|empty line",
      "196\t242\t3|expected 4 fields (userId, movieId, rating, timestamp), found 3",
      "196|expected 4 fields (userId, movieId, rating, timestamp), found 1",
      "196\t242\t3\t881250949\t7|found more at column 20",
      "abc\t242\t3\t881250949|field 1 (userId) is not a number: unexpected 'a' at column 1",
      "196\t\t3\t881250949|field 2 (movieId) is not a number: unexpected '\\t' at column 5",
      "196\t242\tx\t881250949|field 3 (rating) is not a number: unexpected 'x' at column 9",
      "196\t242\t7\t881250949|rating '7' at column 9 is outside 0.5–5.0",
      "196\t242\t0\t881250949|rating '0' at column 9 is outside 0.5–5.0",
      "'196\t242\t3\t'|field 4 (timestamp) is empty at column 11",
      "196 242 3 881250949|unexpected ' ' at column 4 in userId",
      "1::2,3::4|unexpected ',' at column 5 in movieId",
      "99999999999\t1\t1\t1|field 1 (userId) is too large at column 1",
  })
  void rejectsMalformedLinesWithAReason(String line, String reason) {
    MalformedRecordException error = assertThrows(MalformedRecordException.class, () -> parser.parse(line));
    assertTrue(error.getMessage().contains(reason), () -> "message was: " + error.getMessage());
  }
}
