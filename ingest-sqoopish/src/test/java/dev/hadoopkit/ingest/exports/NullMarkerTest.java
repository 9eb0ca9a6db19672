package dev.hadoopkit.ingest.exports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which lines --direct may load without the SET clause that turns Sqoop's NULL markers into NULL. */
class NullMarkerTest {
  private static final boolean[] COLUMNS = {false, true, false}; // id INT, title VARCHAR, rated_at TIMESTAMP

  private static boolean marked(String line, String stringNull, String nonStringNull) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return RawLoadDataSink.hasNullMarker(bytes, bytes.length, (byte) ',', COLUMNS,
        stringNull.getBytes(StandardCharsets.UTF_8), nonStringNull.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void plainValuesHaveNoMarker() {
    assertFalse(marked("1,Toy Story,1995-01-01 00:00:00", "null", "null"));
    assertFalse(marked("2,nullable,nullx", "null", "null"), "only whole fields count");
    assertFalse(marked("3,,2000-01-01", "null", "null"), "an empty string column is an empty string");
  }

  @Test
  void markersAreFoundInTheirColumnsOnly() {
    assertTrue(marked("1,null,1995-01-01", "null", "null"));
    assertTrue(marked("null,x,1995-01-01", "null", "null"));
    assertTrue(marked("1,x,null", "null", "null"), "the last field too");
    assertTrue(marked("1,x,", "null", "null"), "an empty non-string field is NULL by Sqoop's default");
    assertTrue(marked("1,x,", "null", "\\N"), "also when --input-null-non-string is given, as in Sqoop");
    assertTrue(marked("1,\\N,2", "\\N", "\\N"));
    assertFalse(marked("1,null,2", "\\N", "\\N"), "with other markers 'null' is a value");
  }
}
