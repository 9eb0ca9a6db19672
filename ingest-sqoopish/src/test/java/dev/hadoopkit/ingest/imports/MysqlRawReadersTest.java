package dev.hadoopkit.ingest.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.ingest.imports.mysql.RawText;
import dev.hadoopkit.ingest.text.TextOut;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The oracle for the binary protocol's packed timestamps is the text-protocol path over the server's text. */
class MysqlRawReadersTest {

  @Test
  void packedTimestampsGiveTheTextOfTheServersText() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      LocalDateTime at = LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000) * 1000);
      int micros = at.getNano() / 1000;
      int digits = micros == 0 && random.nextBoolean() ? 0 : 6;
      String server = String.format("%04d-%02d-%02d %02d:%02d:%02d", at.getYear(), at.getMonthValue(), at.getDayOfMonth(),
          at.getHour(), at.getMinute(), at.getSecond()) + (digits == 0 ? "" : String.format(".%06d", micros));
      StringBuilder expected = new StringBuilder();
      MysqlRawReaders.writeTimestamp(TextOut.of(expected), text(server));
      int length = micros != 0 ? 11 : at.toLocalTime().toSecondOfDay() != 0 ? 7 : random.nextBoolean() ? 4 : 7;
      StringBuilder actual = new StringBuilder();
      MysqlRawReaders.writePackedTimestamp(TextOut.of(actual), packed(at, length));
      assertEquals(expected.toString(), actual.toString(), server + " packed in " + length + " bytes");
    }
  }

  private static RawText text(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    return new RawText(bytes, 0, bytes.length);
  }

  private static RawText packed(LocalDateTime at, int length) {
    int micros = at.getNano() / 1000;
    byte[] row = {(byte) at.getYear(), (byte) (at.getYear() >> 8), (byte) at.getMonthValue(), (byte) at.getDayOfMonth(),
        (byte) at.getHour(), (byte) at.getMinute(), (byte) at.getSecond(), (byte) micros, (byte) (micros >> 8),
        (byte) (micros >> 16), (byte) (micros >> 24)};
    return new RawText(row, 0, length, true);
  }
}
