package dev.hadoopkit.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever FieldFormatter writes, RecordParser reads back, for every delimiter set that can carry any value. */
class FormatParseRoundTripTest {
  private static final String ALPHABET = "ab,|\t\"'\\\n\001 é日🎬xyz";

  @Test
  void sqoopDefaultsWriteValuesVerbatim() {
    StringBuilder out = new StringBuilder();
    new FieldFormatter(Delimiters.DEFAULT).append(out, "a,b\"c");
    assertEquals("a,b\"c", out.toString());
  }

  @Test
  void mysqlDelimitersEncloseOnlyWhenNeededAndEscape() {
    FieldFormatter f = new FieldFormatter(Delimiters.MYSQL);
    StringBuilder out = new StringBuilder();
    f.append(out, "plain");
    out.append('|');
    f.append(out, "it's, here");
    out.append('|');
    f.append(out, "back\\slash");
    assertEquals("plain|'it\\'s, here'|back\\\\slash", out.toString());
  }

  @Test
  void escapingWithoutEnclosingEscapesTheDelimiters() {
    FieldFormatter f = new FieldFormatter(Delimiters.DEFAULT.withEscapedBy('\\'));
    StringBuilder out = new StringBuilder();
    f.append(out, "a,b\nc\\");
    assertEquals("a\\,b\\\nc\\\\", out.toString());
  }

  @Test
  void randomValuesSurviveFormatThenParse() throws Exception {
    List<Delimiters> sets = List.of(
        Delimiters.MYSQL,
        Delimiters.DEFAULT.withEscapedBy('\\'),
        Delimiters.DEFAULT.withFieldsTerminatedBy('\001').withEscapedBy('\\'),
        Delimiters.DEFAULT.withFieldsTerminatedBy('\t').withEnclosedBy('"', false).withEscapedBy('\\'),
        Delimiters.DEFAULT.withFieldsTerminatedBy('|').withEnclosedBy('\'', true).withEscapedBy('\\'));
    Random random = new Random(42);
    for (Delimiters d : sets) {
      FieldFormatter formatter = new FieldFormatter(d);
      RecordParser parser = new RecordParser(d);
      for (int n = 0; n < 2000; n++) {
        List<String> values = new ArrayList<>();
        int width = 1 + random.nextInt(5);
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width; c++) {
          StringBuilder v = new StringBuilder();
          int len = random.nextInt(8);
          for (int k = 0; k < len; k++) {
            int cp = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length()))));
            v.appendCodePoint(cp);
          }
          values.add(v.toString());
          if (c > 0) {
            line.append(d.fieldsTerminatedBy());
          }
          formatter.append(line, v);
        }
        List<String> parsed = new ArrayList<>();
        parser.parse(line, parsed);
        assertEquals(values, parsed, "delimiters " + d + ", line [" + line + "]");
      }
    }
  }

  @Test
  void reportsUnclosedEnclosingAsIncomplete() {
    RecordParser parser = new RecordParser(Delimiters.MYSQL);
    assertThrows(RecordParser.IncompleteRecordException.class, () -> parser.parse("'open,field", new ArrayList<>()));
    RecordParser.ParseException e = assertThrows(RecordParser.ParseException.class,
        () -> parser.parse("'closed'x,2", new ArrayList<>()));
    assertEquals("unexpected character 'x' after the closing ' of field 1", e.getMessage());
  }
}
