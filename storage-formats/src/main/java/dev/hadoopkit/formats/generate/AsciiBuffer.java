package dev.hadoopkit.formats.generate;

import java.io.IOException;
import java.io.OutputStream;

/** Collects ASCII text in a reusable buffer: formatting numbers without a String per field. */
final class AsciiBuffer {
  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private final byte[] digits = new byte[20];
  private int length;

  AsciiBuffer(OutputStream out) {
    this.out = out;
  }

  AsciiBuffer append(long value) throws IOException {
    ensure(20);
    if (value == 0) {
      buffer[length++] = '0';
      return this;
    }
    int count = 0;
    long rest = value;
    while (rest > 0) {
      digits[count++] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    while (count > 0) {
      buffer[length++] = digits[--count];
    }
    return this;
  }

  AsciiBuffer append(char c) throws IOException {
    ensure(1);
    buffer[length++] = (byte) c;
    return this;
  }

  AsciiBuffer append(String text) throws IOException {
    for (int i = 0; i < text.length(); i++) {
      append(text.charAt(i));
    }
    return this;
  }

  void flush() throws IOException {
    out.write(buffer, 0, length);
    length = 0;
    out.flush();
  }

  private void ensure(int room) throws IOException {
    if (length + room > buffer.length) {
      out.write(buffer, 0, length);
      length = 0;
    }
  }
}
