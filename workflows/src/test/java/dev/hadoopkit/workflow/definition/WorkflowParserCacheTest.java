package dev.hadoopkit.workflow.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parser remembers definitions by exact bytes and file name; anything else is parsed (and reported) anew. */
class WorkflowParserCacheTest {
  private static final String APP = """
      <workflow-app xmlns="uri:oozie:workflow:1.0" name="%s">
        <start to="end"/>
        <end name="end"/>
      </workflow-app>
      """;

  @Test
  void sameBytesAreParsedOnceChangedBytesAgainAndErrorsEveryTime() throws Exception {
    WorkflowParser parser = new WorkflowParser();
    byte[] one = APP.formatted("one").getBytes(StandardCharsets.UTF_8);
    WorkflowDefinition first = parser.parse(one, "workflow.xml");
    assertSame(first, parser.parse(one.clone(), "workflow.xml"));
    assertNotSame(first, parser.parse(one, "other/workflow.xml"), "the file name is part of every location");

    one[one.length - 2] = ' '; // the caller's array changes after the call: the cache kept its own copy
    assertSame(first, parser.parse(APP.formatted("one").getBytes(StandardCharsets.UTF_8), "workflow.xml"));
    assertEquals("two", parser.parse(APP.formatted("two").getBytes(StandardCharsets.UTF_8), "workflow.xml").name());

    byte[] broken = APP.formatted("x").replace("<end name=\"end\"/>", "").getBytes(StandardCharsets.UTF_8);
    WorkflowException e = assertThrows(WorkflowException.class, () -> parser.parse(broken, "workflow.xml"));
    WorkflowException again = assertThrows(WorkflowException.class, () -> parser.parse(broken, "workflow.xml"));
    assertEquals(e.describe(), again.describe());
  }
}
