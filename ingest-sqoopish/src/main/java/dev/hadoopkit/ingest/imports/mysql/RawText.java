package dev.hadoopkit.ingest.imports.mysql;

/**
 * One value of a MariaDB/MySQL row as the server sent it: {@code length} bytes of {@code bytes} from {@code offset}.
 * The bytes are the driver's row buffer, so a slice is read before the result set moves on. Over the text protocol
 * they are the server's text; over the binary protocol (server-side prepared statements, {@code binary}) a DATE,
 * DATETIME or TIMESTAMP is the protocol's packed form: 0, 4, 7 or 11 bytes of year (2, little-endian), month, day,
 * hour, minute, second and microseconds (4, little-endian).
 */
public record RawText(byte[] bytes, int offset, int length, boolean binary) {
  /** A value of a text-protocol row. */
  public RawText(byte[] bytes, int offset, int length) {
    this(bytes, offset, length, false);
  }

  /** The byte at {@code index} of the value. */
  public byte at(int index) {
    return bytes[offset + index];
  }

  /** True when the value begins with {@code prefix} (ASCII). */
  public boolean startsWith(String prefix) {
    if (length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[offset + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
