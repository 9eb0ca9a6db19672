package dev.hadoopkit.ingest.text;

import java.io.IOException;

/**
 * Where the import's text readers put a value: straight into the file's bytes ({@link Utf8Output}) or into a buffer
 * that is escaped and enclosed afterwards ({@link #of(StringBuilder)}). One set of readers serves both.
 */
public interface TextOut {
  void write(String text) throws IOException;

  /** The characters {@code text[start, end)}. */
  void write(String text, int start, int end) throws IOException;

  void write(char c) throws IOException;

  /** The ASCII bytes {@code bytes[start, end)}, one character each (a database's text of numbers and dates). */
  void writeAscii(byte[] bytes, int start, int end) throws IOException;

  /** The decimal digits of {@code value}, as {@link StringBuilder#append(long)} prints them. */
  void write(long value) throws IOException;

  /** Appends to {@code buffer}. */
  static TextOut of(StringBuilder buffer) {
    return new TextOut() {
      @Override
      public void write(String text) {
        buffer.append(text);
      }

      @Override
      public void write(String text, int start, int end) {
        buffer.append(text, start, end);
      }

      @Override
      public void write(char c) {
        buffer.append(c);
      }

      @Override
      public void writeAscii(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
          buffer.append((char) (bytes[i] & 0xff));
        }
      }

      @Override
      public void write(long value) {
        buffer.append(value);
      }
    };
  }
}
