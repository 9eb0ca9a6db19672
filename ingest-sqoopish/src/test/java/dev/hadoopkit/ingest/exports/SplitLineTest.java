package dev.hadoopkit.ingest.exports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hadoopkit.ingest.db.Dialect;
import dev.hadoopkit.ingest.text.Delimiters;
import dev.hadoopkit.ingest.text.RecordParser;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

/**
 * The export's byte-level split of plain lines gives the values RecordParser and Sqoop's NULL rule give for the same
 * text, and MySQL integer fields that are plain decimals become numbers of the same value.
 */
class SplitLineTest {
  private static final List<String> LINES = List.of("1,196,242,3,1997-12-04 07:55:49.0", ",,,,", "null,x,,y,null",
      "é,東京,😀,null,z", "a;b,c\td,e,f,g", "trailing,,,,", ",leading,,,", "\uFFFD,ok,,,", "007,-5,12x,-,99999999999999999999",
      "only,four,fields,here", "1,2,3,4,5,6");

  @Test
  void splitsLikeTheRecordParserWithSqoopsNullRule() throws RecordParser.ParseException {
    boolean[] strings = {true, false, true, false, false};
    boolean[] noNumbers = new boolean[5];
    for (char separator : new char[] {',', '\t', ';'}) {
      RecordParser parser = new RecordParser(Delimiters.DEFAULT.withFieldsTerminatedBy(separator));
      for (String line : LINES) {
        List<String> fields = new ArrayList<>();
        parser.parse(line, fields);
        Object[] actual = new Object[5];
        int found = ExportMapper.splitFields(new Text(line), (byte) separator, noNumbers, strings, null, null, actual);
        assertEquals(fields.size(), found, "'" + line + "' split on '" + separator + "'");
        if (found == 5) {
          Object[] expected = new Object[5];
          for (int i = 0; i < 5; i++) {
            expected[i] = ExportMapper.isNull(fields.get(i), strings[i], null, null) ? null : fields.get(i);
          }
          assertArrayEquals(expected, actual, "'" + line + "' split on '" + separator + "'");
        }
      }
    }
  }

  @Test
  void plainDecimalsOfNumberColumnsBecomeLongsAndEverythingElseStaysText() {
    boolean[] strings = new boolean[5];
    boolean[] numbers = {true, true, true, true, true};
    Object[] out = new Object[5];
    assertEquals(5, ExportMapper.splitFields(new Text("007,-5,12x,-,99999999999999999999"), (byte) ',', numbers, strings,
        null, null, out));
    assertArrayEquals(new Object[] {7L, -5L, "12x", "-", "99999999999999999999"}, out);
    assertEquals(5, ExportMapper.splitFields(new Text(",null,\\N,0,-0"), (byte) ',', numbers, strings, null, "\\N", out));
    assertArrayEquals(new Object[] {null, "null", null, 0L, 0L}, out);
  }

  @Test
  void reusesTheArrayAndReadsOnlyTheTextsLength() {
    Text text = new Text("a,much,longer,line,first");
    text.set("x,y");
    Object[] out = {"stale", "stale"};
    assertEquals(2, ExportMapper.splitFields(text, (byte) ',', new boolean[2], new boolean[2], null, null, out));
    assertArrayEquals(new Object[] {"x", "y"}, out);
  }

  @Test
  void onlyMySqlIntegerColumnsAreParsedAndNoneWhenTheNullMarkerIsANumber() {
    ExportTarget target = new ExportTarget("t", List.of("a", "b", "c", "d", "e"),
        new int[] {Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.VARCHAR, Types.TINYINT}, ExportTarget.Mode.INSERT,
        List.of(), 1000, 10, 1 << 20);
    assertEquals("[true, true, false, false, true]", Arrays.toString(ExportMapper.numberColumns(Dialect.MYSQL, target, null)));
    assertEquals("[true, true, false, false, true]",
        Arrays.toString(ExportMapper.numberColumns(Dialect.MYSQL, target, "\\N")));
    assertEquals("[false, false, false, false, false]",
        Arrays.toString(ExportMapper.numberColumns(Dialect.MYSQL, target, "-1")));
    assertEquals("[false, false, false, false, false]",
        Arrays.toString(ExportMapper.numberColumns(Dialect.POSTGRESQL, target, null)));
  }
}
