package dev.hadoopkit.ingest.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.RecordParser;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

/** The export's byte-level split of plain lines gives the fields RecordParser gives for the same text. */
class SplitLineTest {

  @Test
  void splitsLikeTheRecordParser() throws RecordParser.ParseException {
    List<String> lines = List.of("1,196,242,3,1997-12-04 07:55:49.0", "", ",", ",,x,", "é,東京,😀,null", "a;b,c\td",
        "trailing,", ",leading", "\uFFFD,ok");
    for (char separator : new char[] {',', '\t', ';'}) {
      RecordParser parser = new RecordParser(Delimiters.DEFAULT.withFieldsTerminatedBy(separator));
      for (String line : lines) {
        List<String> expected = new ArrayList<>();
        parser.parse(line, expected);
        List<String> actual = new ArrayList<>();
        ExportMapper.splitLine(new Text(line), (byte) separator, actual);
        assertEquals(expected, actual, "'" + line + "' split on '" + separator + "'");
      }
    }
  }

  @Test
  void reusesTheListAndReadsOnlyTheTextsLength() {
    Text text = new Text("a,much,longer,line,first");
    text.set("x,y");
    List<String> out = new ArrayList<>(List.of("stale"));
    ExportMapper.splitLine(text, (byte) ',', out);
    assertEquals(List.of("x", "y"), out);
  }
}
