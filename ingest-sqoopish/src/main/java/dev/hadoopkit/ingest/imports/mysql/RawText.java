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

  /** A packed (binary-protocol) DATE/DATETIME of year, month and day 0: the server sends no bytes for a zero date. */
  public boolean isZeroPackedDate() {
    return length < 4 || (at(0) | at(1) | at(2) | at(3)) == 0;
  }

  /** The year of a packed DATE/DATETIME (two bytes, little-endian). */
  public int packedYear() {
    return (at(0) & 0xff) | (at(1) & 0xff) << 8;
  }

  /**
   * Field {@code index} of a packed DATE/DATETIME: 2 month, 3 day, 4 hour, 5 minute, 6 second; 0 when the value is
   * too short to hold it (the server leaves out a zero time).
   */
  public int packedField(int index) {
    return index < length ? at(index) : 0;
  }

  /** The microseconds of a packed DATETIME (four bytes, little-endian), 0 when left out. */
  public int packedMicros() {
    return length < 11 ? 0
        : (at(7) & 0xff) | (at(8) & 0xff) << 8 | (at(9) & 0xff) << 16 | (at(10) & 0xff) << 24;
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
