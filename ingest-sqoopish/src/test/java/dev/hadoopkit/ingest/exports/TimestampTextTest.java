package dev.hadoopkit.ingest.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Timestamps exported as text (--direct from binary files) read as java.sql.Timestamp prints the same wall clock. */
class TimestampTextTest {

  @Test
  void printsWhatTimestampPrints() {
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      int nanos = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      LocalDateTime value = LocalDateTime.of(1000 + random.nextInt(9000), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos);
      assertEquals(Timestamp.valueOf(value).toString(), AbstractSink.timestampText(value), value.toString());
    }
    assertEquals("1970-01-01 00:00:00.0", AbstractSink.timestampText(LocalDateTime.of(1970, 1, 1, 0, 0)));
    assertEquals("1997-12-04 07:55:49.12", AbstractSink.timestampText(LocalDateTime.of(1997, 12, 4, 7, 55, 49, 120_000_000)));
  }
}
