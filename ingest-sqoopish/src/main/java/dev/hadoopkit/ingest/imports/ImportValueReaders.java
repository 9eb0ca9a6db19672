package dev.hadoopkit.ingest.imports;

/** Column readers shared by several JDBC types. */
final class ImportValueReaders {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ImportValueReaders() {
  }

  static final ValueReader STRING = (rs, i, out) -> {
    String v = rs.getString(i);
    if (v == null) {
      return false;
    }
    out.append(v);
    return true;
  };

  static final ValueReader LONG = (rs, i, out) -> {
    long v = rs.getLong(i);
    if (rs.wasNull()) {
      return false;
    }
    out.append(v);
    return true;
  };

  /** Bytes as Hadoop's BytesWritable prints them (what Sqoop writes): hex pairs separated by spaces. */
  static final ValueReader BYTES = (rs, i, out) -> {
    byte[] v = rs.getBytes(i);
    if (v == null) {
      return false;
    }
    for (int k = 0; k < v.length; k++) {
      if (k > 0) {
        out.append(' ');
      }
      out.append(HEX[(v[k] >> 4) & 0xf]).append(HEX[v[k] & 0xf]);
    }
    return true;
  };
}
