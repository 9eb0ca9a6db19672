package dev.hadoopkit.ingest.text;

import java.io.IOException;
import java.io.OutputStream;

/** Encodes characters to UTF-8 straight into a reusable byte buffer (ASCII fast path) and counts the bytes. */
public final class Utf8Output implements TextOut, java.io.Closeable {
  private final OutputStream out;
  private final byte[] buffer;
  private int size;
  private long written;

  public Utf8Output(OutputStream out, int bufferSize) {
    this.out = out;
    this.buffer = new byte[Math.max(bufferSize, 64)];
  }

  /** Appends the characters of {@code text}. */
  public void write(CharSequence text) throws IOException {
    write(text, 0, text.length());
  }

  @Override
  public void write(String text, int start, int end) throws IOException {
    if (start == 0 && end == text.length()) {
      write(text);
    } else {
      write((CharSequence) text, start, end);
    }
  }

  /** Appends the characters {@code text[start, n)}. */
  private void write(CharSequence text, int start, int n) throws IOException {
    byte[] b = buffer;
    int p = size;
    for (int i = start; i < n; i++) {
      if (p + 4 > b.length) {
        size = p;
        flushBuffer();
        p = 0;
      }
      char c = text.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        b[p++] = (byte) '?';
      } else {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    size = p;
  }

  /** Appends one character. */
  @Override
  public void write(char c) throws IOException {
    if (c < 0x80) {
      if (size == buffer.length) {
        flushBuffer();
      }
      buffer[size++] = (byte) c;
    } else {
      write(String.valueOf(c));
    }
  }

  /**
   * Appends a string: Latin-1 text (the common case) is encoded by the JDK in one call and copied as a block;
   * anything else goes character by character through {@link #write(CharSequence)}, with the same bytes.
   */
  @Override
  public void write(String text) throws IOException {
    int n = text.length();
    if (n <= 32 && size + n <= buffer.length && writeAscii(text, n)) {
      return;
    }
    if (n > 256) {
      write((CharSequence) text);
      return;
    }
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (bytes.length != n && hasSurrogate(text)) {
      // Unpaired surrogates: the JDK writes '?' as this class does, but keep one encoder for them.
      write((CharSequence) text);
      return;
    }
    if (size + bytes.length > buffer.length) {
      flushBuffer();
      if (bytes.length > buffer.length) {
        out.write(bytes);
        written += bytes.length;
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  /**
   * Copies {@code text} when it is ASCII (the common short value: numbers, dates, codes) straight into the buffer,
   * which has room; false, having written nothing that counts, at the first other character.
   */
  private boolean writeAscii(String text, int n) {
    byte[] b = buffer;
    int p = size;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      b[p + i] = (byte) c;
    }
    size = p + n;
    return true;
  }

  private static boolean hasSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Copies ASCII bytes as they are (they are their own UTF-8). */
  @Override
  public void writeAscii(byte[] bytes, int start, int end) throws IOException {
    int n = end - start;
    if (size + n > buffer.length) {
      flushBuffer();
      if (n > buffer.length) {
        out.write(bytes, start, n);
        written += n;
        return;
      }
    }
    System.arraycopy(bytes, start, buffer, size, n);
    size += n;
  }

  /** Appends the decimal digits of {@code value}, as {@link StringBuilder#append(long)} prints them. */
  @Override
  public void write(long value) throws IOException {
    if (size + 20 > buffer.length) {
      flushBuffer();
    }
    if (value == Long.MIN_VALUE) {
      write(Long.toString(value));
      return;
    }
    byte[] b = buffer;
    if (value < 0) {
      b[size++] = '-';
      value = -value;
    }
    int end = size + digits(value);
    int p = end;
    // Two digits per step from a table; int arithmetic once the rest fits (long division is several times slower).
    while (value > Integer.MAX_VALUE) {
      long q = value / 100;
      int r = (int) (value - q * 100);
      b[--p] = DIGIT_ONES[r];
      b[--p] = DIGIT_TENS[r];
      value = q;
    }
    int v = (int) value;
    while (v >= 100) {
      int q = v / 100;
      int r = v - q * 100;
      b[--p] = DIGIT_ONES[r];
      b[--p] = DIGIT_TENS[r];
      v = q;
    }
    if (v >= 10) {
      b[--p] = DIGIT_ONES[v];
      b[--p] = DIGIT_TENS[v];
    } else {
      b[--p] = (byte) ('0' + v);
    }
    size = end;
  }

  /** The number of decimal digits of {@code value} (not negative). */
  private static int digits(long value) {
    long limit = 10;
    for (int n = 1; n < 19; n++) {
      if (value < limit) {
        return n;
      }
      limit *= 10;
    }
    return 19;
  }

  /** {@code value} (0-99) as two ASCII digits into {@code into} from {@code at}, by table (no division). */
  public static void twoDigits(byte[] into, int at, int value) {
    into[at] = DIGIT_TENS[value];
    into[at + 1] = DIGIT_ONES[value];
  }

  private static final byte[] DIGIT_TENS = new byte[100];
  private static final byte[] DIGIT_ONES = new byte[100];

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_TENS[i] = (byte) ('0' + i / 10);
      DIGIT_ONES[i] = (byte) ('0' + i % 10);
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buffer, 0, size);
    written += size;
    size = 0;
  }

  /** Bytes handed to the stream or buffered so far. */
  public long bytesWritten() {
    return written + size;
  }

  @Override
  public void close() throws IOException {
    flushBuffer();
    out.close();
  }
}
