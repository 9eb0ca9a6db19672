package dev.hadoopkit.ingest.imports.mysql;

/**
 * One value of a MariaDB/MySQL text-protocol row as the server sent it: {@code length} bytes of {@code bytes} from
 * {@code offset}. The bytes are the driver's row buffer, so a slice is read before the result set moves on.
 */
public record RawText(byte[] bytes, int offset, int length) {
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
