package dev.hadoopkit.ingest.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.RecordParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeKeyReaderTest {
  private static final List<String> COLUMNS = List.of("id", "name", "updated");

  @Test
  void readsTheKeyFieldOfAPlainRecord() throws Exception {
    MergeKeyReader reader = new MergeKeyReader(Delimiters.DEFAULT, COLUMNS, 1, "null", "null");
    assertEquals("anvil", reader.key("7,anvil,2024-01-31 10:00:00"));
  }

  @Test
  void unescapesAnEnclosedKeyHoldingTheFieldDelimiter() throws Exception {
    MergeKeyReader reader = new MergeKeyReader(Delimiters.MYSQL, COLUMNS, 1, "null", "null");
    assertEquals("a,b", reader.key("7,'a,b',2024-01-31"));
  }

  @Test
  void keyOfTabDelimitedRecordsIsTheWholeField() throws Exception {
    MergeKeyReader reader = new MergeKeyReader(Delimiters.DEFAULT.withFieldsTerminatedBy('\t'), COLUMNS, 0, "\\N", "\\N");
    assertEquals("12,5", reader.key("12,5\tx\ty"));
  }

  @Test
  void refusesANullKey() {
    MergeKeyReader reader = new MergeKeyReader(Delimiters.DEFAULT, COLUMNS, 0, "null", "\\N");
    RecordParser.ParseException e = assertThrows(RecordParser.ParseException.class, () -> reader.key("\\N,x,y"));
    assertTrue(e.getMessage().contains("merge key id is NULL"), e.getMessage());
  }

  @Test
  void refusesARecordWithTheWrongNumberOfFields() {
    MergeKeyReader reader = new MergeKeyReader(Delimiters.DEFAULT, COLUMNS, 0, "null", "null");
    RecordParser.ParseException e = assertThrows(RecordParser.ParseException.class, () -> reader.key("1\tx\ty"));
    assertEquals("expected 3 fields separated by ',' (columns id, name, updated) but found 1", e.getMessage());
  }

  @Test
  void reportsARecordCutByAnEnclosedLineTerminatorAsIncomplete() {
    MergeKeyReader reader = new MergeKeyReader(Delimiters.MYSQL, COLUMNS, 0, "null", "null");
    assertThrows(RecordParser.IncompleteRecordException.class, () -> reader.key("1,'two"));
  }
}
