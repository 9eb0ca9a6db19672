package dev.hadoopkit.formats.io;

import java.util.Locale;

/** Compression codecs every binary format here can write. The default is {@link #ZSTD}, for all three formats. */
public enum Codec {
  NONE, SNAPPY, GZIP, ZSTD;

  public static final Codec DEFAULT = ZSTD;

  public static Codec of(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid codec: " + name + " (expected snappy, zstd, gzip or none)");
    }
  }

  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
