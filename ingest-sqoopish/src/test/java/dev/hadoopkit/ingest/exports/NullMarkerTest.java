package dev.hadoopkit.ingest.exports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which lines --direct may load without the SET clause that turns Sqoop's NULL markers into NULL. */
class NullMarkerTest {
  private static final boolean[] COLUMNS = {false, true, false}; // id INT, title VARCHAR, rated_at TIMESTAMP

  private static boolean marked(String line, String stringNull, String nonStringNull, boolean emptyIsNull) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return RawLoadDataSink.hasNullMarker(bytes, bytes.length, (byte) ',', COLUMNS,
        stringNull.getBytes(StandardCharsets.UTF_8), nonStringNull.getBytes(StandardCharsets.UTF_8), emptyIsNull);
  }

  @Test
  void plainValuesHaveNoMarker() {
    assertFalse(marked("1,Toy Story,1995-01-01 00:00:00", "null", "null", true));
    assertFalse(marked("2,nullable,nullx", "null", "null", true), "only whole fields count");
    assertFalse(marked("3,,2000-01-01", "null", "null", true), "an empty string column is an empty string");
  }

  @Test
  void markersAreFoundInTheirColumnsOnly() {
    assertTrue(marked("1,null,1995-01-01", "null", "null", true));
    assertTrue(marked("null,x,1995-01-01", "null", "null", true));
    assertTrue(marked("1,x,null", "null", "null", true), "the last field too");
    assertTrue(marked("1,x,", "null", "null", true), "an empty non-string field is NULL by Sqoop's default");
    assertFalse(marked("1,x,", "null", "\\N", false), "not when --input-null-non-string is given");
    assertTrue(marked("1,\\N,2", "\\N", "\\N", false));
    assertFalse(marked("1,null,2", "\\N", "\\N", false), "with other markers 'null' is a value");
  }
}
