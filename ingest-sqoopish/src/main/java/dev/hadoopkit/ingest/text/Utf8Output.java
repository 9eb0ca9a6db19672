package dev.hadoopkit.ingest.text;

import java.io.IOException;
import java.io.OutputStream;

/** Encodes characters to UTF-8 straight into a reusable byte buffer (ASCII fast path) and counts the bytes. */
public final class Utf8Output implements java.io.Closeable {
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
    int n = text.length();
    byte[] b = buffer;
    int p = size;
    for (int i = 0; i < n; i++) {
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
