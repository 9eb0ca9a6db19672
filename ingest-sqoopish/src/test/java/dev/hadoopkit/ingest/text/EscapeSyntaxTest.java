package dev.hadoopkit.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.formats.tool.UsageException;
import org.junit.jupiter.api.Test;

class EscapeSyntaxTest {
  @Test
  void readsSqoopEscapes() {
    assertEquals(',', EscapeSyntax.toChar("f", ",", null));
    assertEquals('\t', EscapeSyntax.toChar("f", "\\t", null));
    assertEquals('\n', EscapeSyntax.toChar("f", "\\n", null));
    assertEquals('\\', EscapeSyntax.toChar("f", "\\\\", null));
    assertEquals('"', EscapeSyntax.toChar("f", "\\\"", null));
    assertEquals(EscapeSyntax.NONE, EscapeSyntax.toChar("f", "\\0", null));
    assertEquals('\001', EscapeSyntax.toChar("f", "\\0001", null));
    assertEquals('\001', EscapeSyntax.toChar("f", "\\001", null));
    assertEquals('|', EscapeSyntax.toChar("f", "\\0174", null));
    assertEquals('\u0001', EscapeSyntax.toChar("f", "\\0x01", null));
    assertEquals('A', EscapeSyntax.toChar("f", "\\0x41", null));
  }

  @Test
  void warnsWhenOnlyTheFirstCharacterIsUsed() {
    StringBuilder warnings = new StringBuilder();
    assertEquals('a', EscapeSyntax.toChar("fields-terminated-by", "ab", warnings));
    assertTrue(warnings.toString().contains("only the first will be used"), warnings.toString());
  }

  @Test
  void rejectsUnknownEscapesNamingTheOption() {
    UsageException e = assertThrows(UsageException.class, () -> EscapeSyntax.toChar("fields-terminated-by", "\\q", null));
    assertTrue(e.getMessage().startsWith("Invalid escape '\\q' for --fields-terminated-by"), e.getMessage());
    assertThrows(UsageException.class, () -> EscapeSyntax.toChar("x", "\\0xZZ", null));
    assertThrows(UsageException.class, () -> EscapeSyntax.toChar("x", "\\09", null));
    assertThrows(UsageException.class, () -> EscapeSyntax.toChar("x", "", null));
  }

  @Test
  void unescapesNullStringsLikeSqoopsGeneratedCode() {
    assertEquals("\\N", EscapeSyntax.unescapeNullString("\\\\N"));
    assertEquals("\\N", EscapeSyntax.unescapeNullString("\\N"));
    assertEquals("null", EscapeSyntax.unescapeNullString("null"));
  }
}
