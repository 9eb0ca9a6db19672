package dev.hadoopkit.ingest.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Utf8OutputTest {
  private static byte[] written(IoWrite write, int bufferSize) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Output out = new Utf8Output(bytes, bufferSize);
    write.to(out);
    out.close();
    return bytes.toByteArray();
  }

  @FunctionalInterface
  interface IoWrite {
    void to(Utf8Output out) throws IOException;
  }

  @Test
  void numbersAreWhatStringBuilderPrints() throws IOException {
    StringBuilder expected = new StringBuilder();
    List<Long> values = new java.util.ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, 101L, Long.MAX_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (long) Integer.MIN_VALUE));
    for (long p = 1; p > 0 && p < Long.MAX_VALUE / 10; p *= 10) {
      values.addAll(List.of(p - 1, p, p + 1, -p, 5 * p + 7));
    }
    java.util.Random random = new java.util.Random(14);
    for (int i = 0; i < 10_000; i++) {
      values.add(random.nextLong() >> random.nextInt(63));
    }
    for (long v : values) {
      expected.append(v).append(',');
    }
    byte[] got = written(out -> {
      for (long v : values) {
        out.write(v);
        out.write(',');
      }
    }, 64);
    assertEquals(expected.toString(), new String(got, StandardCharsets.US_ASCII));
  }

  @Test
  void stringsAreTheirUtf8Bytes() throws IOException {
    List<String> texts = List.of("", "a", "2008-01-01 10:00:00", "Zürich", "日本", "x\uD83D\uDE00y", "ab\uD800c",
        "0123456789012345678901234567890123456789", "é".repeat(40), "a".repeat(300));
    for (String text : texts) {
      byte[] expected = text.getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(expected, written(out -> out.write(text), 64), text);
      assertArrayEquals(expected, written(out -> out.write((CharSequence) new StringBuilder(text)), 64), text);
      if (text.length() > 2 && !Character.isSurrogate(text.charAt(1))) {
        assertArrayEquals(text.substring(1, text.length() - 1).getBytes(StandardCharsets.UTF_8),
            written(out -> out.write(text, 1, text.length() - 1), 64), text);
      }
    }
  }
}
