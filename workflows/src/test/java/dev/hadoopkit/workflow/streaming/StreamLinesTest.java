package dev.hadoopkit.workflow.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamLinesTest {
  private static final StreamLines TAB_ONE = new StreamLines("\t", 1);

  @Test
  void splitsAtFirstTab() {
    assertEquals(new StreamLines.KeyValue("a", "b\tc"), TAB_ONE.split("a\tb\tc"));
  }

  @Test
  void lineWithoutSeparatorIsAllKeyWithEmptyValue() {
    assertEquals(new StreamLines.KeyValue("no tab here", ""), TAB_ONE.split("no tab here"));
  }

  @Test
  void keyFieldsTakeThatManySeparatedFields() {
    StreamLines two = new StreamLines(",", 2);
    assertEquals(new StreamLines.KeyValue("a,b", "c,d"), two.split("a,b,c,d"));
    assertEquals(new StreamLines.KeyValue("a,b", ""), two.split("a,b"));
    assertEquals(new StreamLines.KeyValue("a", ""), two.split("a"));
  }

  @Test
  void emptyLineIsEmptyKey() {
    assertEquals(new StreamLines.KeyValue("", ""), TAB_ONE.split(""));
  }

  @Test
  void rejectsEmptySeparatorAndZeroFields() {
    assertThrows(IllegalArgumentException.class, () -> new StreamLines("", 1));
    assertThrows(IllegalArgumentException.class, () -> new StreamLines("\t", 0));
  }

  @Test
  void parsesReporterCounterAndStatusLines() {
    assertEquals(new StreamLines.Counter("wordcount", "LINES", 42),
        StreamLines.reporter("reporter:counter:wordcount,LINES,42"));
    assertEquals(new StreamLines.Status("half done"), StreamLines.reporter("reporter:status:half done"));
    assertNull(StreamLines.reporter("an ordinary log line"));
  }

  @Test
  void malformedCounterLineNamesTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StreamLines.reporter("reporter:counter:g,n,many"));
    assertTrue(e.getMessage().contains("reporter:counter:g,n,many"), e.getMessage());
  }

  @Test
  void commandLineSplitsLikeHadoopStreamingWithoutAShell() {
    assertEquals(List.of("tr", "-s", " ", "\\n"), CommandLine.split("tr -s ' ' '\\n'"));
    assertEquals(List.of("awk", "-F", "\t", "{ print $1 \"x\" }"),
        CommandLine.split("awk -F '\t' '{ print $1 \"x\" }'"));
    assertEquals(List.of("echo", "two words", "say \"hi\""), CommandLine.split("echo \"two words\" \"say \\\"hi\\\"\""));
    assertThrows(IllegalArgumentException.class, () -> CommandLine.split("echo 'open"));
    assertThrows(IllegalArgumentException.class, () -> CommandLine.split("   "));
  }
}
