package dev.hadoopkit.ingest.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which export fields of integer columns are bound as numbers; everything else goes to the server as text. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlainLongTest {
  @Test
  void plainDecimalsAreNumbers() {
    assertEquals(0, AbstractSink.plainLong("0"));
    assertEquals(7, AbstractSink.plainLong("007"));
    assertEquals(-42, AbstractSink.plainLong("-42"));
    assertEquals(999_999_999_999_999_999L, AbstractSink.plainLong("999999999999999999"));
    assertEquals(-999_999_999_999_999_999L, AbstractSink.plainLong("-999999999999999999"));
  }

  @Test
  void anythingElseStaysText() {
    for (String text : new String[] {"", "-", "+1", " 1", "1 ", "1.0", "1e3", "12x", "0x10", "1000000000000000000",
        "--1", "١٢"}) {
      assertEquals(Long.MIN_VALUE, AbstractSink.plainLong(text), text);
    }
  }

  @Test
  void theBytesOfALineGiveWhatItsTextGives() {
    for (String text : new String[] {"0", "007", "-42", "999999999999999999", "-999999999999999999", "", "-", "+1", " 1",
        "1.0", "12x", "1000000000000000000", "--1", "١٢", "é1"}) {
      byte[] line = ("x," + text + ",y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(AbstractSink.plainLong(text), AbstractSink.plainLong(line, 2, line.length - 2), text);
    }
  }
}
