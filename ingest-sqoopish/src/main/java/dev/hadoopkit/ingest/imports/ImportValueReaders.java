package dev.hadoopkit.ingest.imports;

import dev.hadoopkit.ingest.imports.ColumnGetters.Getter;
import dev.hadoopkit.ingest.imports.ColumnGetters.LongGetter;
import dev.hadoopkit.ingest.text.TextOut;
import java.io.IOException;

/** The text readers of {@link TextRowWriter}: one nullable combinator and the readers built with it. */
final class ImportValueReaders {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ImportValueReaders() {
  }

  /** Writes a present value of a type. */
  @FunctionalInterface
  interface TextWriter<T> {
    void write(TextOut out, T value) throws IOException;
  }

  /** Reads a value with {@code getter} (null for SQL NULL) and writes a present one with {@code writer}. */
  static <T> ValueReader nullable(Getter<T> getter, TextWriter<T> writer) {
    return (rs, i, out) -> {
      T v = getter.get(rs, i);
      if (v == null) {
        return false;
      }
      writer.write(out, v);
      return true;
    };
  }

  /** A text value (the getter gives the text or null). */
  static ValueReader text(Getter<String> getter) {
    return nullable(getter, TextOut::write);
  }

  /** An integral value in decimal, with no object per value (primitive getters tell NULL by wasNull). */
  static ValueReader integral(LongGetter getter) {
    return (rs, i, out) -> {
      long v = getter.get(rs, i);
      if (rs.wasNull()) {
        return false;
      }
      out.write(v);
      return true;
    };
  }

  static final ValueReader STRING = text(java.sql.ResultSet::getString);

  static final ValueReader INT = integral(java.sql.ResultSet::getInt);

  static final ValueReader LONG = integral(java.sql.ResultSet::getLong);

  /** Bytes as Hadoop's BytesWritable prints them (what Sqoop writes): hex pairs separated by spaces. */
  static final ValueReader BYTES = nullable(java.sql.ResultSet::getBytes, (out, v) -> {
    for (int k = 0; k < v.length; k++) {
      if (k > 0) {
        out.write(' ');
      }
      out.write(HEX[(v[k] >> 4) & 0xf]);
      out.write(HEX[v[k] & 0xf]);
    }
  });
}
